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


def _urgent_alert(contact_request: ContactRequest, *, in_a_message: bool) -> EmailMessage:
    context = {
        "contact_request": contact_request,
        "admin_url": _admin_url(contact_request),
        "in_a_message": in_a_message,
    }
    what = "new message on support request" if in_a_message else "support request"
    return EmailMessage(
        subject=f"Urgent {what} {contact_request.reference}: please read it now",
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


def _assigned_note(email: SupportEmail) -> EmailMessage:
    contact_request = email.contact_request
    context = {"contact_request": contact_request, "admin_url": _admin_url(contact_request)}
    return EmailMessage(
        subject=f"Support request {contact_request.reference} is assigned to you",
        body=render_to_string("support/email/assigned.txt", context),
        to=[email.assignment.assigned_to.email],
    )


def support_email_message(email: SupportEmail) -> EmailMessage:
    if email.kind == SupportEmail.Kind.ASSIGNED:
        return _assigned_note(email)
    if email.kind == SupportEmail.Kind.URGENT_ALERT:
        return _urgent_alert(email.contact_request, in_a_message=email.message_id is not None)
    if email.kind == SupportEmail.Kind.NEW_REQUEST:
        return _staff_email(email.contact_request)
    return _acknowledgement(email.contact_request)


def support_emails_queue(
    contact_request: ContactRequest, kinds: list[str], *, message=None, assignment=None
) -> None:
    """
    Owe these emails for a request, for one message from the person, or for one
    assignment (inside the transaction that stores the change; any already owed
    is not owed twice, as the database decides) and send them once it commits.
    """
    SupportEmail.objects.bulk_create(
        [
            SupportEmail(contact_request=contact_request, kind=kind, message=message, assignment=assignment)
            for kind in kinds
        ],
        ignore_conflicts=True,
    )
    outbox_send_after_commit(
        SupportEmail,
        SupportEmail.objects.filter(
            contact_request=contact_request, kind__in=kinds, message=message, assignment=assignment
        )
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
