"""
Fetching the person's answers from the support mailbox (IMAP, stdlib imaplib).

Each unseen, unflagged email is matched to its request: by In-Reply-To or
References naming one of our replies, or else by a reference in the subject
sent from the request's own email address alone, when the receiving server
did not find it forged. A match is stored as plain text (HTML converted and
sanitised; attachments noted by name, never stored) and marked seen.
Anything else is flagged and left for a person to read in the mailbox;
flagged emails are not fetched again. Each email is handled on its own: one
that cannot be read or stored (hostile nesting, broken headers, a database
error) is flagged and counted, and never stops or repeats the others.
"""

import contextlib
import email
import email.policy
import hashlib
import imaplib
import logging
import re
from collections import Counter
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import getaddresses

from django.conf import settings
from django.db import transaction

from core.text import (
    CONTROL_CHARACTERS,
    CONTROL_CHARACTERS_BUT_LINE_BREAKS,
    INVISIBLE_LOOKALIKES,
    remove_bidi_overrides,
)

from .models import ContactMessage, ContactRequest
from .replies import MESSAGE_ID as _MESSAGE_ID
from .replies import REFERENCE, contact_message_receive
from .reply_text import html_reply_text, reply_new_text

logger = logging.getLogger(__name__)

TEXT_MAX_LENGTH = 20000
# The whole email as it arrived, quoted history included, for staff to check a cut.
ORIGINAL_MAX_LENGTH = 100000
# What the receiving mail server found when it checked the sender (RFC 8601).
_AUTHENTICATION_FAILED = re.compile(r"\b(dmarc|dkim|spf)\s*=\s*(fail|softfail|permerror)\b", re.IGNORECASE)


@dataclass
class FetchResult:
    stored: list[str] = field(default_factory=list)  # references the emails were stored on
    already_stored: int = 0
    unmatched: int = 0
    too_large: int = 0
    # Flagged for a person: an id already stored with other content, and emails
    # that could not be read or stored, by the error's class (never its text).
    conflicting: int = 0
    failed: Counter = field(default_factory=Counter)


class MessageIdTaken(Exception):
    """An email whose Message-ID is already stored with other content: never dropped, never merged."""


def header(message: EmailMessage, name: str) -> str:
    """A header's value with every control character removed (NUL and line breaks included)."""
    return CONTROL_CHARACTERS.sub("", str(message.get(name, "")))


def plain_text(text: str) -> str:
    """Text safe to show staff: no control characters or direction overrides, tidy line breaks."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = CONTROL_CHARACTERS_BUT_LINE_BREAKS.sub("", text)
    text = INVISIBLE_LOOKALIKES.sub("", remove_bidi_overrides(text))
    return re.sub(r"\n{3,}", "\n\n", text).strip()


@dataclass
class MessageText:
    text: str  # their new words
    original: str  # the whole text as it arrived, quotes and all ("" when nothing was cut)
    notes: list[str]  # what was left out, in words


def message_text(message: EmailMessage) -> MessageText:
    """The email's new words, its whole text, and notes of what was left out."""
    notes = []
    body = message.get_body(preferencelist=("plain", "html"))
    if body is None:
        whole = ""
    else:
        try:
            content = body.get_content()
        except (LookupError, UnicodeError):  # an unknown or wrong charset
            content = body.get_payload(decode=True).decode("utf-8", errors="replace")
        whole = html_reply_text(content) if body.get_content_subtype() == "html" else content
    whole = plain_text(whole)
    text, cut_quote = reply_new_text(whole)
    original = whole if cut_quote else ""
    if len(text) > TEXT_MAX_LENGTH:
        text = text[:TEXT_MAX_LENGTH]
        notes.append(f"text after the first {TEXT_MAX_LENGTH:,} characters")
    if len(original) > ORIGINAL_MAX_LENGTH:
        original = original[:ORIGINAL_MAX_LENGTH]
        notes.append(f"the whole email after its first {ORIGINAL_MAX_LENGTH:,} characters")
    names = [part.get_filename() or "an unnamed file" for part in message.iter_attachments()]
    if names:
        notes.append("attachments: " + ", ".join(plain_text(name)[:100] for name in names))
    return MessageText(text=text or "(The email had no text.)", original=original, notes=notes)


def authentication_failed(message: EmailMessage) -> bool:
    """Whether the receiving server recorded a failed DMARC, DKIM or SPF check on this email."""
    return any(
        _AUTHENTICATION_FAILED.search(CONTROL_CHARACTERS.sub(" ", str(value)))
        for value in message.get_all("Authentication-Results", [])
    )


def match_request(message: EmailMessage) -> ContactRequest | None:
    """The request an email answers, or None."""
    ids = _MESSAGE_ID.findall(f"{header(message, 'In-Reply-To')} {header(message, 'References')}")
    if ids:
        ours = ContactMessage.objects.filter(message_id__in=ids).select_related("contact_request").first()
        if ours:
            return ours.contact_request
    found = REFERENCE.search(header(message, "Subject"))
    if not found:
        return None
    # A reference alone could be guessed, and From can be forged: it counts only from one
    # sender, the address the request gave, that the receiving server did not find forged.
    from_headers = message.get_all("From", [])
    senders = {address.casefold() for _, address in getaddresses([header(message, "From")]) if address}
    if len(from_headers) != 1 or len(senders) != 1 or authentication_failed(message):
        return None
    candidate = ContactRequest.objects.filter(reference__iexact=found.group(0)).exclude(email="").first()
    if candidate and candidate.email.casefold() in senders:
        return candidate
    return None


