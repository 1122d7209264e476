"""
Answering a request by email from the site, and taking the person's answers
back onto the request.

A reply is stored first and sent after the commit through its own outbox row:
retried with back-off while SMTP is down, never lost, and recorded as sent
straight after the SMTP server accepts it (so only a crash between the two
could send it twice; it would carry the same Message-ID).
"""

import logging
import re
from email.utils import make_msgid

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction

from core.outbox import outbox_send_after_commit
from core.refusals import Refused
from core.text import validate_multiline_text
from staff.names import staff_public_name

from . import services, urgency, workflow
from .models import ContactMessage, ContactRequest
from .placeholders import placeholders_fill

logger = logging.getLogger(__name__)

REFERENCE = re.compile(r"\bSR-\d{4}-\d{6}\b", re.IGNORECASE)
# A Message-ID as RFC 5322 writes it: printable ASCII between angle brackets. Only such
# ids are stored from incoming mail or sent on in In-Reply-To and References.
MESSAGE_ID = re.compile(r"<[\x21-\x3b\x3d\x3f-\x7e]+>")
_TITLES = {"dr", "mr", "mrs", "ms", "miss", "mx", "prof", "professor", "rev", "sir", "dame"}
REPLY_MAX_LENGTH = 5000


class ReplyRefused(Refused):
    """A reply that cannot be sent; the message is shown to the member of staff."""


class NewerMessages(ReplyRefused):
    """Someone wrote on the thread since the reply page was opened: read it before sending."""

    def __init__(self, messages: list[ContactMessage]):
        self.messages = messages
        one = len(messages) == 1
        super().__init__(
            f"Not sent yet. {'This email' if one else 'These emails'} joined the request since you opened "
            f"this page. Read {'it' if one else 'them'}, then press Send again to send your reply as it "
            "is, or change it first."
        )


def first_name(name: str) -> str:
    """The name to greet someone by: "Dr Priya Nair" -> "Dr Nair", "Margaret Ellis" -> "Margaret"."""
    words = name.split()
    if not words:
        return ""
    if words[0].rstrip(".").casefold() in _TITLES and len(words) > 1:
        return f"{words[0]} {words[-1]}"
    return words[0]


def reply_text_fill(text: str, contact_request: ContactRequest, author: AbstractBaseUser) -> str:
    """
    The reply as the person will read it: its placeholders filled in, once,
    when it is sent (and for its preview). A name the site cannot fill is refused.
    """
    if "{your_name}" in text and not staff_public_name(author):
        raise ReplyRefused(
            "The reply signs with {your_name}, but you have no public name yet: ask for your staff "
            "profile's public name to be set (your sign-in name is never put in an email)."
        )
    values = {
        "your_name": staff_public_name(author),
        "first_name": first_name(contact_request.name),
        "reference": contact_request.reference or "",
        "support_phone": settings.SUPPORT_PHONE,
        "opening_hours": settings.SUPPORT_OPENING_HOURS,
    }
    try:
        return placeholders_fill(text, values)
    except ValidationError as error:
        raise ReplyRefused(" ".join(error.messages)) from error


def reply_subject(contact_request: ContactRequest) -> str:
    return f"Your message to {settings.CHARITY_NAME} [{contact_request.reference}]"


def _new_message_id() -> str:
    return make_msgid(domain=settings.SUPPORT_EMAIL.rpartition("@")[2] or None)


