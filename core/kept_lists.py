"""
Lists staff keep in the admin (warning phrases, canned replies, search
synonyms): each entry records who changed it last and when, and is switched
off rather than deleted.
"""

from django.conf import settings
from django.contrib import admin
from django.db import models
from django.utils import timezone

from core.text import RejectNulBytesMixin


class KeptListEntry(RejectNulBytesMixin, models.Model):
    """An entry of a kept list: who changed it last and when (set by KeptListAdmin); switched off, not deleted."""

    active = models.BooleanField(default=True, help_text="Untick to switch it off without losing it.")
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    changed_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        abstract = True


class KeptListAdmin(admin.ModelAdmin):
    """The admin of a kept list: each save records who changed it and when; nothing is deleted."""

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        obj.changed_by = request.user
        obj.changed_at = timezone.now()
        super().save_model(request, obj, form, change)
