"""
Replies from real mail programs (tests/fixtures/mail/: Mailgun talon's fixtures
and mails written in the shapes talon lacks, each with the words that must be
kept and the quote that should be cut; see tests/fixtures/README.md): the
person's words are always stored, the quoted history is cut, and the whole
email stays readable by staff.
"""

import email
import email.policy
import json
import re
from email.message import EmailMessage
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import override_settings

from support.mailbox import message_text
from support.models import ContactMessage
from tests.support.factories import make_request

MAIL = Path(__file__).resolve().parents[1] / "fixtures" / "mail"
EXPECTED = {
    name: expected
    for corpus in ("talon", "mailparser_reply", "written")
    for name, expected in json.loads((MAIL / f"expected_{corpus}.json").read_text()).items()
}


def _spaces(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def fixture_message(name: str) -> EmailMessage:
    """The fixture as an email: talon's HTML replies and mail-parser-reply's mails are bodies alone."""
    raw = (MAIL / name).read_bytes()
    if name.endswith((".html", ".txt")):
        message = EmailMessage()
        message["From"] = "Margaret Jones <margaret@example.org>"
        message["Subject"] = "Re: Test message"
        message.set_content(raw.decode("utf-8"), subtype="html" if name.endswith(".html") else "plain")
        return message
    return email.message_from_bytes(raw, policy=email.policy.default)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_new_word_is_kept_and_the_whole_email_is_kept_beside_it(name):
    read = message_text(fixture_message(name))
    for words in EXPECTED[name]["keep"]:
        assert _spaces(words) in _spaces(read.text), (name, words, read.text)
    if read.original:
        for words in EXPECTED[name]["keep"] + EXPECTED[name]["cut"]:
            assert _spaces(words) in _spaces(read.original), (name, words)
    assert not re.search(r"\n[ \t]+\n|\n{3,}", read.text)  # no tall gaps of spaces and tabs


def test_the_quoted_history_is_cut_in_at_least_nine_mails_in_ten():
    with_history = [name for name, expected in EXPECTED.items() if expected["cut"]]
    cut = [
        name
        for name in with_history
        if all(
            _spaces(words) not in _spaces(message_text(fixture_message(name)).text)
            for words in EXPECTED[name]["cut"]
        )
    ]
    missed = sorted(set(with_history) - set(cut))
    assert len(cut) >= 0.9 * len(with_history), missed


def test_interleaved_answers_and_forwards_are_never_cut():
    for name in (
        "written/evolution_interleaved.eml",
        "written/forwarded_gmail.eml",
        "written/forwarded_outlook.eml",
    ):
        read = message_text(fixture_message(name))
        assert not read.original, name  # nothing was cut, so there is nothing else to show


@pytest.mark.django_db
def test_the_corpus_through_a_real_mailbox_keeps_every_answer_and_shows_the_whole_email(imap_server, client):
    from tests.support.factories import support_user

    contact_request = make_request(
        contact_method="email",
        email="margaret@example.org",
        phone="",
        voicemail_ok=None,
        name="Margaret Jones",
    )
    names = sorted(EXPECTED)
    for number, name in enumerate(names):
        message = fixture_message(name)
        # Each as an answer to this request, from the address it gave.
        for header in ("Subject", "From", "Message-ID", "In-Reply-To", "References"):
            del message[header]
        message["Subject"] = f"Re: Your message [{contact_request.reference}]"
        message["From"] = "Margaret Jones <margaret@example.org>"
        message["Message-ID"] = f"<corpus-{number}@example.org>"
        imap_server.deliver(message.as_bytes())
    out = StringIO()
    with override_settings(**imap_server.settings()):
        call_command("fetch_support_replies", stdout=out)
    stored = {m.message_id: m for m in ContactMessage.objects.filter(direction="in")}
    assert len(stored) == len(names), out.getvalue()
    for number, name in enumerate(names):
        message = stored[f"<corpus-{number}@example.org>"]
        for words in EXPECTED[name]["keep"]:
            assert _spaces(words) in _spaces(message.text), (name, words)

    client.force_login(support_user())
    page = client.get(f"/admin/support/contactrequest/{contact_request.pk}/change/").content.decode()
    assert page.count("Show the whole email, with the earlier messages it quoted") == sum(
        1 for m in stored.values() if m.original_text
    )
