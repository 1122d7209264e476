"""The person's answers come back onto the request from a real IMAP mailbox (dovecot)."""

from email.message import EmailMessage
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings

from support import replies, services
from support.models import ContactMessage, ContactRequest
from tests.factories import fresh
from tests.support.factories import make_request, support_user

pytestmark = pytest.mark.django_db


def email_request(**fields):
    return make_request(
        contact_method="email", email="margaret@example.org", phone="", voicemail_ok=None, name="Margaret Ellis",
        **fields,
    )  # fmt: skip


def their_email(
    *, subject, text="Thank you, that helps.", sender="Margaret <margaret@example.org>", **headers
):
    message = EmailMessage()
    message["From"] = sender
    message["To"] = "support@example.org"
    message["Subject"] = subject
    for name, value in headers.items():
        message[name.replace("_", "-")] = value
    message.set_content(text)
    return message


def fetch(imap_server) -> str:
    out = StringIO()
    with override_settings(**imap_server.settings()):
        call_command("fetch_support_replies", stdout=out)
    return out.getvalue()


def test_a_reply_is_matched_by_in_reply_to_stored_as_text_and_marked_seen(imap_server):
    contact_request = email_request()
    ours = replies.contact_reply_send(
        contact_request=contact_request, author=fresh(support_user()), text="Hello"
    )
    answer = their_email(
        subject="Re: something else entirely", In_Reply_To=ours.message_id, Message_ID="<a1@example.org>"
    )
    answer.add_alternative("<p>Thank you, <b>that</b> helps.</p><script>alert(1)</script>", subtype="html")
    answer.add_attachment(b"%PDF-1.4", maintype="application", subtype="pdf", filename="scan.pdf")
    imap_server.deliver(answer.as_bytes())

    output = fetch(imap_server)
    assert f"Replies stored: 1 ({contact_request.reference})" in output
    incoming = ContactMessage.objects.get(direction="in")
    assert incoming.contact_request == contact_request
    assert incoming.text == "Thank you, that helps."
    assert incoming.message_id == "<a1@example.org>"
    assert "scan.pdf" in incoming.not_stored
    assert imap_server.flags() == [{"\\Seen"}]

    # A second run finds nothing new and stores nothing twice.
    assert "Replies stored: 0" in fetch(imap_server)
    assert ContactMessage.objects.filter(direction="in").count() == 1


def test_an_html_only_email_is_converted_and_sanitised(imap_server):
    contact_request = email_request()
    answer = EmailMessage()
    answer["From"] = "margaret@example.org"
    answer["Subject"] = f"Re: Your message [{contact_request.reference}]"
    answer.set_content(
        "<html><head><style>p{color:red}</style></head><body><p>Line one &amp; more</p>"
        "<p>Line\u202e two</p><img src=x onerror=alert(1)></body></html>",
        subtype="html",
    )
    imap_server.deliver(answer.as_bytes())
    fetch(imap_server)
    text = ContactMessage.objects.get().text
    assert text == "Line one & more\n\nLine two"


def test_a_reference_in_the_subject_counts_only_from_the_address_the_request_gave(imap_server):
    contact_request = email_request()
    imap_server.deliver(
        their_email(subject=f"About {contact_request.reference}", sender="someone@else.example").as_bytes()
    )
    imap_server.deliver(their_email(subject="Hello, no reference here").as_bytes())
    output = fetch(imap_server)
    assert "Replies stored: 0" in output and "unmatched, flagged in the mailbox: 2" in output
    assert not ContactMessage.objects.exists()
    assert imap_server.flags() == [{"\\Flagged"}, {"\\Flagged"}]  # left unread for a person

    imap_server.deliver(
        their_email(subject=f"Re: [{contact_request.reference}]", sender="MARGARET@example.org").as_bytes()
    )
    assert "Replies stored: 1" in fetch(imap_server)
    assert "unmatched" in fetch(imap_server)  # the flagged ones are not read again
    assert ContactMessage.objects.count() == 1


