"""
Treatment articles and their clinical sign-off.

An Article is the working copy nurses edit. What the public reads is never
the working copy: it is the article's live ArticleVersion, an immutable copy
made when a clinical approver signed the content off. Review dates come from
ArticleReview records (full clinical reviews), not from edits.
"""

import datetime
import functools
import uuid

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django_ckeditor_5.fields import CKEditor5Field

from charity_site.text_checks import RejectNulBytesMixin, validate_single_line_text

from .uploads import validate_pdf

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


class StaffProfile(RejectNulBytesMixin, models.Model):
    """How a member of staff is named on public pages, e.g. in "Reviewed by"."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="staff_profile"
    )
    public_name = models.CharField(
        max_length=120,
        validators=[validate_single_line_text],
        help_text="Your name as patients will see it, e.g. “Nia Roberts”.",
    )
    role_title = models.CharField(
        max_length=160,
        validators=[validate_single_line_text],
        help_text="Your role as patients will see it, e.g. “Mesothelioma clinical nurse specialist”.",
    )

    class Meta:
        verbose_name = "staff profile"

    def __str__(self):
        return f"{self.public_name}, {self.role_title}"


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


class ArticleQuerySet(models.QuerySet):
    def public(self):
        """Articles the public may read: signed off at least once and not withdrawn."""
        return self.filter(live_version__isnull=False).exclude(status=Article.Status.ARCHIVED)

    def review_overdue(self, today: datetime.date | None = None):
        today = today or timezone.localdate()
        return self.exclude(status=Article.Status.ARCHIVED).filter(next_review_due_on__lt=today)

    def review_due_within(self, days: int, today: datetime.date | None = None):
        """Not yet overdue, but due within `days` days."""
        today = today or timezone.localdate()
        return self.exclude(status=Article.Status.ARCHIVED).filter(
            next_review_due_on__gte=today,
            next_review_due_on__lte=today + datetime.timedelta(days=days),
        )

    def awaiting_approval(self):
        return self.filter(status=Article.Status.AWAITING_APPROVAL)


class Article(RejectNulBytesMixin, models.Model):
    """
    A patient-information page about a treatment: the working copy that
    nurses edit, plus a pointer to the version the public sees.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        AWAITING_APPROVAL = "awaiting_approval", "Awaiting approval"
        PUBLISHED = "published", "Published"
        ARCHIVED = "archived", "Archived"

    # Which moves the workflow allows. services.article_transition refuses any other.
    # PUBLISHED -> DRAFT happens when a nurse edits a published article.
    TRANSITIONS = {
        Status.DRAFT: {Status.AWAITING_APPROVAL, Status.ARCHIVED},
        Status.AWAITING_APPROVAL: {Status.PUBLISHED, Status.DRAFT, Status.ARCHIVED},
        Status.PUBLISHED: {Status.DRAFT, Status.ARCHIVED},
        Status.ARCHIVED: {Status.DRAFT, Status.PUBLISHED},
    }

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
        max_length=600, help_text="One or two plain sentences saying what the page covers."
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
                condition=Q(status__in=["draft", "awaiting_approval", "published", "archived"]),
                name="article_status_valid",
            ),
            models.CheckConstraint(
                condition=~Q(status="published") | Q(live_version__isnull=False),
                name="article_published_has_live_version",
            ),
        ]
        indexes = [models.Index(fields=["status", "next_review_due_on"])]

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

    def working_copy_snapshot(self) -> dict:
        """The content an approval would make live, in the form versions store it."""
        return {
            "title": self.title,
            "summary": self.summary,
            "body": self.body,
            "sources": [source.as_dict() for source in self.sources.all()],
            "resources": [resource.as_dict() for resource in self.resources.all()],
        }


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
    volume_pages = models.CharField(
        "volume, issue and pages",
        max_length=100,
        blank=True,
        validators=[validate_single_line_text],
        help_text="e.g. “397(10272):375-386”.",
    )
    url = models.URLField("link", max_length=500, blank=True)
    accessed_on = models.DateField(null=True, blank=True, help_text="When the link was last checked.")

    class Meta:
        ordering = ["position", "id"]

    def __str__(self):
        return self.title

    def as_dict(self) -> dict:
        return {
            "authors": self.authors,
            "title": self.title,
            "publisher": self.publisher,
            "year": self.year,
            "volume_pages": self.volume_pages,
            "url": self.url,
            "accessed_on": self.accessed_on.isoformat() if self.accessed_on else "",
        }


