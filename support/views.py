import logging

from django.conf import settings
from django.db import DatabaseError, IntegrityError
from django.http import QueryDict
from django.shortcuts import redirect, render
from django.utils.decorators import method_decorator
from django.utils.html import format_html
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from core.links import tel_href
from core.security_log import security_event

from . import antispam, services
from .forms import ContactForm
from .models import CONSENT_WORDING, ContactRequest, RefusedSubmissions

logger = logging.getLogger(__name__)

HONEYPOT_FIELD = "website"
STARTED_FIELD = "form_started"
SESSION_REFERENCE = "support_reference"
SESSION_SELF_HARM = "support_self_harm"

NOT_STORED_MESSAGE = (
    "Sorry, we could not send your message because of a problem on our side. Nothing has been "
    "lost: your message is still below. Please try again in a few minutes, or call us free on {phone}."
)
BOT_CHECK_MESSAGE = (
    "Sorry, we could not send your message. Please check your details and press “Send” again, "
    "or call us free on {phone}."
)


def _phone_link() -> str:
    """The support line as a link a phone can call, for the messages above."""
    return format_html('<a href="{}">{}</a>', tel_href(settings.SUPPORT_PHONE), settings.SUPPORT_PHONE)


EXPIRED_MESSAGE = (
    "This form was open for a long time, so for your security we have not sent it yet. "
    "Everything you typed is still below: please press “Send” again."
)


# No form field ever reaches an error report: they hold health details.
@method_decorator(sensitive_post_parameters(), name="dispatch")
class ContactView(View):
    template_name = "support/contact.html"

    def get(self, request):
        return self.render_form(request, ContactForm())

    def post(self, request):
        form = ContactForm(request.POST)
        honeypot = bool(request.POST.get(HONEYPOT_FIELD))
        token = request.POST.get(STARTED_FIELD, "")
        token_problem = antispam.form_token_problem(token)
        if honeypot or token_problem is antispam.TokenProblem.BOT:
            # Not stored. A person who was caught by mistake keeps what they typed.
            reason = "honeypot" if honeypot else "timing"
            security_event("contact.bot_rejected", reason=reason)
            RefusedSubmissions.count_one(reason)
            form.is_valid()
            return self.render_form(
                request, form, status=400, problem=format_html(BOT_CHECK_MESSAGE, phone=_phone_link())
            )
        if not form.is_valid():
            return self.render_form(request, form, status=400)
        if token_problem is antispam.TokenProblem.EXPIRED:
            security_event("contact.form_expired")
            return self.render_form(request, form, status=400, problem=EXPIRED_MESSAGE, already_typing=True)
        if antispam.rate_limited(request):
            security_event("contact.rate_limited")
            RefusedSubmissions.count_one(RefusedSubmissions.Reason.RATE_LIMITED)
            # Give back what they wrote, so nothing is lost, with the phone number.
            context = {"page_title": "Please call us instead", "message": form.cleaned_data["message"]}
            return render(request, "support/rate_limited.html", context, status=429)
        try:
            contact_request = services.contact_request_create(
                **{field: form.cleaned_data[field] for field in ContactForm.Meta.fields}, form_token=token
            )
        except IntegrityError:
            # This form was sent already (a double click, or Send again after a slow answer):
            # the same thank-you page, and still one request.
            contact_request = services.contact_request_for_token(token)
            if contact_request is None:
                raise
            security_event("contact.form_repeated")
        except DatabaseError:
            # Nothing was stored. Give the form back with everything they typed.
            logger.exception("Contact request could not be stored: the database is not answering.")
            response = self.render_form(
                request,
                form,
                status=503,
                problem=format_html(NOT_STORED_MESSAGE, phone=_phone_link()),
                already_typing=True,
            )
            response["Retry-After"] = "60"
            return response
        request.session[SESSION_REFERENCE] = contact_request.reference
        request.session[SESSION_SELF_HARM] = contact_request.mentions_self_harm
        return redirect("support:thank_you")

    def render_form(self, request, form, *, status=200, problem="", already_typing=False):
        form.link_hints_and_errors()
        context = {
            "page_title": "Contact us",
            "page_description": "Ask a specialist mesothelioma nurse to call you back or email you.",
            "form": form,
            "problem": problem,
            "consent_wording": CONSENT_WORDING,
            "form_started": antispam.form_started_token(already_typing=already_typing),
            "honeypot_field": HONEYPOT_FIELD,
            "started_field": STARTED_FIELD,
            "reply_within": settings.SUPPORT_REPLY_WITHIN,
        }
        return render(request, self.template_name, context, status=status)


EXPIRED_PAGE_MESSAGE = (
    "Sorry, this page had been open too long for us to accept it safely, so nothing has been sent "
    "yet. Everything you typed is below: please press “Send” again."
)
TOO_LARGE_MESSAGE = (
    "Sorry, what you sent was too large for us to receive. We have kept what we could below, "
    "with your message cut to its first {limit:,} characters: please check it and press “Send” "
    "again, or call us free on {phone}."
)


def contact_form_after_csrf_failure(request):
    """
    The contact form sent without a valid CSRF token (a page left open for a
    long time, cookies cleared): given back with what was typed and a fresh
    token, so nothing is lost. Nothing is stored from this request.
    """
    form = ContactForm(request.POST)
    return ContactView().render_form(
        request, form, status=403, problem=EXPIRED_PAGE_MESSAGE, already_typing=True
    )


def contact_form_too_large(request):
    """
    A contact POST larger than DATA_UPLOAD_MAX_MEMORY_SIZE, which Django will
    not parse: read the start of it, keep the fields in it and the message's
    first characters, and give the form back. Nothing is stored.
    """
    # The last field is usually the long message, cut short: kept, it is what matters most.
    received = request.read(settings.DATA_UPLOAD_MAX_MEMORY_SIZE)
    data = QueryDict(received, mutable=True, encoding=request.encoding or settings.DEFAULT_CHARSET)
    limit = ContactRequest._meta.get_field("message").max_length
    data["message"] = data.get("message", "")[:limit]
    problem = TOO_LARGE_MESSAGE.format(limit=limit, phone=settings.SUPPORT_PHONE)
    return ContactView().render_form(
        request, ContactForm(data), status=413, problem=problem, already_typing=True
    )


@never_cache
def thank_you(request):
    reference = request.session.get(SESSION_REFERENCE)
    if not reference:
        return redirect("support:contact")
    context = {
        "page_title": "We have your message",
        "reference": reference,
        "reply_within": settings.SUPPORT_REPLY_WITHIN,
        "mentions_self_harm": request.session.get(SESSION_SELF_HARM, False),
    }
    return render(request, "support/thank_you.html", context)
