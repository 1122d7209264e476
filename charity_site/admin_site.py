import re

from django.apps import apps
from django.conf import settings
from django.contrib.admin import AdminSite
from django.contrib.admin.forms import AdminAuthenticationForm
from django.http import JsonResponse
from django.urls import path, reverse
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django_otp import devices_for_user
from django_otp.admin import OTPAdminAuthenticationForm

from staff import presence


class StaffSignInForm(OTPAdminAuthenticationForm):
    """
    Password and code on the first try: for someone with one authenticator
    device, that device is the one the code is checked against (django-otp
    otherwise asks to choose a device after a valid password, so a first
    attempt always failed). With several devices the page asks which.
    """

    def _chosen_device(self, user):
        device = super()._chosen_device(user)
        if device is None and not self.cleaned_data.get("otp_device"):
            devices = list(devices_for_user(user, confirmed=True, for_verify=True))
            if len(devices) == 1:
                return devices[0]
        return device


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
        return StaffSignInForm if settings.ADMIN_REQUIRE_2FA else AdminAuthenticationForm

    @property
    def login_template(self):
        return "otp/admin111/login.html" if settings.ADMIN_REQUIRE_2FA else None

    def has_permission(self, request):
        if not super().has_permission(request):
            return False
        return not settings.ADMIN_REQUIRE_2FA or request.user.is_verified()

    def index(self, request, extra_context=None):
        # What needs doing now, for whoever signs in: worked out here, not in the template.
        # Imported here: the admin site is built before the apps' models are loaded.
        from support.dashboard import content_gaps, support_dashboard
        from treatments.dashboard import review_dashboard

        extra_context = {
            **(extra_context or {}),
            "dashboard": review_dashboard(request.user),
            "support": support_dashboard(request.user),
            "gaps": content_gaps(request.user),
        }
        return super().index(request, extra_context)

    def get_urls(self):
        return [path("heartbeat/", self.heartbeat, name="heartbeat"), *super().get_urls()]

    def each_context(self, request):
        # What staff_forms.js needs on every admin page (templates/admin/base_site.html).
        return {
            **super().each_context(request),
            "heartbeat_url": reverse("admin:heartbeat", current_app=self.name),
            "session_idle_seconds": settings.SESSION_COOKIE_AGE,
            "presence_beat_seconds": presence.BEAT_SECONDS,
        }

    @method_decorator(never_cache)
    @method_decorator(require_POST)
    def heartbeat(self, request):
        """
        An open staff page's heartbeat. With active=1 (someone typed or
        clicked since the last beat) the request renews the session, as any
        request does (SESSION_SAVE_EVERY_REQUEST), so work in progress does
        not end at the idle limit; without it the session is left alone, so a
        page nobody touches still signs out on time. With page= (an object's
        presence key) it records this tab there and answers who else has that
        object open. 401: the session has ended.
        """
        if request.POST.get("active") != "1":
            request.session_passive = True
        if not self.has_permission(request):
            return JsonResponse({"signed_in": False}, status=401)
        others = []
        page = request.POST.get("page", "")
        if page:
            if self.presence_object(request, page) is None:
                # The same answer for a page that does not exist and one this person may not see.
                return JsonResponse({"signed_in": True, "others": []}, status=404)
            tab = request.POST.get("tab", "")
            if presence.valid_tab(tab):
                presence.presence_record(page=page, tab=tab, user=request.user)
            others = presence.presence_others(page=page, user=request.user, tab=tab)
        return JsonResponse({"signed_in": True, "others": others})

    def presence_object(self, request, page: str):
        """The object a presence key names, if its admin lets this person view it."""
        match = re.fullmatch(r"([a-z_]+)\.([a-z_]+):(\d{1,18})", page)
        if not match:
            return None
        try:
            model = apps.get_model(match[1], match[2])
        except LookupError:
            return None
        model_admin = self._registry.get(model)
        if model_admin is None:
            return None
        obj = model_admin.get_object(request, match[3])
        if obj is None or not model_admin.has_view_permission(request, obj):
            return None
        return obj
