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
