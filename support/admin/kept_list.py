"""The admin of a list support keeps (warning phrases, canned replies)."""

from django.contrib import admin
from django.utils import timezone


class KeptListAdmin(admin.ModelAdmin):
    """
    A list staff keep (warning phrases, canned replies): each save records who
    changed it and when; nothing is deleted, an "active" box switches it off.
    """

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        obj.changed_by = request.user
        obj.changed_at = timezone.now()
        super().save_model(request, obj, form, change)
