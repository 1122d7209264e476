"""
Warning phrases: words in a message that suggest the person may be seriously
unwell now, or thinking of harming themselves. Support leads keep the list in
the admin; a message that matches one is flagged urgent on arrival (urgency.py).
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower

from core.kept_lists import KeptListEntry
from core.text import validate_single_line_text

PHRASE_MAX_WORDS = 8


def validate_phrase_words(phrase: str) -> None:
    """A phrase is a few words someone would write, with at least one letter or digit."""
    words = phrase.split()
    if not any(character.isalnum() for character in phrase):
        raise ValidationError("Write the phrase in words: it has no letters or digits.")
    if len(words) > PHRASE_MAX_WORDS:
        raise ValidationError(
            f"A phrase can have at most {PHRASE_MAX_WORDS} words; this one has {len(words)}. "
            "Keep the words that matter: others may stand between them in a message anyway."
        )


class WarningPhrase(KeptListEntry):
    class Kind(models.TextChoices):
        UNWELL = "unwell", "May be seriously unwell"
        SELF_HARM = "self_harm", "Suicide or self-harm"

    phrase = models.CharField(
        max_length=100,
        validators=[validate_single_line_text, validate_phrase_words],
        help_text=(
            f"At most {PHRASE_MAX_WORDS} words. Matched as whole words in any case, with common endings (“cough” also finds “coughs”, "
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
        constraints = [
            models.UniqueConstraint(
                Lower("phrase"),
                name="warning_phrase_unique_any_case",
                violation_error_message=(
                    "This phrase is already on the list (perhaps with different capital letters). "
                    "Search the list for it: if it is switched off, switch it on there."
                ),
            )
        ]

    def __str__(self):
        return self.phrase
