import datetime
import itertools
import logging
from io import StringIO

import pytest
import time_machine
from django.core import mail
from django.core.cache import caches
from django.core.management import call_command

from support.models import ContactRequest
from tests.support.helpers import CONTACT_URL, valid_post

pytestmark = pytest.mark.django_db
MESSAGE = "My scan showed fluid on my lung and I am frightened."


class FailingBackend:
    """An SMTP server that is down."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("mail server is down")


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    caches["default"].clear()


def submit_email_request(client, capture):
    with capture(execute=True):
        return client.post(
            CONTACT_URL, valid_post(contact_method="email", email="margaret@example.org", message=MESSAGE)
        )


def pending(**kwargs):
    call_command("send_pending_notifications", stdout=StringIO(), **kwargs)


def test_both_emails_go_out_and_carry_no_message_or_health_details(
    client, django_capture_on_commit_callbacks
):
    submit_email_request(client, django_capture_on_commit_callbacks)
    stored = ContactRequest.objects.get()
    assert stored.staff_notified_at is not None and stored.acknowledged_at is not None
    staff, acknowledgement = mail.outbox
    assert staff.to == ["support@example.org"]
    assert acknowledgement.to == ["margaret@example.org"]
    assert stored.reference in staff.subject and stored.reference in acknowledgement.body
    assert f"/admin/support/contactrequest/{stored.pk}/change/" in staff.body
    assert "0808 157 0192" in acknowledgement.body
    for email in (staff, acknowledgement):
        text = email.subject + email.body
        assert MESSAGE not in text
        assert "fluid" not in text and "frightened" not in text
    assert "Margaret" not in staff.subject + staff.body
    assert "margaret@example.org" not in staff.body


def test_a_call_back_without_email_gets_only_the_staff_alert(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(CONTACT_URL, valid_post())
    assert [email.to for email in mail.outbox] == [["support@example.org"]]
    assert ContactRequest.objects.get().acknowledged_at is None


def test_mail_down_still_stores_once_thanks_and_logs_then_sends_once_when_back(
    client, settings, caplog, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.support.test_notifications.FailingBackend"
    with caplog.at_level(logging.WARNING, logger="support.notifications"):
        response = submit_email_request(client, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    assert client.get(response["Location"]).status_code == 200
    stored = ContactRequest.objects.get()
    assert stored.staff_notified_at is None and stored.notify_attempts == 1
    assert stored.notify_last_error == "ConnectionRefusedError"
    assert f"Notification for contact request {stored.reference} failed" in caplog.text
    assert "margaret@example.org" not in caplog.text and MESSAGE not in caplog.text

    # Too soon: the back-off holds the retry.
    pending()
    assert ContactRequest.objects.get().notify_attempts == 1

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with time_machine.travel(datetime.timedelta(minutes=5)):
        pending()
        pending()
    stored.refresh_from_db()
    assert stored.staff_notified_at is not None and stored.acknowledged_at is not None
    assert sorted(email.to[0] for email in mail.outbox) == ["margaret@example.org", "support@example.org"]


def test_repeated_failures_back_off_and_alert(client, settings, caplog, django_capture_on_commit_callbacks):
    settings.EMAIL_BACKEND = "tests.support.test_notifications.FailingBackend"
    submit_email_request(client, django_capture_on_commit_callbacks)
    stored = ContactRequest.objects.get()
    gaps = []
    with caplog.at_level(logging.WARNING, logger="support.notifications"):
        for _ in range(5):
            stored.refresh_from_db()
            with time_machine.travel(stored.notify_after + datetime.timedelta(seconds=1)):
                gaps.append(stored.notify_after)
                pending()
    stored.refresh_from_db()
    assert stored.notify_attempts == 6
    waits = [(later - earlier).total_seconds() for earlier, later in itertools.pairwise(gaps)]
    assert waits == sorted(waits) and waits[-1] > waits[0]
    assert any(record.levelno == logging.ERROR for record in caplog.records)


def test_a_partly_sent_request_only_sends_what_is_owed(client, settings, django_capture_on_commit_callbacks):
    submit_email_request(client, django_capture_on_commit_callbacks)
    ContactRequest.objects.update(acknowledged_at=None)
    mail.outbox.clear()
    pending()
    assert [email.to for email in mail.outbox] == [["margaret@example.org"]]
