"""
Support-line contact requests.

A ContactRequest is a person asking the support line to call or email them.
It holds health details (UK GDPR special category data), so only support
staff can see it. The row is stored before anything else is attempted, with
the emails it owes (SupportEmail, the outbox) in the same transaction.
"""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Case, Q, Value, When
from django.db.models.functions import Upper
from django.utils import timezone

from core.records import WrittenOnceMixin
from core.text import RejectNulBytesMixin, validate_multiline_text, validate_single_line_text
from staff.names import staff_name

from ..workflow import Status
from ..working_hours import working_hours_between
from .warning_phrase import WarningPhrase

# Shown next to the consent box and stored, word for word, with each request.
CONSENT_WORDING = (
    "I agree that the charity may keep what I have written here, including any details about "
    "my health or someone else's, so that a specialist nurse can answer me. I can ask for it "
    "to be deleted at any time."
)


class NeedsAction(models.IntegerChoices):
    """
    The support list's order, most pressing first; within each, the earliest
    answer-by time first, so among unanswered requests the overdue come before
    those due today, and those before the rest. A person's reply makes their
    request unanswered again: it waits beside new requests, by its deadline.
    """

    URGENT = 0, "Urgent, not answered yet"
    UNANSWERED = 1, "Not answered yet"
    ANSWERED = 2, "Answered"
    CLOSED = 3, "Closed"


# The order of the support list (and of its index): next job first.
NEEDS_ACTION_ORDER = ["needs_action", "answer_by", "received_at", "id"]
# The order of the closed requests alone: the most recently closed first.
CLOSED_ORDER = ["-closed_at", "-id"]


class ContactRequestQuerySet(models.QuerySet):
    def open(self):
        return self.exclude(status=ContactRequest.Status.CLOSED)

    def overdue(self, now: datetime.datetime | None = None):
        """Open requests past their answer-by time whose latest words from the person nobody has answered."""
        now = now or timezone.now()
        return self.open().filter(answered_at__isnull=True, answer_by__lt=now)

    def due_today(self, now: datetime.datetime | None = None):
        """Open requests waiting for our answer that are due by the end of today (overdue ones too)."""
        end_of_today = timezone.localtime(now or timezone.now()).replace(
            hour=23, minute=59, second=59, microsecond=999999
        )
        return self.open().filter(answered_at__isnull=True, answer_by__lte=end_of_today)

    def callbacks_waiting(self):
        """Call backs not yet closed and where nobody has spoken to the person yet."""
        return (
            self.open()
            .filter(contact_method=ContactRequest.ContactMethod.CALL_BACK)
            .exclude(notes__call_outcome=ContactNote.CallOutcome.SPOKE)
        )

    def purgeable(self, retention_days: int, now: datetime.datetime | None = None):
        now = now or timezone.now()
        return self.filter(
            status=ContactRequest.Status.CLOSED, closed_at__lt=now - datetime.timedelta(days=retention_days)
        )


