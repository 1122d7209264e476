"""
Treatment articles: the working copy nurses edit, its sources and leaflets.

An Article is the working copy nurses edit. What the public reads is never
the working copy: it is the article's live ArticleVersion, an immutable copy
made when a clinical approver signed the content off. Review dates come from
ArticleReview records (full clinical reviews), not from edits.
"""

import datetime
import functools
import uuid

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django_ckeditor_5.fields import CKEditor5Field

from core.sign_off import editor_ids_since
from core.text import RejectNulBytesMixin, validate_multiline_text, validate_single_line_text

from ..querysets import ArticleQuerySet, SourceQuerySet
from ..uploads import validate_pdf
from ..workflow import Status

DEFAULT_REVIEW_INTERVAL_MONTHS = 36


@functools.cache
def treatments_url_prefix() -> str:
    """Where article pages live (/treatments/), worked out once: pages list many links."""
    return reverse("treatments:index")


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later, clamped to the month's end (31 Jan + 1 month = 28/29 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    next_month_first = datetime.date(year + month // 12, month % 12 + 1, 1)
    last_day = (next_month_first - datetime.timedelta(days=1)).day
    return datetime.date(year, month, min(day.day, last_day))


class Category(RejectNulBytesMixin, models.Model):
    """A group of articles on the treatments index, e.g. "Living with mesothelioma"."""

    name = models.CharField(max_length=120, unique=True, validators=[validate_single_line_text])
    position = models.PositiveIntegerField(
        default=0, help_text="Categories are listed from the lowest number to the highest."
    )

    class Meta:
        ordering = ["position", "name"]
        verbose_name_plural = "categories"

    def __str__(self):
        return self.name