def test_a_reply_reopens_a_closed_request_and_the_history_says_why(imap_server):
    contact_request = email_request()
    staff = fresh(support_user())
    services.contact_request_set_status(
        contact_request=contact_request, actor=staff, to_status="closed", outcome="emailed"
    )
    imap_server.deliver(
        their_email(subject=f"Re: [{contact_request.reference}]", text="One more question.").as_bytes()
    )
    fetch(imap_server)
    contact_request.refresh_from_db()
    assert contact_request.status == ContactRequest.Status.IN_PROGRESS and contact_request.closed_at is None
    assert str(contact_request.changes.last()) == "Closed → In progress"
    assert contact_request.changes.last().actor is None


def test_an_email_over_the_size_limit_is_flagged_and_not_stored(imap_server):
    contact_request = email_request()
    imap_server.deliver(their_email(subject=f"Re: [{contact_request.reference}]", text="x" * 5000).as_bytes())
    with override_settings(SUPPORT_REPLY_MAX_BYTES=1000):
        output = fetch(imap_server)
    assert "too large, flagged: 1" in output
    assert not ContactMessage.objects.exists()


def test_a_long_quoted_reply_keeps_the_new_part():
    from support.mailbox import message_text

    message = their_email(
        subject="Re: x", text="Yes please.\n\nOn Mon, 23 Nov 2026, Support wrote:\n> Hello\n> there"
    )
    read = message_text(message)
    assert read.text == "Yes please."
    assert read.notes == []
    assert "> Hello" in read.original and read.original.startswith("Yes please.")


def test_no_mailbox_configured_or_reachable_is_a_clear_error():
    with (
        override_settings(SUPPORT_IMAP_HOST=""),
        pytest.raises(CommandError, match="SUPPORT_IMAP_HOST is not set"),
    ):
        call_command("fetch_support_replies", stdout=StringIO())
    unreachable = {"SUPPORT_IMAP_HOST": "127.0.0.1", "SUPPORT_IMAP_PORT": 9, "SUPPORT_IMAP_SSL": False}
    with override_settings(**unreachable), pytest.raises(CommandError, match="ConnectionRefusedError"):
        call_command("fetch_support_replies", stdout=StringIO())


# --- One hostile email never stops the mailbox -------------------------------------------


def deeply_nested(depth: int, reference: str) -> bytes:
    """A MIME message whose parts nest `depth` deep: Python's parser recurses into each level."""
    lines = [
        "From: margaret@example.org",
        "To: support@example.org",
        f"Subject: Re: [{reference}]",
        "Message-ID: <deep@example.org>",
        "MIME-Version: 1.0",
        'Content-Type: multipart/mixed; boundary="b0"',
        "",
    ]
    for level in range(1, depth):
        lines += [f"--b{level - 1}", f'Content-Type: multipart/mixed; boundary="b{level}"', ""]
    lines += [f"--b{depth - 1}", "Content-Type: text/plain", "", "Deep inside."]
    for level in reversed(range(depth)):
        lines.append(f"--b{level}--")
    return "\r\n".join(lines).encode()


def test_an_email_nested_a_thousand_deep_is_flagged_and_every_good_reply_is_stored(imap_server):
    contact_request = email_request()
    subject = f"Re: [{contact_request.reference}]"
    imap_server.deliver(
        their_email(subject=subject, text="Before it.", Message_ID="<one@example.org>").as_bytes()
    )
    imap_server.deliver(deeply_nested(1000, contact_request.reference))
    imap_server.deliver(
        their_email(subject=subject, text="After it.", Message_ID="<two@example.org>").as_bytes()
    )

    output = fetch(imap_server)
    assert "Replies stored: 2" in output
    assert "could not be read, flagged: 1 (RecursionError: 1)" in output
    texts = sorted(ContactMessage.objects.filter(direction="in").values_list("text", flat=True))
    assert texts == ["After it.", "Before it."]
    assert imap_server.flags() == [{"\\Seen"}, {"\\Flagged"}, {"\\Seen"}]  # left for a person

    # The next run is not stopped by it either, and repeats nothing.
    imap_server.deliver(
        their_email(subject=subject, text="Later.", Message_ID="<three@example.org>").as_bytes()
    )
    output = fetch(imap_server)
    assert "Replies stored: 1" in output and "could not be read, flagged: 0." in output
    assert ContactMessage.objects.filter(direction="in").count() == 3


