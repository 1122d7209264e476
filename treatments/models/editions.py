"""
Newer editions of guidelines and other sources, as nurses record them: a page
that still cites the older one is flagged for review (treatments/trust.py).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from core.text import RejectNulBytesMixin, validate_single_line_text

from .article import DOI_VALIDATOR


class NewerEdition(RejectNulBytesMixin, models.Model):
    """A source that has been replaced, named as pages cite it, and what replaced it."""

    replaces_title = models.CharField(
        "title of the older edition",
        max_length=400,
        blank=True,
        validators=[validate_single_line_text],
        help_text="As the pages cite it; matched whatever the capital letters.",
    )
    replaces_doi = models.CharField(
        "DOI of the older edition", max_length=200, blank=True, validators=[DOI_VALIDATOR]
    )
    replaces_url = models.URLField("link to the older edition", max_length=500, blank=True)
    title = models.CharField(
        "the newer edition",
        max_length=400,
        validators=[validate_single_line_text],
        help_text="Its full citation.",
    )
    published_on = models.DateField("newer edition published on")
    url = models.URLField("link to the newer edition", max_length=500, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", editable=False
    )
    recorded_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-published_on", "title"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(replaces_title="", replaces_doi="", replaces_url=""),
                name="newer_edition_names_what_it_replaces",
                violation_error_message="Say which edition it replaces: its title, DOI or link.",
            )
        ]

    def __str__(self):
        return self.title
