"""
The clinical record of an article: approved versions, full reviews, workflow
moves and review reminders, and what readers said of each version. Written
by the services; never edited afterwards.
"""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils import timezone

from core.outbox import OutboxRow
from core.records import WrittenOnceMixin
from core.text import RejectNulBytesMixin, validate_multiline_text

from ..workflow import Status
from .article import Article


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
    from_status = models.CharField(max_length=20, choices=Status.choices)
    to_status = models.CharField(max_length=20, choices=Status.choices)
    # The workflow action that made the move (a key of workflow.ACTIONS): an approver's
    # "return" and a nurse's edit both lead from awaiting approval to draft.
    action = models.CharField(max_length=20, blank=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(default=timezone.now)
    comment = models.TextField(blank=True)

    class Meta:
        ordering = ["article", "-at", "-id"]

    def __str__(self):
        return f"{self.get_from_status_display()} → {self.get_to_status_display()}"


class ArticleEdit(WrittenOnceMixin, RejectNulBytesMixin, models.Model):
    """
    Who saved a change to an article's working copy, and when. The edit history
    of a draft: nobody in it may approve that draft (four-eyes).
    """

    record_refusal = "The edit history is a record and cannot be changed."

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="edits")
    editor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(default=timezone.now)
    # The draft as this save left it (drafts.article_draft) and its fingerprint:
    # when an approver's sign-off is refused because the draft changed after
    # they opened it, the page shows what changed since the draft they read.
    draft = models.JSONField(null=True, blank=True)
    fingerprint = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering = ["article", "-at", "-id"]
        indexes = [models.Index(fields=["article", "at"])]

    def __str__(self):
        return f"Edit of {self.article} by {self.editor} at {self.at:%d %b %Y %H:%M}"


class ArticleNotification(RejectNulBytesMixin, OutboxRow):
    """
    An email a workflow move owes one member of staff: an outbox row
    (core/outbox.py) written in the same transaction as the move, sent after
    it commits, retried with back-off until it goes, never sent twice to the
    same person for one move. What it says: treatments/notifications.py.
    """

    transition = models.ForeignKey(ArticleTransition, on_delete=models.CASCADE, related_name="notifications")
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")

    outbox_related = ("transition__article", "transition__actor", "recipient")

    class Meta(OutboxRow.Meta):
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["transition", "recipient"], name="article_notification_once"),
        ]

    def __str__(self):
        return f"Email to {self.recipient} about {self.transition}"

    def outbox_name(self) -> str:
        return f"Workflow email {self.pk}"

    def send(self) -> None:
        from ..notifications import notification_email  # which imports this module

        notification_email(self).send()


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


class PageFeedback(RejectNulBytesMixin, models.Model):
    """
    A reader's answer to "Was this page helpful?", against the approved
    version they were reading. Anonymous: nothing identifies the reader.
    """

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="feedback")
    version = models.ForeignKey(ArticleVersion, on_delete=models.CASCADE, related_name="feedback")
    helpful = models.BooleanField()
    comment = models.TextField(
        max_length=500,
        blank=True,
        validators=[validate_multiline_text],
        help_text="What the reader was looking for.",
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "page feedback"
        verbose_name_plural = "page feedback"
        indexes = [models.Index(fields=["article", "created_at"])]

    def __str__(self):
        return f"{'Helpful' if self.helpful else 'Not helpful'}: {self.article}"
