from django.contrib import admin
from django.utils import timezone

from core.admin_records import staff_column

from ..models import WarningPhrase


@admin.register(WarningPhrase)
class WarningPhraseAdmin(admin.ModelAdmin):
    """Support leads keep the list; switching a phrase off keeps it for the record."""

    list_display = ["phrase", "kind", "active", "source", "changed", "changed_at"]
    list_filter = ["kind", "active"]
    search_fields = ["phrase"]
    fields = ["phrase", "kind", "source", "active"]
    changed = staff_column("changed_by", "changed by")

    def has_delete_permission(self, request, obj=None):
        return False  # untick "active" instead, so the list's history stays readable

    def save_model(self, request, obj, form, change):
        obj.changed_by = request.user
        obj.changed_at = timezone.now()
        super().save_model(request, obj, form, change)
