"""What an article's admin page edits below the article: its sources and leaflets."""

from django import forms
from django.contrib import admin
from django.db import models
from django.utils import timezone
from django.utils.html import format_html

from core.compact_forms import CompactHelpForm

from ..models import ArticleResource, Source


class SourceForm(CompactHelpForm, forms.ModelForm):
    compact_help_prefix = "sources"


class SourceInline(admin.StackedInline):
    """
    New sources go to the end; "Move up" and "Move down" (admin_extra/source_order.js)
    reorder them. Each source is one compact grid, its help written once above them.
    """

    model = Source
    form = SourceForm
    template = "admin/treatments/article/sources_inline.html"
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
