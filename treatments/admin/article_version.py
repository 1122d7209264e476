from django.contrib import admin
from django.template.defaultfilters import linebreaksbr

from core.admin_changelist import FullWidthChangelistMixin
from core.admin_records import RecordAdmin
from staff.admin_columns import staff_column

from ..diff import format_source
from ..models import ArticleVersion
from ..sanitise import html_to_text


@admin.register(ArticleVersion)
class ArticleVersionAdmin(FullWidthChangelistMixin, RecordAdmin):
    """Approved versions, read-only: the record of what patients were shown."""

    list_display = ["__str__", "article", "approved_at", "approver", "is_full_review"]
    list_filter = ["is_full_review"]
    search_fields = ["title", "article__slug"]
    list_select_related = ["article", "approved_by__staff_profile"]
    readonly_fields = [
        "article",
        "number",
        "title",
        "summary",
        "body_text",
        "sources_list",
        "written_by_name",
        "approver",
        "approved_at",
        "approval_comment",
        "is_full_review",
    ]
    fields = readonly_fields
    approver = staff_column("approved_by", "approved by")

    @admin.display(description="body")
    def body_text(self, version):
        return linebreaksbr(html_to_text(version.body))

    @admin.display(description="sources")
    def sources_list(self, version):
        lines = (f"{n}. {format_source(source)}" for n, source in enumerate(version.sources, 1))
        return linebreaksbr("\n".join(lines))
