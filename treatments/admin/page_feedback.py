from django.contrib import admin

from core.admin_records import RecordAdmin, isolated_text

from ..models import PageFeedback


@admin.register(PageFeedback)
class PageFeedbackAdmin(RecordAdmin):
    """What readers said, read-only. Anonymous: there is nobody to reply to."""

    list_display = ["created_at", "article", "version", "helpful", "reader_comment"]
    list_filter = ["helpful", "article"]
    search_fields = ["comment", "article__title"]
    list_select_related = ["article", "version"]
    readonly_fields = ["created_at", "article", "version", "helpful", "reader_comment"]
    fields = readonly_fields

    @admin.display(description="comment")
    def reader_comment(self, feedback):
        return isolated_text(feedback.comment, multiline=True)
