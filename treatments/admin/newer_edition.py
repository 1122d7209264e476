from django.contrib import admin
from django.db import models

from staff.admin_columns import staff_column

from ..models import NewerEdition


@admin.register(NewerEdition)
class NewerEditionAdmin(admin.ModelAdmin):
    """
    Nurses record a newer edition of a guideline or study when it appears: every
    page citing the older one is then flagged on the review dashboard and the
    approve page until it is reviewed against the new one and cites it.
    """

    list_display = ["title", "published_on", "replaces", "recorded", "recorded_at"]
    search_fields = ["title", "replaces_title", "replaces_doi"]
    fields = ["replaces_title", "replaces_doi", "replaces_url", "title", "published_on", "url"]
    recorded = staff_column("recorded_by", "recorded by")
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    @admin.display(description="replaces")
    def replaces(self, edition):
        return edition.replaces_title or edition.replaces_doi or edition.replaces_url

    def save_model(self, request, obj, form, change):
        if not change:
            obj.recorded_by = request.user
        super().save_model(request, obj, form, change)
