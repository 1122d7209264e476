"""Replying by email from the request page: stored first, sent once through the outbox, never changed."""

from email.utils import parseaddr
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings

from support import replies
from support.models import CannedReply, ContactMessage, ContactRequest, StatusChange
from tests.factories import fresh
from tests.servers.smtp_sink import SmtpSink
from tests.support.factories import make_request, support_user

pytestmark = pytest.mark.django_db

SMTP = {
    "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
    "EMAIL_HOST": "127.0.0.1",
    "EMAIL_USE_TLS": False,
}


def email_request(**fields):
    return make_request(
        contact_method="email", email="margaret@example.org", phone="", voicemail_ok=None, name="Margaret Ellis",
        **fields,
    )  # fmt: skip


def reply_url(contact_request):
    return f"/admin/support/contactrequest/{contact_request.pk}/reply/"


def test_a_reply_goes_out_once_from_the_support_line_with_the_reference_and_is_kept(
    client, django_capture_on_commit_callbacks
):
    contact_request = email_request()
    staff = support_user(first_name="Jo", last_name="Patel")
    client.force_login(staff)
    with (
        SmtpSink() as sink,
        override_settings(**SMTP, EMAIL_PORT=sink.port, SUPPORT_REPLY_TO_EMAIL="replies@example.org"),
    ):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                reply_url(contact_request), {"text": "Dear {first_name},\nWe can help.", "send": "Send"}
            )
        assert response.status_code == 302
        call_command("send_outboxes", stdout=StringIO())  # a retry run sends nothing again
    # The acknowledgement of the request also goes out on that run; the reply goes once.
    replies_sent = [message for message in sink.messages if message["Subject"].startswith("Your message to")]
    assert len(replies_sent) == 1
    sent = replies_sent[0]
    stored = ContactMessage.objects.get()
    assert contact_request.reference in sent["Subject"]
    assert parseaddr(sent["From"])[1] == "support@example.org"
    assert sent["Reply-To"] == "replies@example.org"
    assert sent["Message-ID"] == stored.message_id
    assert sent.get_payload().replace("\r\n", "\n").strip() == "Dear Margaret,\nWe can help."
    assert (
        stored.text == "Dear Margaret,\nWe can help."
        and stored.author == staff
        and stored.sent_at is not None
    )

    # The first reply is the first response: recorded, and New moves to In progress.
    contact_request.refresh_from_db()
    assert contact_request.first_response_at == stored.created_at
    assert contact_request.status == ContactRequest.Status.IN_PROGRESS
    assert [str(change) for change in StatusChange.objects.filter(contact_request=contact_request)] == [
        "New → In progress"
    ]
    page = client.get(f"/admin/support/contactrequest/{contact_request.pk}/change/").content.decode()
    assert (
        "Sent to them by Jo Patel" in page
        and "We can help." in page
        and "Delivered to the mail server" in page
    )

    with pytest.raises(ValueError, match="cannot be changed"):
        stored.text = "Edited afterwards"
        stored.save()


