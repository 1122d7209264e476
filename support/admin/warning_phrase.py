from django.contrib import admin

from core.kept_lists import KeptListAdmin
from staff.admin_columns import staff_column

from ..models import WarningPhrase


@admin.register(WarningPhrase)
class WarningPhraseAdmin(KeptListAdmin):
    """Support leads keep the list; switching a phrase off keeps it for the record."""

    list_display = ["phrase", "kind", "active", "source", "changed", "changed_at"]
    list_filter = ["kind", "active"]
    search_fields = ["phrase"]
    fields = ["phrase", "kind", "source", "active"]
    changed = staff_column("changed_by", "changed by")
