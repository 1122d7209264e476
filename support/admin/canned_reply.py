from django.contrib import admin

from core.kept_lists import KeptListAdmin
from staff.admin_columns import staff_column

from ..models import CannedReply


@admin.register(CannedReply)
class CannedReplyAdmin(KeptListAdmin):
    """Support leads keep the canned replies; support staff read them and start replies from them."""

    list_display = ["title", "active", "changed", "changed_at"]
    list_filter = ["active"]
    search_fields = ["title", "text"]
    fields = ["title", "text", "active"]
    changed = staff_column("changed_by", "changed by")
