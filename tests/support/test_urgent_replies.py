"""
Whatever the person sends back counts. A red flag in an email the person sends back (fetched from dovecot) is caught
as one typed into the contact form is: the request turns urgent, says which
email and phrase matched, and the duty address is alerted once for that email;
and any email from them makes the request need an answer again, from then.
"""

import datetime
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command

from support import services
from support.models import ContactMessage, StatusChange
from tests.factories import fresh
from tests.support.factories import support_user
from tests.support.test_fetch_replies import email_request, fetch, their_email

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def duty_address(settings):
    settings.SUPPORT_URGENT_EMAIL = "duty@example.org"


def alerts(settings):
    return [message for message in mail.outbox if message.to == ["duty@example.org"]]


def test_a_red_flag_in_an_emailed_reply_makes_the_request_urgent_and_alerts_the_duty_address_once(
    imap_server, settings, client, django_capture_on_commit_callbacks
):
    staff = support_user()
    contact_request = email_request()
    services.contact_request_set_status(
        contact_request=contact_request, actor=fresh(staff), to_status="waiting"
    )
    assert not contact_request.urgent
    mail.outbox.clear()
    subject = f"Re: Your message [{contact_request.reference}]"
    imap_server.deliver(
        their_email(subject=subject, text="Thank you. I have been coughing up blood since last night.",
                    Message_ID="<red-1@example.org>").as_bytes()
    )  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        fetch(imap_server)

    contact_request.refresh_from_db()
    message = ContactMessage.objects.get(message_id="<red-1@example.org>")
    assert contact_request.urgent and contact_request.status == "in_progress"
    assert "coughing up blood" in [m["phrase"] for m in message.urgent_matches]
    assert {**message.urgent_matches[0], "message": message.pk} in contact_request.urgent_matches
    assert StatusChange.objects.filter(contact_request=contact_request, urgent=True, actor=None).exists()
    [alert] = alerts(settings)
    assert contact_request.reference in alert.subject and "new message" in alert.subject
    assert f"/admin/support/contactrequest/{contact_request.pk}/change/" in alert.body
    assert "blood" not in alert.subject + alert.body and "coughing" not in alert.body

    # Never twice for the same email: the sweeper and a second fetch send nothing more.
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_outboxes", stdout=StringIO())
        fetch(imap_server)
    assert len(alerts(settings)) == 1

    # A second email with a red flag is a new reason to look: one more alert.
    imap_server.deliver(
        their_email(
            subject=subject, text="Now I feel breathless all the time.", Message_ID="<red-2@example.org>"
        ).as_bytes()
    )
    with django_capture_on_commit_callbacks(execute=True):
        fetch(imap_server)
    assert len(alerts(settings)) == 2

    client.force_login(staff)
    page = client.get(f"/admin/support/contactrequest/{contact_request.pk}/change/").content.decode()
    assert "This email matched “coughing" in page and "“coughing up blood”" in page
    assert "An email from them matched “coughing" in page


def test_an_ordinary_reply_raises_no_flag(imap_server, settings, django_capture_on_commit_callbacks):
    contact_request = email_request()
    mail.outbox.clear()
    imap_server.deliver(
        their_email(
            subject=f"Re: [{contact_request.reference}]", text="Thank you, Thursday is fine."
        ).as_bytes()
    )
    with django_capture_on_commit_callbacks(execute=True):
        fetch(imap_server)
    contact_request.refresh_from_db()
    assert not contact_request.urgent and not alerts(settings)
    assert ContactMessage.objects.get(direction="in").urgent_matches == []


def test_any_reply_from_them_makes_the_request_need_an_answer_again_from_that_moment(
    imap_server, django_capture_on_commit_callbacks
):
    from support import replies, working_hours
    from support.models import ContactRequest

    staff = fresh(support_user())
    contact_request = email_request()
    replies.contact_reply_send(contact_request=contact_request, author=staff, text="Hello, how can we help?")
    services.contact_request_set_status(contact_request=contact_request, actor=staff, to_status="waiting")
    contact_request.refresh_from_db()
    first_answer = contact_request.first_response_at
    assert contact_request.answered_at is not None
    assert not ContactRequest.objects.overdue(
        now=contact_request.answer_by + datetime.timedelta(days=30)
    ).exists()

    imap_server.deliver(
        their_email(subject=f"Re: [{contact_request.reference}]", text="Yes, one more question.",
                    Message_ID="<again@example.org>").as_bytes()
    )  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        fetch(imap_server)
    contact_request.refresh_from_db()
    received = ContactMessage.objects.get(message_id="<again@example.org>").created_at
    assert contact_request.status == "in_progress" and contact_request.answered_at is None
    assert contact_request.answer_by == working_hours.answer_by(received)
    assert contact_request.first_response_at == first_answer  # the first response stays in the record
    later = contact_request.answer_by + datetime.timedelta(minutes=1)
    assert list(ContactRequest.objects.overdue(now=later)) == [contact_request]

    # Answering again takes it off the overdue list.
    replies.contact_reply_send(contact_request=contact_request, author=staff, text="Here is the answer.")
    contact_request.refresh_from_db()
    assert contact_request.answered_at is not None
    assert not ContactRequest.objects.overdue(now=later).exists()
