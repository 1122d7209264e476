"""What site search keeps: the words of approved pages (for "Did you mean …?") and searches that found nothing."""

from django.db import models

from core.kept_lists import KeptListEntry
from core.text import validate_single_line_text


class SearchWord(models.Model):
    """One word used on the public pages, lower case: each approval adds its page's words; a withdrawal rebuilds the list."""

    word = models.CharField(max_length=60, unique=True)
    # In a title, a heading or the glossary: only these are offered as "Did you mean …?".
    suggestible = models.BooleanField(default=False)

    def __str__(self):
        return self.word


class UnfoundSearch(models.Model):
    """
    A search that found nothing, counted per day: the words only (no address,
    no session, no time of day), kept for 90 days, to show what readers miss.
    """

    day = models.DateField()
    query = models.CharField(max_length=200)
    count = models.PositiveIntegerField(default=1)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["day", "query"], name="unfound_search_day_query")]
        indexes = [models.Index(fields=["day"])]

    def __str__(self):
        return f"{self.query} ({self.count} on {self.day:%d %b %Y})"


class SearchSynonym(KeptListEntry):
    """
    What readers type for something our pages call by another name ("pleurx",
    "stage 4", "hospice"), kept by nurses: a search for it also finds the
    pages' own words, before any spelling suggestion is tried.
    """

    typed = models.CharField(
        "what people type",
        max_length=60,
        unique=True,
        validators=[validate_single_line_text],
        help_text="A word or a few, e.g. “pleurx” or “stage 4”. Capitals and spaces do not matter.",
        error_messages={"unique": "This is already on the list: change that entry instead."},
    )
    finds = models.CharField(
        "also finds",
        max_length=200,
        validators=[validate_single_line_text],
        help_text=(
            "The words our pages use, e.g. “indwelling pleural catheter”. Separate other names with "
            "commas: “end of life, palliative”."
        ),
    )

    class Meta(KeptListEntry.Meta):
        ordering = ["typed"]

    def __str__(self):
        return f"{self.typed} → {self.finds}"

    def save(self, *args, **kwargs):
        self.typed = self.typed_normal(self.typed)
        super().save(*args, **kwargs)

    def clean(self):
        # Before the uniqueness check: "PleurX " and "pleurx" are one entry.
        self.typed = self.typed_normal(self.typed)

    @staticmethod
    def typed_normal(typed: str) -> str:
        """As searches are read (treatments/search.py canonical_query): lower case, single spaces."""
        return " ".join(typed.split()).lower()