def test_nul_and_control_characters_in_headers_are_cleaned_before_use():
    """dovecot rewrites NUL bytes when it saves a mail; another IMAP server may hand them over as they came."""
    from support.mailbox import store

    contact_request = email_request()
    ours = replies.contact_reply_send(
        contact_request=contact_request, author=fresh(support_user()), text="Hi"
    )
    raw = (
        "From: margaret@example.org\r\n"
        "Subject: Re: hello\x00\x07 there\r\n"
        "Message-ID: <nul\x00id@example.org>\r\n"
        f"In-Reply-To: {ours.message_id[:-1]}\x00>\r\n"
        "Content-Type: text/plain\r\n\r\nThank you.\r\n"
    ).encode()
    assert store(raw) == ("stored", contact_request.reference)
    stored = ContactMessage.objects.get(direction="in")
    assert stored.message_id == "<nulid@example.org>" and stored.subject == "Re: hello there"
    assert stored.in_reply_to == ours.message_id


def test_a_message_id_stored_before_with_other_content_is_flagged_not_dropped(imap_server):
    contact_request = email_request()
    subject = f"Re: [{contact_request.reference}]"
    imap_server.deliver(
        their_email(subject=subject, text="First.", Message_ID="<same@example.org>").as_bytes()
    )
    fetch(imap_server)
    imap_server.deliver(
        their_email(subject=subject, text="Different words.", Message_ID="<same@example.org>").as_bytes()
    )
    output = fetch(imap_server)
    assert "Message-ID already stored with other content, flagged: 1" in output
    assert imap_server.flags()[-1] == {"\\Flagged"}  # in the mailbox for a person to read
    assert list(ContactMessage.objects.values_list("text", flat=True)) == ["First."]


@pytest.mark.parametrize(
    ("sender", "extra"),
    [
        ("attacker@evil.example, margaret@example.org", {}),  # two senders, one of them the person
        (
            "margaret@example.org",
            {"Authentication-Results": "mx.example.org; dmarc=fail header.from=example.org"},
        ),
        ("margaret@example.org", {"Authentication-Results": "mx.example.org; spf=softfail smtp.mailfrom=x"}),
    ],
)
def test_a_subject_reference_from_a_forged_or_shared_sender_is_flagged(imap_server, sender, extra):
    contact_request = email_request()
    message = their_email(subject=f"Re: [{contact_request.reference}]", sender=sender, **extra)
    imap_server.deliver(message.as_bytes())
    assert "unmatched, flagged in the mailbox: 1" in fetch(imap_server)
    assert not ContactMessage.objects.exists()


def test_a_subject_reference_that_passed_the_servers_checks_is_stored(imap_server):
    contact_request = email_request()
    message = their_email(subject=f"Re: [{contact_request.reference}]")
    message["Authentication-Results"] = "mx.example.org; spf=pass; dkim=pass; dmarc=pass"
    imap_server.deliver(message.as_bytes())
    assert "Replies stored: 1" in fetch(imap_server)


def test_a_second_from_header_is_not_trusted(imap_server):
    contact_request = email_request()
    raw = (
        "From: attacker@evil.example\r\nFrom: margaret@example.org\r\n"
        f"Subject: Re: [{contact_request.reference}]\r\nContent-Type: text/plain\r\n\r\nHello.\r\n"
    ).encode()
    imap_server.deliver(raw)
    assert "unmatched, flagged in the mailbox: 1" in fetch(imap_server)
