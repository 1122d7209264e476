from django.conf import settings
from django.contrib.admin import AdminSite
from django.contrib.admin.forms import AdminAuthenticationForm
from django_otp.admin import OTPAdminAuthenticationForm


class CharityAdminSite(AdminSite):
    """
    The staff admin. With ADMIN_REQUIRE_2FA on, signing in needs a password and
    a code from the staff member's authenticator app, and a session that has
    not passed the code is treated as not signed in.
    """

    site_header = f"{settings.CHARITY_NAME}: staff"
    site_title = settings.CHARITY_NAME

    @property
    def login_form(self):
        return OTPAdminAuthenticationForm if settings.ADMIN_REQUIRE_2FA else AdminAuthenticationForm

    @property
    def login_template(self):
        return "otp/admin111/login.html" if settings.ADMIN_REQUIRE_2FA else None

    def has_permission(self, request):
        if not super().has_permission(request):
            return False
        return not settings.ADMIN_REQUIRE_2FA or request.user.is_verified()
