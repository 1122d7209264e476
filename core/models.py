from django.conf import settings
from django.db import models
from django.utils import timezone

from .outbox import OutboxRow


class FrontendPurge(OutboxRow):
    """
    One purge of the shared HTTP caches in front of the site (Varnish, a CDN),
    owed because public pages changed: an outbox row (core/outbox.py), sent
    after commit, retried with back-off while a cache is down, never lost.
    """

    class Meta(OutboxRow.Meta):
        pass

    def __str__(self):
        return f"Purge of {timezone.localtime(self.created_at):%d %b %Y %H:%M:%S}"

    def outbox_name(self) -> str:
        return f"Purge {self.pk} of the frontend caches"

    def send(self) -> None:
        from .frontend_cache import ban_public_pages  # which imports this module

        ban_public_pages()


class PagePresence(models.Model):
    """
    A member of staff with one staff page open in one browser tab, as its
    heartbeat last said (staff/presence.py): what lets a page say "Priya Nair
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
