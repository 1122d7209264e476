"""
The glossary: medical words in plain English. A definition is clinical
content, so it is signed off as an article is (core/sign_off.py): a working
copy nurses edit, an edit history whose people may not approve it, and an
immutable version, made by an approver who read exactly that draft, that is
the only wording the public reads.
"""

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone

from core.records import WrittenOnceMixin
from core.sign_off import editor_ids_since
from core.text import RejectNulBytesMixin, validate_multiline_text, validate_single_line_text

from ..workflow import Status

# A definition is never withdrawn (pages link to it): it is changed instead.
GLOSSARY_STATUSES = [Status.DRAFT, Status.AWAITING_APPROVAL, Status.PUBLISHED]


class GlossaryTerm(RejectNulBytesMixin, models.Model):
    # The working copy.
    term = models.CharField(max_length=80, validators=[validate_single_line_text])
    other_forms = models.CharField(
        max_length=300,
        blank=True,
        validators=[validate_single_line_text],
        help_text="Other ways the word is written, separated by commas, e.g. “immunotherapies, immune therapy”.",
    )
    definition = models.TextField(
        max_length=600,
        validators=[validate_multiline_text],
        help_text="One or two short sentences in plain English, as you would say it to a patient.",
    )
    status = models.CharField(
        max_length=20,
        choices=[(status.value, status.label) for status in GLOSSARY_STATUSES],
        default=Status.DRAFT,
        editable=False,
    )
    last_edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    changed_at = models.DateTimeField(default=timezone.now, editable=False)
    anchor = models.SlugField(max_length=90, unique=True, editable=False)
    # The approved wording the public reads; None until the first approval.
    live_version = models.OneToOneField(
        "GlossaryTermVersion",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="live_for",
    )

    class Meta:
        ordering = [Lower("term")]
        constraints = [models.UniqueConstraint(Lower("term"), name="glossary_term_unique_any_case")]
        permissions = [("approve_glossaryterm", "Can approve glossary definitions")]

    def __str__(self):
        return self.term

    @property
    def is_public(self) -> bool:
        return self.live_version_id is not None

    def draft_editor_ids(self) -> set[int]:
        """Everyone who changed the working copy since the live version was approved (four-eyes)."""
        approved_at = self.live_version.approved_at if self.live_version_id else None
        return editor_ids_since(
            self.edits.all(), approved_at=approved_at, last_editor_id=self.last_edited_by_id
        )

    def draft(self) -> dict:
        """Everything an approval makes public, as the approver is shown it."""
        return {"term": self.term, "other_forms": self.other_forms, "definition": self.definition}

    @staticmethod
    def forms_of(term: str, other_forms: str) -> list[str]:
        """The term and its other forms, longest first (so "PD-1 inhibitors" wins over "PD-1")."""
        forms = [term, *(form.strip() for form in other_forms.split(","))]
        unique = {form.casefold(): form for form in forms if form}
        return sorted(unique.values(), key=len, reverse=True)


class GlossaryTermVersion(WrittenOnceMixin, RejectNulBytesMixin, models.Model):
    """A definition exactly as an approver signed it off. Never changed: a correction makes a new version."""

    record_refusal = "An approved definition is a record and cannot be changed."

    glossary_term = models.ForeignKey(GlossaryTerm, on_delete=models.CASCADE, related_name="versions")
    term = models.CharField(max_length=80)
    other_forms = models.CharField(max_length=300, blank=True)
    definition = models.TextField()
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    approved_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["glossary_term", "-approved_at", "-id"]

    def __str__(self):
        return f"{self.term} as approved {timezone.localtime(self.approved_at):%d %b %Y %H:%M}"


class GlossaryTermEdit(WrittenOnceMixin, RejectNulBytesMixin, models.Model):
    """Who saved a change to a definition's working copy, when, and the draft it left (four-eyes)."""

    record_refusal = "The edit history is a record and cannot be changed."

    glossary_term = models.ForeignKey(GlossaryTerm, on_delete=models.CASCADE, related_name="edits")
    editor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(default=timezone.now)
    draft = models.JSONField()
    fingerprint = models.CharField(max_length=64)

    class Meta:
        ordering = ["glossary_term", "-at", "-id"]
        indexes = [models.Index(fields=["glossary_term", "at"])]

    def __str__(self):
        return f"Edit of {self.glossary_term} by {self.editor} at {self.at:%d %b %Y %H:%M}"