class ContactRequest(RejectNulBytesMixin, models.Model):
    class ContactMethod(models.TextChoices):
        CALL_BACK = "call_back", "A call back"
        EMAIL = "email", "An email"

    class CallbackTime(models.TextChoices):
        ANY = "any", "Any time"
        MORNING = "morning", "Morning (9am to 12 noon)"
        AFTERNOON = "afternoon", "Afternoon (12 noon to 5pm)"

    class Weekday(models.TextChoices):
        MONDAY = "mon", "Monday"
        TUESDAY = "tue", "Tuesday"
        WEDNESDAY = "wed", "Wednesday"
        THURSDAY = "thu", "Thursday"
        FRIDAY = "fri", "Friday"

    class Who(models.TextChoices):
        PATIENT = "patient", "I have mesothelioma"
        FAMILY_CARER = "family_carer", "I am a family member or carer"
        BEREAVED = "bereaved", "I have been bereaved"
        PROFESSIONAL = "professional", "I am a health professional"
        OTHER = "other", "Other"

    class Topic(models.TextChoices):
        TREATMENT = "treatment", "Treatment"
        TRIALS = "trials", "Clinical trials"
        SYMPTOMS = "symptoms", "Symptoms and side effects"
        EMOTIONAL = "emotional", "Emotional support"
        BENEFITS_LEGAL = "benefits_legal", "Benefits and legal help"
        OTHER = "other", "Something else"

    # The statuses and the moves between them are the workflow table's (workflow.py).
    Status = Status

    class Outcome(models.TextChoices):
        CALLED_BACK = "called_back", "Called back"
        EMAILED = "emailed", "Emailed"
        REFERRED = "referred", "Referred elsewhere"
        NO_REPLY = "no_reply", "No reply after attempts"
        SPAM = "spam", "Spam"

    # Empty until the row exists: the number comes from the primary key.
    # NULL rather than "" so two requests being saved at once never clash.
    reference = models.CharField(  # noqa: DJ001
        max_length=20,
        unique=True,
        null=True,
        editable=False,
        error_messages={"unique": "Another request already has this reference."},
    )
    received_at = models.DateTimeField(default=timezone.now, editable=False)
    # The promised answer time, counted in working hours from arrival (working_hours.py).
    answer_by = models.DateTimeField(null=True, blank=True, editable=False)
    # The contact form's signed token, hashed: one request per form sent, enforced by
    # the database, so a double click or a replay finds the request already stored.
    form_token_hash = models.CharField(  # noqa: DJ001
        max_length=64,
        unique=True,
        null=True,
        editable=False,
        error_messages={"unique": "This form was sent already: your message is stored once."},
    )

    name = models.CharField(max_length=100, validators=[validate_single_line_text])
    contact_method = models.CharField(max_length=10, choices=ContactMethod.choices)
    email = models.EmailField(max_length=254, blank=True, validators=[validate_single_line_text])
    phone = models.CharField(max_length=30, blank=True)
    # The same number in E.164 (core/phones.py), for finding a person however they wrote it.
    phone_normal = models.CharField(max_length=20, blank=True, editable=False, db_index=True)
    callback_days = models.JSONField(default=list, blank=True, help_text="Weekdays that suit a call back.")
    callback_time = models.CharField(max_length=10, choices=CallbackTime.choices, blank=True)
    voicemail_ok = models.BooleanField(null=True, blank=True, help_text="May we leave a voicemail?")
    who = models.CharField("who they are", max_length=20, choices=Who.choices)
    topic = models.CharField(max_length=20, choices=Topic.choices)
    message = models.TextField(max_length=5000, validators=[validate_multiline_text])
    consent_wording = models.TextField(editable=False)
    consent_given_at = models.DateTimeField(editable=False)

    # Urgent: a warning phrase matched on arrival (urgency.py), or set by staff.
    urgent = models.BooleanField(default=False, editable=False)
    urgent_matches = models.JSONField(
        default=list,
        blank=True,
        editable=False,
        help_text="The warning phrases found on arrival, with their kind.",
    )

    status = models.CharField(max_length=20, choices=Status.choices, default=Status.NEW, editable=False)
    outcome = models.CharField(max_length=20, choices=Outcome.choices, blank=True, editable=False)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="assigned_contact_requests",
    )
    first_response_at = models.DateTimeField(
        null=True, blank=True, editable=False, help_text="When it first moved out of “New”."
    )
    # Working hours from arrival to first_response_at (working_hours.py), kept when the first
    # response is recorded: the monthly summary reads them from the database.
    first_response_hours = models.FloatField(null=True, blank=True, editable=False)
    # When staff last answered (a reply, a call, a status move); empty while the
    # person's latest words wait for us, so their reply makes it due again.
    answered_at = models.DateTimeField(null=True, blank=True, editable=False)
    closed_at = models.DateTimeField(null=True, blank=True, editable=False)
    # Where the request stands in the "needs action" order (NeedsAction), kept by the
    # database from the columns it depends on, so the list's order has an index.
    needs_action = models.GeneratedField(
        expression=Case(
            When(status=Status.CLOSED, then=Value(NeedsAction.CLOSED)),
            When(answered_at__isnull=False, then=Value(NeedsAction.ANSWERED)),
            When(urgent=True, then=Value(NeedsAction.URGENT)),
            default=Value(NeedsAction.UNANSWERED),
        ),
        output_field=models.SmallIntegerField(choices=NeedsAction.choices),
        db_persist=True,
    )

    objects = ContactRequestQuerySet.as_manager()

    class Meta:
        ordering = ["received_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=Status.values),
                name="contact_request_status_valid",
                violation_error_message="Not a status a request can have.",
            ),
            models.CheckConstraint(
                condition=~Q(status=Status.CLOSED) | ~Q(outcome=""),
                name="contact_request_closed_has_outcome",
                violation_error_message="Choose an outcome to close a request.",
            ),
            models.CheckConstraint(
                condition=~Q(contact_method="email") | ~Q(email=""),
                name="contact_request_email_method_has_email",
                violation_error_message="To be answered by email, a request needs an email address.",
            ),
            models.CheckConstraint(
                condition=~Q(contact_method="call_back") | ~Q(phone=""),
                name="contact_request_call_back_has_phone",
                violation_error_message="To be called back, a request needs a phone number.",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "received_at"]),
            # The support list in its order (open requests come first in it, so the open
            # view reads the same index and stops at the first closed one).
            models.Index(fields=NEEDS_ACTION_ORDER, name="contact_needs_action"),
            # "My requests" (and any one person's), in the list's order.
            models.Index(fields=["assigned_to", *NEEDS_ACTION_ORDER], name="contact_assigned_needs_action"),
            # ... and the count above it, from this index alone: a person's open requests, not
            # every request they ever had (ten times faster than the one above at 50,000).
            models.Index(fields=["assigned_to"], condition=~Q(status="closed"), name="contact_open_assigned"),
            # The closed view: the most recently closed first.
            models.Index(
                fields=CLOSED_ORDER,
                condition=Q(status="closed"),
                name="contact_closed_latest",
            ),
            models.Index(fields=["topic", "received_at"]),
            # Overdue: open, waiting for our answer, past the answer-by time.
            models.Index(
                fields=["answer_by"],
                condition=~Q(status="closed") & Q(answered_at__isnull=True),
                name="contact_awaiting_answer_by",
            ),
            # The monthly summary's "open at the month's end": the open requests by arrival.
            models.Index(fields=["received_at"], condition=~Q(status="closed"), name="contact_open_received"),
            # "Call backs waiting": open call-back requests, oldest first.
            models.Index(
                fields=["received_at", "id"],
                condition=~Q(status="closed") & Q(contact_method="call_back"),
                name="contact_callbacks_open",
            ),
            # The admin searches a reference or an email address whole but in any
            # case (UPPER(...) = UPPER(...)). Names and phone numbers are searched
            # in part through trigram indexes (migration 0005, PostgreSQL only).
            models.Index(Upper("reference"), name="contact_reference_upper"),
            models.Index(Upper("email"), name="contact_email_upper"),
        ]

    def __str__(self):
        return self.reference or "New contact request"

    def validate_constraints(self, exclude=None):
        """
        Django would ask the database to evaluate each check constraint while the
        contact form validates: a round trip each, and with the database down a
        connection attempt each, before the insert tries again. The form's clean()
        checks the same rules in Python with messages for people, and the
        database enforces them on insert; so the person waits for one attempt.
        """

    @staticmethod
    def reference_for(pk: int, received_at: datetime.datetime) -> str:
        return f"SR-{timezone.localtime(received_at).year}-{pk:06d}"

    def first_response_record(self, at: datetime.datetime) -> None:
        """The first response, at `at`, unless one was recorded before (the caller saves)."""
        if self.first_response_at is None:
            self.first_response_at = at
            self.first_response_hours = working_hours_between(self.received_at, at)

    @property
    def wants_acknowledgement(self) -> bool:
        return bool(self.email)

    @property
    def mentions_self_harm(self) -> bool:
        return any(match.get("kind") == WarningPhrase.Kind.SELF_HARM for match in self.urgent_matches)


