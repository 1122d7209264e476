"""What an article's admin page holds below the article: its sources, leaflets and records."""

from django.contrib import admin
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html

from core.admin_records import RecordInline
from staff.admin_columns import staff_column

from ..models import ArticleResource, ArticleReview, ArticleTransition, ArticleVersion, Source


class SourceInline(admin.StackedInline):
    """New sources go to the end; "Move up" and "Move down" (admin_extra/source_order.js) reorder them."""

    model = Source
    extra = 0
    fields = [
        ("position", "year", "published_on"),
        "authors",
        "title",
        "publisher",
        "volume_pages",
        ("url", "accessed_on"),
        ("doi", "pubmed_id"),
        "link_check",
    ]
    readonly_fields = ["link_check"]
    verbose_name = "source"
    verbose_name_plural = "sources (numbered in this order)"
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    @admin.display(description="link last checked")
    def link_check(self, source):
        """What check_sources found at the link; a problem in words a nurse can act on."""
        if not source.url:
            return "No link."
        if not source.link_checked_at:
            return "Not checked yet (links are checked daily)."
        when = timezone.localtime(source.link_checked_at).strftime("%-d %b %Y")
        if source.link_status == Source.LinkStatus.WORKS:
            return f"Worked on {when}."
        if source.link_status == Source.LinkStatus.MOVED:
            return format_html(
                '<strong class="review-overdue">Moved</strong> (checked {}): it now goes to <a href="{}">{}</a>. '
                "Check it is the same document and update the link.",
                when,
                source.link_moved_to,
                source.link_moved_to,
            )
        if source.link_status == Source.LinkStatus.BROKEN:
            return format_html(
                '<strong class="review-overdue">Broken</strong> (checked {}): the site answered {}. '
                "Find where the document is now, or another source.",
                when,
                source.link_status_code,
            )
        if source.link_status == Source.LinkStatus.NOT_FOLLOWED:
            return format_html(
                '<strong class="review-overdue">Not followed</strong> (checked {}): {}. Check the link by hand.',
                when,
                source.link_error,
            )
        return format_html(
            '<strong class="review-overdue">Did not answer</strong> (checked {}): {}.',
            when,
            source.link_error,
        )


class ResourceInline(admin.TabularInline):
    model = ArticleResource
    extra = 0
    fields = ["position", "title", "file"]
    verbose_name_plural = "downloadable leaflets (PDF; public only after approval)"


class ArticleVersionInline(RecordInline):
    model = ArticleVersion
    fields = ["version_link", "approved_at", "approver", "is_full_review", "approval_comment"]
    readonly_fields = fields
    verbose_name_plural = "approved versions"
    approver = staff_column("approved_by", "approved by")

    @admin.display(description="version")
    def version_link(self, version):
        url = reverse("admin:treatments_articleversion_change", args=[version.pk])
        if version.number == 1:
            return format_html('<a href="{}">Version {}</a>', url, version.number)
        compare = reverse("admin:treatments_article_compare", args=[version.article_id])
        return format_html(
            '<a href="{}">Version {}</a> (<a href="{}?from={}&amp;to={}">compare with version {}</a>)',
            url,
            version.number,
            compare,
            version.number - 1,
            version.number,
            version.number - 1,
        )


class ArticleReviewInline(RecordInline):
    model = ArticleReview
    fields = ["reviewed_on", "reviewer_name", "reviewer_role", "sources_rechecked", "version", "comment"]
    readonly_fields = fields
    verbose_name_plural = "full clinical reviews"


class ArticleTransitionInline(RecordInline):
    model = ArticleTransition
    fields = ["at", "by", "from_status", "to_status", "comment"]
    readonly_fields = fields
    verbose_name_plural = "workflow history"
    by = staff_column("actor", "by")
