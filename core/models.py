from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone


class FrontendPurge(models.Model):
    """
    One purge of the shared HTTP caches in front of the site (Varnish, a CDN),
    owed because public pages changed. Its own outbox row: sent after commit,
    retried with back-off while a cache is down, never lost.
    """

    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveIntegerField(default=0)
    send_after = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=200, blank=True)

    class Meta:
        indexes = [
            models.Index(
                fields=["created_at"], condition=Q(sent_at__isnull=True), name="frontend_purge_unsent"
            )
        ]

    def __str__(self):
        return f"Purge of {timezone.localtime(self.created_at):%d %b %Y %H:%M:%S}"


class PagePresence(models.Model):
    """
    A member of staff with one staff page open in one browser tab, as its
    heartbeat last said (core/presence.py): what lets a page say "Priya Nair
    has had this page open since 10:42" before two people write over each
    other. Rows go stale within a minute or two of the tab closing.
    """

    page = models.CharField(max_length=120)  # "app_label.model_name:pk", one per object
    tab = models.CharField(max_length=40)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    opened_at = models.DateTimeField(default=timezone.now)
    seen_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["page", "tab"], name="page_presence_one_per_tab")]
        indexes = [models.Index(fields=["page", "seen_at"])]

    def __str__(self):
        return f"{self.user} on {self.page}"
