import datetime
import itertools
import logging
from io import StringIO

import pytest
import time_machine
from django.core import mail
from django.core.cache import caches
from django.core.management import call_command

from support.models import ContactRequest, SupportEmail
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
    call_command("send_outboxes", stdout=StringIO(), **kwargs)


def test_both_emails_go_out_and_carry_no_message_or_health_details(
    client, django_capture_on_commit_callbacks
):
    submit_email_request(client, django_capture_on_commit_callbacks)
    stored = ContactRequest.objects.get()
    assert not SupportEmail.objects.unsent().exists()
    assert sorted(stored.emails.values_list("kind", flat=True)) == ["acknowledgement", "new_request"]
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
    assert list(SupportEmail.objects.values_list("kind", flat=True)) == ["new_request"]


def test_mail_down_still_stores_once_thanks_and_logs_then_sends_once_when_back(
    client, settings, caplog, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.support.test_notifications.FailingBackend"
    with caplog.at_level(logging.WARNING, logger="core.outbox"):
        response = submit_email_request(client, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    assert client.get(response["Location"]).status_code == 200
    stored = ContactRequest.objects.get()
    emails = SupportEmail.objects.all()
    assert len(emails) == 2
    assert all(
        e.sent_at is None and e.attempts == 1 and e.last_error == "ConnectionRefusedError" for e in emails
    )
    assert f"Support inbox alert for {stored.reference} failed (attempt 1" in caplog.text
    assert "margaret@example.org" not in caplog.text and MESSAGE not in caplog.text

    # Too soon: the back-off holds the retry.
    pending()
    assert set(SupportEmail.objects.values_list("attempts", flat=True)) == {1}

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with time_machine.travel(datetime.timedelta(minutes=5)):
        pending()
        pending()
    assert not SupportEmail.objects.unsent().exists()
    assert sorted(email.to[0] for email in mail.outbox) == ["margaret@example.org", "support@example.org"]


def test_repeated_failures_back_off_and_alert(client, settings, caplog, django_capture_on_commit_callbacks):
    settings.EMAIL_BACKEND = "tests.support.test_notifications.FailingBackend"
    submit_email_request(client, django_capture_on_commit_callbacks)
    stored = SupportEmail.objects.get(kind="new_request")
    gaps = []
    with caplog.at_level(logging.WARNING, logger="core.outbox"):
        for _ in range(5):
            stored.refresh_from_db()
            with time_machine.travel(stored.next_attempt_at + datetime.timedelta(seconds=1)):
                gaps.append(stored.next_attempt_at)
                pending()
    stored.refresh_from_db()
    assert stored.attempts == 6
    waits = [(later - earlier).total_seconds() for earlier, later in itertools.pairwise(gaps)]
    assert waits == sorted(waits) and waits[-1] > waits[0]
    assert any(record.levelno == logging.ERROR for record in caplog.records)


def test_a_partly_sent_request_only_sends_what_is_owed(client, settings, django_capture_on_commit_callbacks):
    submit_email_request(client, django_capture_on_commit_callbacks)
    SupportEmail.objects.filter(kind="acknowledgement").update(sent_at=None)
    mail.outbox.clear()
    pending()
    assert [email.to for email in mail.outbox] == [["margaret@example.org"]]