class Article(RejectNulBytesMixin, models.Model):
    """
    A patient-information page about a treatment: the working copy that
    nurses edit, plus a pointer to the version the public sees.
    """

    # The statuses and the moves between them are the workflow table's (workflow.py).
    Status = Status

    slug = models.SlugField(
        max_length=80,
        unique=True,
        help_text="The page's web address: /treatments/this-text/. It cannot change once the page is public.",
    )
    category = models.ForeignKey(Category, on_delete=models.PROTECT, related_name="articles")
    position = models.PositiveIntegerField(
        default=0, help_text="Order within its category, from the lowest number to the highest."
    )
    title = models.CharField(max_length=200, validators=[validate_single_line_text])
    summary = models.TextField(
        max_length=600,
        validators=[validate_multiline_text],
        help_text="One or two plain sentences saying what the page covers.",
    )
    body = CKEditor5Field(
        config_name="article",
        help_text="Use “Heading 2” for each section: those headings make the “On this page” list.",
    )
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="Shown on the page as “Written by”, with their staff profile name and role.",
    )
    related_articles = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        help_text="Shown as “Other treatments”. If empty, the other pages in the same category are shown.",
    )
    review_interval_months = models.PositiveSmallIntegerField(
        default=DEFAULT_REVIEW_INTERVAL_MONTHS,
        help_text="How long a full clinical review stays valid. Next review due = last reviewed + this.",
    )

    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT, editable=False)
    live_version = models.ForeignKey(
        "ArticleVersion",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        help_text="The approved version patients see.",
    )
    last_edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", editable=False
    )
    last_edited_at = models.DateTimeField(default=timezone.now, editable=False)
    # Goes up by one with every saved change: a save made from a form opened
    # before someone else's save is refused instead of overwriting it.
    edit_version = models.PositiveIntegerField(default=0, editable=False)
    last_review = models.ForeignKey(
        "ArticleReview", on_delete=models.PROTECT, null=True, blank=True, editable=False, related_name="+"
    )
    # Derived from last_review and review_interval_months; stored so the
    # changelist, filters and reminders can query them.
    last_reviewed_on = models.DateField(null=True, blank=True, editable=False)
    next_review_due_on = models.DateField(null=True, blank=True, editable=False)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["category__position", "position", "title"]
        permissions = [
            ("approve_article", "Can approve articles and record clinical reviews"),
            ("archive_article", "Can withdraw and restore articles"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=Status.values),
                name="article_status_valid",
            ),
            models.CheckConstraint(
                condition=~Q(status=Status.PUBLISHED) | Q(live_version__isnull=False),
                name="article_published_has_live_version",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "next_review_due_on"]),
            # Each category's public pages in the editors' order: the index, the home page and
            # the category pages read their first pages and their count from it, not from every page.
            models.Index(
                fields=["category", "position"],
                condition=Q(live_version__isnull=False) & ~Q(status=Status.ARCHIVED),
                name="article_public_in_category",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return f"{treatments_url_prefix()}{self.slug}/"

    @property
    def is_public(self) -> bool:
        return self.live_version_id is not None and self.status != self.Status.ARCHIVED

    def is_review_overdue(self, today: datetime.date | None = None) -> bool:
        today = today or timezone.localdate()
        return self.next_review_due_on is not None and self.next_review_due_on < today

    def next_review_due_after(self, reviewed_on: datetime.date) -> datetime.date:
        return add_months(reviewed_on, self.review_interval_months)

    def draft_editor_ids(self) -> set[int]:
        """Everyone who changed the working copy since the live version was approved (four-eyes)."""
        approved_at = self.live_version.approved_at if self.live_version_id else None
        return editor_ids_since(
            self.edits.all(), approved_at=approved_at, last_editor_id=self.last_edited_by_id
        )

    def working_copy_snapshot(self) -> dict:
        """The content an approval would make live, in the form versions store it."""
        return {
            "title": self.title,
            "summary": self.summary,
            "body": self.body,
            "sources": [source.as_dict() for source in self.sources.all()],
            "resources": [resource.as_dict() for resource in self.resources.all()],
        }


DOI_VALIDATOR = RegexValidator(
    r"^10\.\d{4,9}/[^\s]+$",
    "A DOI starts with “10.”, then digits, a slash and the item's own part, with no spaces.",
)
PUBMED_VALIDATOR = RegexValidator(r"^[1-9]\d{0,8}$", "A PubMed ID is a number of up to nine digits.")


class Source(RejectNulBytesMixin, models.Model):
    """One numbered reference in an article's working copy."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="sources")
    position = models.PositiveIntegerField(default=0)
    authors = models.CharField(
        max_length=300, blank=True, validators=[validate_single_line_text], help_text="e.g. “Baas P, et al.”"
    )
    title = models.CharField(max_length=400, validators=[validate_single_line_text])
    publisher = models.CharField(
        "journal or publisher",
        max_length=200,
        validators=[validate_single_line_text],
        help_text="e.g. “Lancet” or “Cancer Research UK”.",
    )
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    # The trust checks (treatments/trust.py) compare it with the page's last full review.
    published_on = models.DateField(
        "published on",
        null=True,
        blank=True,
        help_text=(
            "When it was first published (online, if that came first). Left empty, it is filled in "
            "from the DOI or PubMed ID when the sources are next checked; you can correct it."
        ),
    )
    volume_pages = models.CharField(
        "volume, issue and pages",
        max_length=100,
        blank=True,
        validators=[validate_single_line_text],
        help_text="e.g. “397(10272):375-386”.",
    )
    url = models.URLField("link", max_length=500, blank=True)
    accessed_on = models.DateField(null=True, blank=True, help_text="When the link was last checked.")
    doi = models.CharField(
        "DOI",
        max_length=200,
        blank=True,
        validators=[DOI_VALIDATOR],
        help_text="e.g. “10.1016/S0140-6736(20)32714-8”: shown as a doi.org link.",
    )
    pubmed_id = models.CharField(
        "PubMed ID",
        max_length=9,
        blank=True,
        validators=[PUBMED_VALIDATOR],
        help_text="The PMID, digits only, e.g. “33485464”: shown as a PubMed link.",
    )

    # What check_sources last found at the link (never edited by hand).
    class LinkStatus(models.TextChoices):
        WORKS = "works", "Works"
        MOVED = "moved", "Moved permanently"
        BROKEN = "broken", "Broken"
        NO_ANSWER = "no_answer", "Did not answer"
        NOT_FOLLOWED = "not_followed", "Not followed"

    link_status = models.CharField(max_length=12, choices=LinkStatus.choices, blank=True, editable=False)
    link_status_code = models.PositiveSmallIntegerField(null=True, blank=True, editable=False)
    link_moved_to = models.URLField(max_length=500, blank=True, editable=False)
    link_checked_at = models.DateTimeField(null=True, blank=True, editable=False)
    link_error = models.CharField(max_length=100, blank=True, editable=False)

    objects = SourceQuerySet.as_manager()

    NEEDS_A_LOOK = (LinkStatus.MOVED, LinkStatus.BROKEN, LinkStatus.NO_ANSWER, LinkStatus.NOT_FOLLOWED)

    class Meta:
        ordering = ["position", "id"]
        indexes = [
            models.Index(
                fields=["link_status"],
                condition=~Q(link_status__in=["", "works"]),
                name="source_link_needs_look",
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        # A changed link has not been checked yet: forget what was found at the old one.
        if self.pk and "url" in (kwargs.get("update_fields") or ["url"]):
            previous = Source.objects.filter(pk=self.pk).values_list("url", flat=True).first()
            if previous is not None and previous != self.url:
                self.link_status, self.link_status_code, self.link_moved_to = "", None, ""
                self.link_checked_at, self.link_error = None, ""
        super().save(*args, **kwargs)

    def as_dict(self) -> dict:
        return {
            "authors": self.authors,
            "title": self.title,
            "publisher": self.publisher,
            "year": self.year,
            "published_on": self.published_on.isoformat() if self.published_on else "",
            "volume_pages": self.volume_pages,
            "url": self.url,
            "accessed_on": self.accessed_on.isoformat() if self.accessed_on else "",
            "doi": self.doi,
            "pubmed_id": self.pubmed_id,
        }


def leaflet_upload_to(resource: "ArticleResource", filename: str) -> str:
    # A random name: never the uploader's file name, never overwriting another file.
    return f"leaflets/{uuid.uuid4().hex}.pdf"


class ArticleResource(RejectNulBytesMixin, models.Model):
    """
    A downloadable leaflet attached to an article's working copy. Like the
    text, it reaches the public only when an approver signs the article off.
    """

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="resources")
    position = models.PositiveIntegerField(default=0)
    title = models.CharField(
        max_length=200,
        validators=[validate_single_line_text],
        help_text="What the leaflet is, as patients will see it, e.g. “Immunotherapy: a guide for patients”.",
    )
    file = models.FileField(
        upload_to=leaflet_upload_to,
        validators=[validate_pdf],
        help_text="A PDF file, at most 10 MB.",
    )
    size_bytes = models.PositiveIntegerField(editable=False, default=0)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = "downloadable leaflet"

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.size_bytes = self.file.size
        super().save(*args, **kwargs)

    def as_dict(self) -> dict:
        return {"title": self.title, "url": self.file.url, "size_bytes": self.size_bytes, "file_type": "PDF"}