def _message_id(message: EmailMessage, raw: bytes) -> str:
    found = _MESSAGE_ID.search(header(message, "Message-ID"))
    return found.group(0) if found else f"<sha256-{hashlib.sha256(raw).hexdigest()}@no-message-id>"


@transaction.atomic
def store(raw: bytes) -> tuple[str, str | None]:
    """
    Store one email. Returns ("stored", reference), ("already", reference) or
    ("unmatched", None); raises MessageIdTaken for an id stored with other
    content, and whatever reading a hostile email raises (the caller flags it).
    """
    message = email.message_from_bytes(raw, policy=email.policy.default)
    contact_request = match_request(message)
    if contact_request is None:
        return "unmatched", None
    read = message_text(message)
    message_id = _message_id(message, raw)
    earlier = ContactMessage.objects.filter(message_id=message_id).first()
    if earlier is not None:
        if earlier.contact_request_id == contact_request.pk and earlier.text == read.text:
            return "already", contact_request.reference
        raise MessageIdTaken
    stored = contact_message_receive(
        contact_request=contact_request,
        message_id=message_id,
        subject=plain_text(header(message, "Subject")),
        text=read.text,
        original_text=read.original,
        in_reply_to=" ".join(_MESSAGE_ID.findall(header(message, "In-Reply-To"))),
        not_stored=("Not stored: " + "; ".join(read.notes) + ".") if read.notes else "",
    )
    return ("stored" if stored else "already"), contact_request.reference


def _connect() -> imaplib.IMAP4:
    connection_class = imaplib.IMAP4_SSL if settings.SUPPORT_IMAP_SSL else imaplib.IMAP4
    connection = connection_class(
        settings.SUPPORT_IMAP_HOST, settings.SUPPORT_IMAP_PORT, timeout=settings.SUPPORT_IMAP_TIMEOUT
    )
    connection.login(settings.SUPPORT_IMAP_USER, settings.SUPPORT_IMAP_PASSWORD)
    return connection


def _flag(connection: imaplib.IMAP4, uid: bytes) -> None:
    connection.uid("STORE", uid, "+FLAGS", r"(\Flagged)")


def _fetch_one(connection: imaplib.IMAP4, uid: bytes, result: FetchResult) -> None:
    """
    Read, store and mark one email. Trouble with the mailbox itself (IMAP or
    network errors) stops the run; trouble with this email flags it for a
    person, is counted by its class, and the run goes on to the next.
    """
    _, sizes = connection.uid("FETCH", uid, "(RFC822.SIZE)")
    size = int(re.search(rb"RFC822\.SIZE (\d+)", sizes[0]).group(1)) if sizes and sizes[0] else 0
    if size > settings.SUPPORT_REPLY_MAX_BYTES:
        _flag(connection, uid)
        result.too_large += 1
        return
    _, parts = connection.uid("FETCH", uid, "(BODY.PEEK[])")
    raw = next((part[1] for part in parts if isinstance(part, tuple)), b"")
    try:
        outcome, reference = store(raw)
    except MessageIdTaken:
        logger.warning(
            "Support email UID %s has a Message-ID already stored with other content: flagged.", uid.decode()
        )
        _flag(connection, uid)
        result.conflicting += 1
        return
    except Exception as error:
        # The error's class only: its text could quote the email.
        logger.warning(
            "Support email UID %s could not be stored (%s): flagged.", uid.decode(), type(error).__name__
        )
        _flag(connection, uid)
        result.failed[type(error).__name__] += 1
        return
    if outcome == "unmatched":
        _flag(connection, uid)
        result.unmatched += 1
        return
    connection.uid("STORE", uid, "+FLAGS", r"(\Seen)")
    if outcome == "stored":
        result.stored.append(reference)
    else:
        result.already_stored += 1


def mailbox_replies_fetch(limit: int = 200) -> FetchResult:
    """Read the support mailbox once. Raises imaplib.IMAP4.error or OSError if it cannot be reached."""
    result = FetchResult()
    connection = _connect()
    try:
        status, _ = connection.select(settings.SUPPORT_IMAP_FOLDER)
        if status != "OK":
            raise imaplib.IMAP4.error(f"cannot open the folder {settings.SUPPORT_IMAP_FOLDER!r}")
        _, data = connection.uid("SEARCH", None, "UNSEEN UNFLAGGED")
        uids = data[0].split()[:limit] if data and data[0] else []
        for uid in uids:
            _fetch_one(connection, uid, result)
    finally:
        with contextlib.suppress(imaplib.IMAP4.error, OSError):
            connection.logout()
    return result


def _imap_quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def mailbox_erase(*, email: str, references: list[str]) -> int:
    """
    Delete from the support mailbox every email from this address or about
    one of these requests (their reference in the subject): part of erasing
    a person. Returns how many were deleted. Raises imaplib.IMAP4.error or
    OSError if the mailbox cannot be reached.
    """
    connection = _connect()
    try:
        status, _ = connection.select(settings.SUPPORT_IMAP_FOLDER)
        if status != "OK":
            raise imaplib.IMAP4.error("cannot open the folder")
        searches = [("FROM", email)] if email else []
        searches += [("SUBJECT", reference) for reference in references]
        uids: set[bytes] = set()
        for key, value in searches:
            _, data = connection.uid("SEARCH", None, key, _imap_quoted(CONTROL_CHARACTERS.sub("", value)))
            uids.update(data[0].split() if data and data[0] else [])
        for uid in sorted(uids):
            connection.uid("STORE", uid, "+FLAGS", r"(\Deleted)")
        if uids:
            connection.expunge()
        return len(uids)
    finally:
        with contextlib.suppress(imaplib.IMAP4.error, OSError):
            connection.logout()
