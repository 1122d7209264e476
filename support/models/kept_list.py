from django.conf import settings
from django.db import models
from django.utils import timezone

from core.text import RejectNulBytesMixin


class KeptListEntry(RejectNulBytesMixin, models.Model):
    """
    An entry of a list support leads keep (warning phrases, canned replies): who
    changed it last and when (set by support.admin.kept_list.KeptListAdmin); switched
    off rather than deleted.
    """

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
