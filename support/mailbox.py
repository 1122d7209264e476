"""
Fetching the person's answers from the support mailbox (IMAP, stdlib imaplib).

Each unseen, unflagged email is matched to its request: by In-Reply-To or
References naming one of our replies, or else by a reference in the subject
sent from the request's own email address. A match is stored as plain text
(HTML converted and sanitised; attachments noted by name, never stored) and
marked seen. Anything else is flagged and left for a person to read in the
mailbox; flagged emails are not fetched again.
"""

import contextlib
import email
import email.policy
import hashlib
import html
import imaplib
import logging
import re
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import getaddresses

import nh3
from django.conf import settings

from core.text import CONTROL_CHARACTERS_BUT_LINE_BREAKS, INVISIBLE_LOOKALIKES, remove_bidi_overrides

from .models import ContactMessage, ContactRequest
from .replies import REFERENCE, contact_message_receive

logger = logging.getLogger(__name__)

TEXT_MAX_LENGTH = 20000
_MESSAGE_ID = re.compile(r"<[^<>\s]+>")
_BLOCK_END = re.compile(r"<\s*(br|/p|/div|/li|/tr|/h[1-6]|/blockquote)\b[^>]*>", re.IGNORECASE)
# Where a mail program starts quoting the earlier messages.
_QUOTE_START = re.compile(
    r"^(On .{0,200}wrote:|-{2,} ?Original Message ?-{2,}|From: .+|_{10,})\s*$", re.MULTILINE | re.IGNORECASE
)


@dataclass
class FetchResult:
    stored: list[str] = field(default_factory=list)  # references the emails were stored on
    already_stored: int = 0
    unmatched: int = 0
    too_large: int = 0


def html_to_text(markup: str) -> str:
    """Readable text from an HTML email: line breaks kept, tags, scripts and styles dropped."""
    # A paragraph ends with a blank line, other blocks with a line break.
    markup = _BLOCK_END.sub(lambda end: "\n\n" if end.group(1).lower() == "/p" else "\n", markup)
    cleaned = nh3.clean(markup, tags=set(), clean_content_tags={"script", "style", "head", "title"})
    return html.unescape(cleaned)


def plain_text(text: str) -> str:
    """Text safe to show staff: no control characters or direction overrides, tidy line breaks."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = CONTROL_CHARACTERS_BUT_LINE_BREAKS.sub("", text)
    text = INVISIBLE_LOOKALIKES.sub("", remove_bidi_overrides(text))
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def without_quoted_history(text: str) -> tuple[str, bool]:
    """The new part of a reply, without the earlier messages its mail program quoted below it."""
    match = _QUOTE_START.search(text)
    if match and match.start() > 0:
        return text[: match.start()].rstrip(), True
    lines = text.split("\n")
    while lines and lines[-1].startswith(">"):
        lines.pop()
    kept = "\n".join(lines).rstrip()
    return (kept, kept != text) if kept else (text, False)


def message_text(message: EmailMessage) -> tuple[str, list[str]]:
    """The email's text and notes of what was left out."""
    notes = []
    body = message.get_body(preferencelist=("plain", "html"))
    if body is None:
        text = ""
    else:
        try:
            content = body.get_content()
        except (LookupError, UnicodeError):  # an unknown or wrong charset
            content = body.get_payload(decode=True).decode("utf-8", errors="replace")
        text = html_to_text(content) if body.get_content_subtype() == "html" else content
    text, cut_quote = without_quoted_history(plain_text(text))
    if cut_quote:
        notes.append("earlier messages quoted below it")
    if len(text) > TEXT_MAX_LENGTH:
        text = text[:TEXT_MAX_LENGTH]
        notes.append(f"text after the first {TEXT_MAX_LENGTH:,} characters")
    names = [part.get_filename() or "an unnamed file" for part in message.iter_attachments()]
    if names:
        notes.append("attachments: " + ", ".join(plain_text(name)[:100] for name in names))
    return text or "(The email had no text.)", notes


def match_request(message: EmailMessage) -> ContactRequest | None:
    """The request an email answers, or None."""
    ids = _MESSAGE_ID.findall(f"{message.get('In-Reply-To', '')} {message.get('References', '')}")
    if ids:
        ours = ContactMessage.objects.filter(message_id__in=ids).select_related("contact_request").first()
        if ours:
            return ours.contact_request
    found = REFERENCE.search(str(message.get("Subject", "")))
    if not found:
        return None
    senders = {address.casefold() for _, address in getaddresses([str(message.get("From", ""))]) if address}
    candidate = ContactRequest.objects.filter(reference__iexact=found.group(0)).exclude(email="").first()
    # A reference alone could be guessed: it counts only from the address the request gave.
    if candidate and candidate.email.casefold() in senders:
        return candidate
    return None


def _message_id(message: EmailMessage, raw: bytes) -> str:
    found = _MESSAGE_ID.search(str(message.get("Message-ID", "")))
    return found.group(0) if found else f"<sha256-{hashlib.sha256(raw).hexdigest()}@no-message-id>"


def store(raw: bytes) -> tuple[str, str | None]:
    """Store one email. Returns ("stored", reference), ("already", reference) or ("unmatched", None)."""
    message = email.message_from_bytes(raw, policy=email.policy.default)
    contact_request = match_request(message)
    if contact_request is None:
        return "unmatched", None
    text, notes = message_text(message)
    stored = contact_message_receive(
        contact_request=contact_request,
        message_id=_message_id(message, raw),
        subject=plain_text(str(message.get("Subject", ""))),
        text=text,
        in_reply_to=" ".join(_MESSAGE_ID.findall(str(message.get("In-Reply-To", "")))),
        not_stored=("Not stored: " + "; ".join(notes) + ".") if notes else "",
    )
    return ("stored" if stored else "already"), contact_request.reference


def _connect() -> imaplib.IMAP4:
    connection_class = imaplib.IMAP4_SSL if settings.SUPPORT_IMAP_SSL else imaplib.IMAP4
    connection = connection_class(
        settings.SUPPORT_IMAP_HOST, settings.SUPPORT_IMAP_PORT, timeout=settings.SUPPORT_IMAP_TIMEOUT
    )
    connection.login(settings.SUPPORT_IMAP_USER, settings.SUPPORT_IMAP_PASSWORD)
    return connection


def fetch_replies(limit: int = 200) -> FetchResult:
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
            _, sizes = connection.uid("FETCH", uid, "(RFC822.SIZE)")
            size = int(re.search(rb"RFC822\.SIZE (\d+)", sizes[0]).group(1)) if sizes and sizes[0] else 0
            if size > settings.SUPPORT_REPLY_MAX_BYTES:
                connection.uid("STORE", uid, "+FLAGS", r"(\Flagged)")
                result.too_large += 1
                continue
            _, parts = connection.uid("FETCH", uid, "(BODY.PEEK[])")
            raw = next((part[1] for part in parts if isinstance(part, tuple)), b"")
            outcome, reference = store(raw)
            if outcome == "unmatched":
                connection.uid("STORE", uid, "+FLAGS", r"(\Flagged)")
                result.unmatched += 1
                continue
            connection.uid("STORE", uid, "+FLAGS", r"(\Seen)")
            if outcome == "stored":
                result.stored.append(reference)
            else:
                result.already_stored += 1
    finally:
        with contextlib.suppress(imaplib.IMAP4.error, OSError):
            connection.logout()
    return result
