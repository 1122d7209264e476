"""
Emails on a request's thread: replies staff send from the site, and the
person's answers fetched from the support mailbox. Each is a record: its text
never changes after it is stored. An outgoing message is also its own outbox
row (core/outbox.py): only its delivery is recorded on it after it is stored.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from core.kept_lists import KeptListEntry
from core.outbox import OutboxRow
from core.text import RejectNulBytesMixin, validate_multiline_text, validate_single_line_text

from ..placeholders import PLACEHOLDERS_HELP, placeholders_check
from .contact_request import ContactRequest


class CannedReply(KeptListEntry):
    """A reply support leads keep ready, for support staff to start from."""

    title = models.CharField(
        max_length=100,
        unique=True,
        validators=[validate_single_line_text],
        error_messages={
            "unique": "A canned reply already has this title: give this one a title of its own, or change that one."
        },
    )
    text = models.TextField(
        max_length=5000, validators=[validate_multiline_text, placeholders_check], help_text=PLACEHOLDERS_HELP
    )

    class Meta:
        ordering = ["title"]
        verbose_name_plural = "canned replies"

    def __str__(self):
        return self.title


class ContactMessage(RejectNulBytesMixin, OutboxRow):
    class Direction(models.TextChoices):
        OUT = "out", "Sent to them"
        IN = "in", "From them"

    contact_request = models.ForeignKey(ContactRequest, on_delete=models.CASCADE, related_name="messages")
    direction = models.CharField(max_length=3, choices=Direction.choices)
    # Who wrote an outgoing message; incoming ones have none.
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    subject = models.CharField(max_length=300, blank=True)
    text = models.TextField(validators=[validate_multiline_text])
    # The email's Message-ID: ours for a reply we send, theirs for one we fetch (never stored twice).
    message_id = models.CharField(
        max_length=300,
        unique=True,
        error_messages={"unique": "This email is already on a request: it is never stored twice."},
    )
    in_reply_to = models.CharField(max_length=300, blank=True)
    # Incoming only: what was left out (attachments by name, a cut text), and the
    # whole text as it arrived when its quoted history was cut from `text`, so
    # staff can always read every word (support/reply_text.py).
    not_stored = models.CharField(max_length=500, blank=True)
    original_text = models.TextField(blank=True, validators=[validate_multiline_text])
    # Incoming only: the warning phrases found in their new words, with their kind (support/urgency.py).
    urgent_matches = models.JSONField(default=list, blank=True)

    # Only replies we send are delivered; a message from them arrived.
    outbox_filter = Q(direction="out")
    outbox_related = ("contact_request",)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(direction__in=["out", "in"]),
                name="contact_message_direction_valid",
                violation_error_message="An email on a request is either sent to them or from them.",
            ),
            models.CheckConstraint(
                condition=Q(direction="in") | Q(author__isnull=False),
                name="contact_message_out_has_author",
                violation_error_message="A reply sent from the site needs the member of staff who wrote it.",
            ),
        ]
        indexes = [
            models.Index(
                fields=["next_attempt_at"],
                condition=Q(direction="out", sent_at__isnull=True),
                name="contactmessage_due",
            ),
        ]

    def __str__(self):
        return f"{self.get_direction_display()} {timezone.localtime(self.created_at):%d %b %Y %H:%M}"

    def save(self, *args, **kwargs):
        # A message is a record: after it is stored only its delivery state changes.
        update_fields = kwargs.get("update_fields")
        if not self._state.adding and (update_fields is None or not set(update_fields) <= self.OUTBOX_FIELDS):
            raise ValueError("Messages cannot be changed once stored; only their delivery is recorded.")
        super().save(*args, **kwargs)

    def outbox_name(self) -> str:
        return f"Reply {self.pk} on {self.contact_request.reference}"

    def send(self) -> None:
        from ..replies import reply_email  # which imports this module

        reply_email(self).send()