class ContactNote(WrittenOnceMixin, RejectNulBytesMixin, models.Model):
    """An internal note on a request. Append-only: never edited or deleted."""

    record_refusal = "Notes are append-only and cannot be changed."

    class CallOutcome(models.TextChoices):
        NONE = "", "Not a call"
        NO_ANSWER = "no_answer", "Called: no answer"
        VOICEMAIL = "voicemail", "Called: left a voicemail"
        SPOKE = "spoke", "Called: spoke to them"

    contact_request = models.ForeignKey(ContactRequest, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    call_outcome = models.CharField("call attempt", max_length=20, choices=CallOutcome.choices, blank=True)
    text = models.TextField(max_length=5000, validators=[validate_multiline_text])

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [
            # Whether someone has spoken to the person: "call backs waiting" asks for every open request.
            models.Index(
                fields=["contact_request"], condition=Q(call_outcome="spoke"), name="contact_note_spoke"
            ),
        ]

    def __str__(self):
        return f"Note by {self.author} at {self.created_at:%d %b %Y %H:%M}"


class StatusChange(RejectNulBytesMixin, models.Model):
    """Audit trail: every status move or assignment of a request."""

    contact_request = models.ForeignKey(ContactRequest, on_delete=models.CASCADE, related_name="changes")
    # None: the site did it (a reply from the person reopened the request).
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)
    from_status = models.CharField(max_length=20, choices=ContactRequest.Status.choices)
    to_status = models.CharField(max_length=20, choices=ContactRequest.Status.choices)
    outcome = models.CharField(max_length=20, choices=ContactRequest.Outcome.choices, blank=True)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Set only on a change of the urgent flag: True when marked urgent, False when cleared.
    urgent = models.BooleanField(null=True, blank=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self):
        """An assignment says so; a status move says from and to (and the outcome of a close)."""
        if self.urgent is not None:
            return "Marked urgent" if self.urgent else "Urgent flag cleared"
        if self.from_status == self.to_status:
            return f"Assigned to {staff_name(self.assigned_to)}" if self.assigned_to else "Unassigned"
        text = f"{self.get_from_status_display()} → {self.get_to_status_display()}"
        return f"{text} ({self.get_outcome_display()})" if self.outcome else text
