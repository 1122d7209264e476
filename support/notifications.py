"""
The emails a contact request triggers, each a SupportEmail outbox row
(core/outbox.py). None carries the message text or any health detail: an
urgent request alerts the duty address first, with its reference and a link;
the support inbox gets a reference and a link; the person gets their
reference and what happens next.
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse

from core.outbox import outbox_send_after_commit

from .models import ContactRequest, SupportEmail


def _admin_url(contact_request: ContactRequest) -> str:
    return settings.SITE_URL + reverse("admin:support_contactrequest_change", args=[contact_request.pk])


def _urgent_alert(contact_request: ContactRequest) -> EmailMessage:
    context = {"contact_request": contact_request, "admin_url": _admin_url(contact_request)}
    return EmailMessage(
        subject=f"Urgent support request {contact_request.reference}: please read it now",
        body=render_to_string("support/email/urgent_alert.txt", context),
        to=[settings.SUPPORT_URGENT_EMAIL],
    )


def _staff_email(contact_request: ContactRequest) -> EmailMessage:
    context = {"contact_request": contact_request, "admin_url": _admin_url(contact_request)}
    return EmailMessage(
        subject=f"New support request {contact_request.reference}: {contact_request.get_topic_display()}",
        body=render_to_string("support/email/staff_notification.txt", context),
        to=[settings.SUPPORT_INBOX_EMAIL],
    )


def _acknowledgement(contact_request: ContactRequest) -> EmailMessage:
    context = {
        "contact_request": contact_request,
        "charity_name": settings.CHARITY_NAME,
        "support_phone": settings.SUPPORT_PHONE,
        "support_opening_hours": settings.SUPPORT_OPENING_HOURS,
        "reply_within": settings.SUPPORT_REPLY_WITHIN,
    }
    return EmailMessage(
        subject=f"We have your message ({contact_request.reference})",
        body=render_to_string("support/email/acknowledgement.txt", context),
        to=[contact_request.email],
        reply_to=[settings.SUPPORT_EMAIL],
    )


SENDERS = {
    SupportEmail.Kind.URGENT_ALERT: _urgent_alert,
    SupportEmail.Kind.NEW_REQUEST: _staff_email,
    SupportEmail.Kind.ACKNOWLEDGEMENT: _acknowledgement,
}


def support_email_message(email: SupportEmail) -> EmailMessage:
    return SENDERS[email.kind](email.contact_request)


def support_emails_queue(contact_request: ContactRequest, kinds: list[str]) -> None:
    """
    Owe these emails for a request (inside the transaction that stores or flags
    it; any already owed is not owed twice) and send them once it commits.
    """
    SupportEmail.objects.bulk_create(
        [SupportEmail(contact_request=contact_request, kind=kind) for kind in kinds], ignore_conflicts=True
    )
    outbox_send_after_commit(
        SupportEmail,
        SupportEmail.objects.filter(contact_request=contact_request, kind__in=kinds)
        .unsent()
        .values_list("pk", flat=True),
    )


def support_emails_on_arrival(contact_request: ContactRequest) -> list[str]:
    """What a new request owes: the duty address first when it is urgent."""
    kinds = [SupportEmail.Kind.NEW_REQUEST]
    if contact_request.urgent:
        kinds.insert(0, SupportEmail.Kind.URGENT_ALERT)
    if contact_request.wants_acknowledgement:
        kinds.append(SupportEmail.Kind.ACKNOWLEDGEMENT)
    return kinds
