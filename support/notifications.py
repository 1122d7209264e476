"""
The emails a contact request triggers, sent from the request row (the outbox)
with retries and back-off. None carries the message text or any health detail:
an urgent request alerts the duty address first, with its reference and a
link; the support inbox gets a reference and a link; the person gets their
reference and what happens next.

Delivery is at least once: a sent email is recorded straight after sending,
so only a crash between the two can send it twice.
"""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from core.outbox import attempt_failed

from .models import ContactRequest

logger = logging.getLogger(__name__)


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


def _mark_failed(contact_request: ContactRequest, error: Exception) -> None:
    level = attempt_failed(
        contact_request,
        error,
        attempts="notify_attempts",
        after="notify_after",
        last_error="notify_last_error",
    )
    logger.log(
        level,
        "Notification for contact request %s failed (attempt %s, %s); next try after %s.",
        contact_request.reference,
        contact_request.notify_attempts,
        contact_request.notify_last_error,
        contact_request.notify_after.isoformat(timespec="seconds"),
    )


def contact_request_send_notifications(request_id: int) -> bool:
    """
    Send whatever this request still owes, if its next attempt is due.
    Returns True when nothing is left to send. Never raises for a mail failure.
    """
    with transaction.atomic():
        # SKIP LOCKED: a worker and the cron command never send the same row at once.
        contact_request = (
            ContactRequest.objects.select_for_update(skip_locked=True)
            .awaiting_notification()
            .filter(pk=request_id)
            .first()
        )
        if contact_request is None:
            return True
        try:
            if contact_request.urgent and contact_request.urgent_alerted_at is None:
                _urgent_alert(contact_request).send()
                contact_request.urgent_alerted_at = timezone.now()
                contact_request.save(update_fields=["urgent_alerted_at"])
            if contact_request.staff_notified_at is None:
                _staff_email(contact_request).send()
                contact_request.staff_notified_at = timezone.now()
                contact_request.save(update_fields=["staff_notified_at"])
            if contact_request.wants_acknowledgement and contact_request.acknowledged_at is None:
                _acknowledgement(contact_request).send()
                contact_request.acknowledged_at = timezone.now()
                contact_request.save(update_fields=["acknowledged_at"])
        except Exception as error:  # any mail failure: record it and retry later
            _mark_failed(contact_request, error)
            return False
        if contact_request.notify_attempts:
            logger.info("Notifications for contact request %s sent after a retry.", contact_request.reference)
        return True


@task()
def notify_contact_request(request_id: int) -> bool:
    """The background task: in a worker in production; at once in development and tests."""
    return contact_request_send_notifications(request_id)


def send_pending_notifications(limit: int = 100) -> tuple[int, int]:
    """Retry every request whose notifications are due. Returns (sent, failed)."""
    ids = list(
        ContactRequest.objects.awaiting_notification()
        .order_by("received_at")
        .values_list("pk", flat=True)[:limit]
    )
    sent = failed = 0
    for request_id in ids:
        if contact_request_send_notifications(request_id):
            sent += 1
        else:
            failed += 1
    return sent, failed
