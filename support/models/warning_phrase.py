"""
Warning phrases: words in a message that suggest the person may be seriously
unwell now, or thinking of harming themselves. Support leads keep the list in
the admin; a message that matches one is flagged urgent on arrival (urgency.py).
"""

from django.db import models
from django.db.models.functions import Lower

from core.text import validate_single_line_text

from .kept_list import KeptListEntry


class WarningPhrase(KeptListEntry):
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

    class Meta:
        ordering = ["kind", "phrase"]
        constraints = [models.UniqueConstraint(Lower("phrase"), name="warning_phrase_unique_any_case")]

    def __str__(self):
        return self.phrase
