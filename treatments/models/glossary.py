"""
The glossary: medical words in plain English. A definition is clinical
content, so like an article it has a working copy nurses edit and an
approved copy the public reads, signed off by an approver who did not edit it.
"""

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone

from core.text import RejectNulBytesMixin, validate_multiline_text, validate_single_line_text


class GlossaryTerm(RejectNulBytesMixin, models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        AWAITING_APPROVAL = "awaiting_approval", "Awaiting approval"
        APPROVED = "approved", "Approved"

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
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT, editable=False)
    # Everyone who changed the working copy since it was last approved: none of them may approve it.
    draft_editor_ids = models.JSONField(default=list, blank=True, editable=False)
    last_edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

    # The approved copy: the only one the public sees.
    anchor = models.SlugField(max_length=90, unique=True, editable=False)
    approved_term = models.CharField(max_length=80, blank=True, editable=False)
    approved_other_forms = models.CharField(max_length=300, blank=True, editable=False)
    approved_definition = models.TextField(blank=True, editable=False)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    approved_at = models.DateTimeField(null=True, blank=True, editable=False)
    changed_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = [Lower("term")]
        constraints = [models.UniqueConstraint(Lower("term"), name="glossary_term_unique_any_case")]
        permissions = [("approve_glossaryterm", "Can approve glossary definitions")]

    def __str__(self):
        return self.term

    @property
    def is_public(self) -> bool:
        return bool(self.approved_definition)

    @staticmethod
    def forms_of(term: str, other_forms: str) -> list[str]:
        """The term and its other forms, longest first (so "PD-1 inhibitors" wins over "PD-1")."""
        forms = [term, *(form.strip() for form in other_forms.split(","))]
        unique = {form.casefold(): form for form in forms if form}
        return sorted(unique.values(), key=len, reverse=True)
