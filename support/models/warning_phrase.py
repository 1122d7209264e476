"""
Warning phrases: words in a message that suggest the person may be seriously
unwell now, or thinking of harming themselves. Support leads keep the list in
the admin; a message that matches one is flagged urgent on arrival (urgency.py).
"""

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone

from core.text import RejectNulBytesMixin, validate_single_line_text


class WarningPhrase(RejectNulBytesMixin, models.Model):
    class Kind(models.TextChoices):
        UNWELL = "unwell", "May be seriously unwell"
        SELF_HARM = "self_harm", "Suicide or self-harm"

    phrase = models.CharField(
        max_length=100,
        validators=[validate_single_line_text],
        help_text=(
            "Matched as whole words in any case, with common endings (“cough” also finds “coughs”, "
            "“coughed”, “coughing”) and up to two other words between its words."
        ),
    )
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.UNWELL)
    source = models.CharField(
        max_length=200,
        blank=True,
        validators=[validate_single_line_text],
        help_text="Where the phrase comes from: a triage tool, a guideline or the team's experience.",
    )
    active = models.BooleanField(default=True, help_text="Untick to stop matching it without losing it.")
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    changed_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["kind", "phrase"]
        constraints = [models.UniqueConstraint(Lower("phrase"), name="warning_phrase_unique_any_case")]

    def __str__(self):
        return self.phrase