def contact_reply_send(
    *, contact_request: ContactRequest, author: AbstractBaseUser, text: str, seen_up_to: int | None = None
) -> ContactMessage:
    """
    Store a reply to the person and send it after the commit. The first reply
    is the request's first response (as a call note is).

    `seen_up_to` is the newest message on the thread when the writer opened
    the reply page: a reply or an email from the person stored since then is
    refused (NewerMessages), so two people never answer one question twice
    and nobody answers without reading the latest words. The same text sent
    again by the same writer (a double click, a resubmitted form) is the reply
    already stored: it is returned, and nothing is sent twice.
    """
    if not author.has_perm(workflow.CHANGE):
        raise PermissionDenied("You do not have permission to answer contact requests.")
    text = reply_text_fill(text.strip().replace("\r\n", "\n"), contact_request, author)
    if not text:
        raise ReplyRefused("Write the reply before sending it.")
    if len(text) > REPLY_MAX_LENGTH:
        raise ReplyRefused(f"The reply is {len(text):,} characters long; the most is {REPLY_MAX_LENGTH:,}.")
    try:
        validate_multiline_text(text)
    except ValidationError as error:
        raise ReplyRefused(" ".join(error.messages)) from error
    with transaction.atomic():
        locked = ContactRequest.objects.select_for_update().get(pk=contact_request.pk)
        if not locked.email:
            raise ReplyRefused(f"{locked.reference} has no email address: call them instead.")
        if seen_up_to is not None:
            newer = list(locked.messages.filter(pk__gt=seen_up_to).select_related("author__staff_profile"))
            for earlier in newer:
                if (
                    earlier.direction == ContactMessage.Direction.OUT
                    and earlier.author_id == author.pk
                    and earlier.text == text
                ):
                    return earlier
            if newer:
                raise NewerMessages(newer)
        last_incoming = locked.messages.filter(direction=ContactMessage.Direction.IN).last()
        message = ContactMessage.objects.create(
            contact_request=locked,
            direction=ContactMessage.Direction.OUT,
            author=author,
            subject=reply_subject(locked),
            text=text,
            message_id=_new_message_id(),
            in_reply_to=last_incoming.message_id if last_incoming else "",
        )
        services.contact_request_answer_record(locked, at=message.created_at, actor=author)
        outbox_send_after_commit(ContactMessage, [message.pk])
    return message


def thread_latest_pk(contact_request: ContactRequest) -> int:
    """The newest message on a request's thread (0 for none): what a reply page was opened with."""
    return contact_request.messages.order_by("-pk").values_list("pk", flat=True).first() or 0


def reply_email(message: ContactMessage) -> EmailMessage:
    contact_request = message.contact_request
    headers = {"Message-ID": message.message_id}
    thread = list(
        contact_request.messages.exclude(pk=message.pk)
        .filter(created_at__lte=message.created_at)
        .values_list("message_id", flat=True)
    )
    # Only well-formed ASCII ids: one odd id from an incoming mail must not make the
    # headers encoded words, which mail programs do not thread.
    thread = [message_id for message_id in thread if MESSAGE_ID.fullmatch(message_id)]
    if MESSAGE_ID.fullmatch(message.in_reply_to):
        headers["In-Reply-To"] = message.in_reply_to
    if thread:
        headers["References"] = " ".join(thread[-10:])
    return EmailMessage(
        subject=message.subject,
        body=message.text,
        from_email=f"{settings.CHARITY_NAME} <{settings.SUPPORT_EMAIL}>",
        to=[contact_request.email],
        reply_to=[settings.SUPPORT_REPLY_TO_EMAIL],
        headers=headers,
    )


def contact_message_receive(
    *,
    contact_request: ContactRequest,
    message_id: str,
    subject: str,
    text: str,
    in_reply_to: str,
    not_stored: str,
    original_text: str = "",
) -> ContactMessage | None:
    """
    Store the person's email on its request and reopen the request if it was
    closed or waiting for them. None if that email was stored before.
    """
    found = urgency.warning_matches(text)
    try:
        with transaction.atomic():
            message = ContactMessage.objects.create(
                contact_request=contact_request,
                direction=ContactMessage.Direction.IN,
                urgent_matches=[{"phrase": match.phrase, "kind": match.kind} for match in found],
                subject=subject[:300],
                text=text,
                original_text=original_text,
                message_id=message_id[:300],
                in_reply_to=in_reply_to[:300],
                not_stored=not_stored[:500],
            )
            services.contact_request_reopen_on_reply(contact_request, at=message.created_at)
            if found:
                services.contact_request_flag_from_message(contact_request, message=message)
    except IntegrityError:
        return None  # the same Message-ID: fetched before, not marked seen (a crash, a second run)
    return message