class ArticleVersion(RejectNulBytesMixin, models.Model):
    """
    The content of an article exactly as a clinical approver signed it off.
    Never changed after it is written: corrections make a new version.
    """

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    title = models.CharField(max_length=200)
    summary = models.TextField()
    body = models.TextField(help_text="Sanitised HTML.")
    # The sources and leaflets as approved: lists of Source.as_dict() and
    # ArticleResource.as_dict() records, stored with the version so a later
    # edit to the working copy cannot change what patients see.
    sources = models.JSONField(default=list)
    resources = models.JSONField(default=list)
    # Derived from the content above when the version is written: the page's
    # HTML fragments (so a request does not rebuild them) and search data.
    body_html = models.TextField(blank=True, help_text="Sanitised body with section anchors.")
    sections = models.JSONField(default=list, blank=True, help_text="The “On this page” list.")
    sources_html = models.TextField(blank=True, help_text="The numbered sources, rendered.")
    body_text = models.TextField(blank=True, help_text="The body as plain text.")
    search_vector = SearchVectorField(null=True, editable=False)
    written_by_name = models.CharField(max_length=300)
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    approved_at = models.DateTimeField()
    approval_comment = models.TextField(blank=True)
    is_full_review = models.BooleanField(
        help_text="Whether this approval was a full clinical review of the whole page."
    )

    class Meta:
        ordering = ["article", "-number"]
        get_latest_by = "number"
        constraints = [
            models.UniqueConstraint(fields=["article", "number"], name="article_version_number_unique"),
        ]

    def __str__(self):
        return f"{self.title} (version {self.number})"

    def save(self, *args, **kwargs):
        if self.pk is not None and not self._state.adding:
            raise ValueError("Approved versions are a clinical record and cannot be changed.")
        super().save(*args, **kwargs)

    def content_snapshot(self) -> dict:
        return {
            "title": self.title,
            "summary": self.summary,
            "body": self.body,
            "sources": self.sources,
            "resources": self.resources,
        }


class ArticleReview(RejectNulBytesMixin, models.Model):
    """
    A full clinical review of an article: the sign-off that moves "Last reviewed".
    Made with an approval that was a full review, or on its own when a review
    found nothing to change ("confirm still accurate").
    """

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="reviews")
    version = models.ForeignKey(
        ArticleVersion,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="The approval this review came with; empty when the content was confirmed unchanged.",
    )
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    # Copied from the reviewer's staff profile at the time: the public page shows
    # who signed the page off and in what role, even if the profile changes later.
    reviewer_name = models.CharField(max_length=120)
    reviewer_role = models.CharField(max_length=160)
    reviewed_on = models.DateField()
    recorded_at = models.DateTimeField(default=timezone.now)
    sources_rechecked = models.BooleanField(default=False)
    comment = models.TextField(blank=True)

    class Meta:
        ordering = ["article", "-reviewed_on", "-recorded_at"]

    def __str__(self):
        return f"Review of {self.article} on {self.reviewed_on:%d %B %Y}"


class ArticleTransition(RejectNulBytesMixin, models.Model):
    """Audit trail: every workflow move of an article, who made it, when and why."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="transitions")
    from_status = models.CharField(max_length=20, choices=Article.Status.choices)
    to_status = models.CharField(max_length=20, choices=Article.Status.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(default=timezone.now)
    comment = models.TextField(blank=True)

    class Meta:
        ordering = ["article", "-at", "-id"]

    def __str__(self):
        return f"{self.get_from_status_display()} → {self.get_to_status_display()}"


class ReviewReminder(RejectNulBytesMixin, models.Model):
    """A record that a review reminder went out for an article and due date."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="review_reminders")
    due_on = models.DateField()
    sent_at = models.DateTimeField(default=timezone.now)
    recipient_count = models.PositiveIntegerField()

    class Meta:
        ordering = ["-sent_at"]
        indexes = [models.Index(fields=["article", "due_on", "sent_at"])]

    def __str__(self):
        return f"Reminder for {self.article} (due {self.due_on})"


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


class PageFeedback(RejectNulBytesMixin, models.Model):
    """
    A reader's answer to "Was this page helpful?", against the approved
    version they were reading. Anonymous: nothing identifies the reader.
    """

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="feedback")
    version = models.ForeignKey(ArticleVersion, on_delete=models.CASCADE, related_name="feedback")
    helpful = models.BooleanField()
    comment = models.TextField(max_length=500, blank=True, help_text="What the reader was looking for.")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "page feedback"
        verbose_name_plural = "page feedback"
        indexes = [models.Index(fields=["article", "created_at"])]

    def __str__(self):
        return f"{'Helpful' if self.helpful else 'Not helpful'}: {self.article}"
