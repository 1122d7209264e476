"""
What answered a request, for the content plan: a treatment page, or "no page
covers this" with a short topic. Counts of these reach the review dashboard;
the row keeps no personal data and outlives its request (purge, erasure).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from core.text import RejectNulBytesMixin, validate_single_line_text

from .contact_request import ContactRequest


class EnquiryTag(RejectNulBytesMixin, models.Model):
    contact_request = models.OneToOneField(
        ContactRequest,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="enquiry_tag",
        error_messages={"unique": "This request already has a record of what answered it."},
    )
    tagged_at = models.DateTimeField(default=timezone.now)
    tagged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # The page that answered it (by relation only: support code imports nothing from treatments) ...
    article = models.ForeignKey(
        "treatments.Article", on_delete=models.SET_NULL, null=True, blank=True, related_name="enquiry_tags"
    )
    # ... or, when no page covers it, what it was about, in a few words (never who asked).
    missing_topic = models.CharField(max_length=80, blank=True, validators=[validate_single_line_text])

    class Meta:
        ordering = ["-tagged_at"]
        constraints = [
            # A page or a missing topic, never both (an article's deletion may leave neither).
            models.CheckConstraint(
                condition=~(Q(article__isnull=False) & ~Q(missing_topic="")),
                name="enquiry_tag_not_both",
                violation_error_message=(
                    "Choose the page that answered it, or say that no page covers it: not both."
                ),
            )
        ]

    def __str__(self):
        return self.missing_topic or f"Answered by article {self.article_id}"
