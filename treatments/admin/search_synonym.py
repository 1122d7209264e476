from django.contrib import admin

from core.kept_lists import KeptListAdmin
from staff.admin_columns import staff_column

from ..models import SearchSynonym


@admin.register(SearchSynonym)
class SearchSynonymAdmin(KeptListAdmin):
    """
    Nurses keep the names readers search with that the pages do not use
    ("pleurx", "stage 4"): a search for one also finds the pages' own words,
    and is never "corrected" into another word.
    """

    list_display = ["typed", "finds", "active", "changed", "changed_at"]
    list_filter = ["active"]
    search_fields = ["typed", "finds"]
    fields = ["typed", "finds", "active"]
    changed = staff_column("changed_by", "changed by")
