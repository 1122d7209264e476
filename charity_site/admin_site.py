from django.conf import settings
from django.contrib.admin import AdminSite
from django.contrib.admin.forms import AdminAuthenticationForm
from django.http import HttpResponse, JsonResponse
from django.urls import path, reverse
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
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

    def get_urls(self):
        return [path("keep-alive/", self.keep_alive, name="keep_alive"), *super().get_urls()]

    def each_context(self, request):
        # What staff_forms.js needs on every admin page (templates/admin/base_site.html).
        return {
            **super().each_context(request),
            "keep_alive_url": reverse("admin:keep_alive", current_app=self.name),
            "session_idle_seconds": settings.SESSION_COOKIE_AGE,
        }

    @method_decorator(never_cache)
    @method_decorator(require_POST)
    def keep_alive(self, request):
        """
        Someone is typing on a staff page: the request itself renews the
        session (SESSION_SAVE_EVERY_REQUEST), so work in progress does not end
        at the idle limit. The page calls it only after activity, so a page
        left alone still signs out on time. 401 tells the page the session
        has already ended.
        """
        if not self.has_permission(request):
            return JsonResponse({"signed_in": False}, status=401)
        return HttpResponse(status=204)