def test_with_smtp_down_the_reply_is_stored_and_sent_once_when_smtp_returns(
    client, django_capture_on_commit_callbacks
):
    contact_request = email_request()
    client.force_login(support_user())
    with (
        override_settings(**SMTP, EMAIL_PORT=9, EMAIL_TIMEOUT=2),
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = client.post(reply_url(contact_request), {"text": "Sorry for the wait.", "send": "Send"})
    assert response.status_code == 302
    stored = ContactMessage.objects.get()
    assert stored.sent_at is None and stored.attempts == 1 and stored.last_error == "ConnectionRefusedError"
    page = client.get(f"/admin/support/contactrequest/{contact_request.pk}/change/").content.decode()
    assert "Not sent yet:" in page

    ContactMessage.objects.update(next_attempt_at=None)  # the back-off has passed
    with SmtpSink() as sink, override_settings(**SMTP, EMAIL_PORT=sink.port):
        call_command("send_outboxes", stdout=StringIO())
        call_command("send_outboxes", stdout=StringIO())
    assert [message["Subject"] for message in sink.messages if message["Subject"] == stored.subject] == [
        stored.subject
    ]
    assert ContactMessage.objects.get().sent_at is not None


def test_a_canned_reply_is_added_below_what_was_typed_and_filled_once_when_sent(client):
    contact_request = email_request()
    canned = CannedReply.objects.create(
        title="Trials", text="Your reference is {reference}. Call {support_phone}.\n{your_name}"
    )
    client.force_login(support_user(first_name="Jo", last_name="Patel"))
    response = client.post(
        reply_url(contact_request),
        {"text": "Dear Margaret, my own words.", "canned": canned.pk, "insert": "1"},
    )
    assert response.status_code == 200
    text = response.context["form"].initial["text"]
    # Placeholders stay until the reply is sent: filled once, then.
    assert (
        text
        == "Dear Margaret, my own words.\n\nYour reference is {reference}. Call {support_phone}.\n{your_name}"
    )
    assert not ContactMessage.objects.exists()  # nothing sent by choosing one
    preview = client.post(reply_url(contact_request), {"text": text, "preview": "1"}).context["preview"]
    filled = f"Dear Margaret, my own words.\n\nYour reference is {contact_request.reference}. Call 0808 157 0192.\nJo Patel"
    assert preview == filled
    client.post(reply_url(contact_request), {"text": text, "send": "1"})
    assert ContactMessage.objects.get().text == filled  # the preview is exactly what was sent


def test_a_placeholder_in_the_persons_own_name_is_never_filled():
    contact_request = make_request(
        contact_method="email",
        email="x@example.org",
        phone="",
        voicemail_ok=None,
        name="{your_name} {reference}",
    )
    staff = fresh(support_user(first_name="Jo", last_name="Patel"))
    sent = replies.contact_reply_send(
        contact_request=contact_request, author=staff, text="Dear {first_name},"
    )
    assert sent.text == "Dear {your_name},"


def test_a_reply_signed_with_your_name_needs_a_public_name(client):
    contact_request = email_request()
    nameless = fresh(support_user(username="jpatel42", first_name="", last_name=""))
    with pytest.raises(replies.ReplyRefused, match="no public name"):
        replies.contact_reply_send(
            contact_request=contact_request, author=nameless, text="Thanks, {your_name}"
        )
    assert not ContactMessage.objects.exists()
    client.force_login(nameless)
    page = client.post(reply_url(contact_request), {"text": "Thanks, {your_name}", "preview": "1"})
    assert page.status_code == 400 and "jpatel42" not in page.content.decode().split('id="id_text"')[1]


def test_only_well_formed_ascii_ids_are_sent_on_in_the_thread_headers():
    contact_request = email_request()
    staff = fresh(support_user(first_name="Jo", last_name="Patel"))
    ContactMessage.objects.create(
        contact_request=contact_request,
        direction=ContactMessage.Direction.IN,
        subject="Re: x",
        text="Thanks.",
        message_id="<ñandú@correo.example>",  # stored before ids were checked
    )
    sent = replies.contact_reply_send(contact_request=contact_request, author=staff, text="Hello")
    email = replies.reply_email(ContactMessage.objects.get(pk=sent.pk))
    assert "In-Reply-To" not in email.extra_headers
    assert "ñandú" not in email.extra_headers.get("References", "")
    assert email.message()["Message-ID"] == sent.message_id
    assert all(ord(character) < 128 for character in str(email.message()))


@pytest.mark.parametrize(
    ("text", "message"),
    [("   ", "Write the reply before sending it."), ("Hello\x07there", "control character")],
)
def test_a_refused_reply_keeps_the_text_and_sends_nothing(client, text, message):
    contact_request = email_request()
    client.force_login(support_user())
    response = client.post(reply_url(contact_request), {"text": text, "send": "Send"})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert response.context["form"]["text"].value() == text
    assert not ContactMessage.objects.exists()
    assert not mail.outbox


def test_a_request_without_an_email_address_cannot_be_answered_by_email():
    contact_request = make_request()
    with pytest.raises(replies.ReplyRefused, match="no email address"):
        replies.contact_reply_send(
            contact_request=contact_request, author=fresh(support_user()), text="Hello"
        )
    assert not ContactMessage.objects.exists()


def test_only_support_staff_can_reply(client):
    from tests.treatments.factories import nurse

    contact_request = email_request()
    client.force_login(nurse())
    assert client.post(reply_url(contact_request), {"text": "Hi", "send": "Send"}).status_code == 403
    assert not ContactMessage.objects.exists()


@pytest.mark.parametrize(
    ("name", "greeting"),
    [("Margaret Ellis", "Margaret"), ("Dr Priya Nair", "Dr Nair"), ("أحمد علي", "أحمد"), ("Cher", "Cher")],
)
def test_first_name(name, greeting):
    assert replies.first_name(name) == greeting
