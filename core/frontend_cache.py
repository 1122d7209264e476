"""
Shared HTTP caches in front of the site (Varnish, or a CDN): when
FRONTEND_CACHE_URLS names them, public pages tell them they may keep a page
(`s-maxage`) and every change to published content bans those pages there.

A ban goes out after the commit, as a row of its own (FrontendPurge) sent by
a task and retried by `send_pending_notifications`'s sibling command
`send_frontend_purges` while a cache is down, so a slow or broken cache never
slows the approver, and no purge is lost. Pages are banned by tag: each public
page carries `Cache-Tag: public-pages` (the header Cloudflare purges by; the
VCL in ops/varnish bans on it), so one request clears them all, whatever their
URL or query string.
"""

import logging
import urllib.error
import urllib.request

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django_tasks import task

from .models import FrontendPurge
from .outbox import attempt_failed

logger = logging.getLogger(__name__)
PAGE_TAG = "public-pages"
TIMEOUT_SECONDS = 5


def frontend_purge_queue() -> None:
    """Owe a purge (one is enough while one waits unsent) and send it soon. Call after the commit."""
    if not settings.FRONTEND_CACHE_URLS:
        return
    try:
        with transaction.atomic():
            # A row being sent at this moment is locked, and its ban may have gone out
            # before this change: the cache could keep a page built in between. Only a
            # row nobody is sending is sure to ban after this change, so only that one
            # is shared; otherwise this change gets a row of its own.
            pending = (
                FrontendPurge.objects.select_for_update(skip_locked=True).filter(sent_at__isnull=True).first()
            )
            if pending is None:
                purge = FrontendPurge.objects.create()
            else:
                # Still owed: a change made now must not wait out an earlier failure's back-off.
                purge = pending
                FrontendPurge.objects.filter(pk=purge.pk).update(send_after=None)
        send_frontend_purge.enqueue(purge.pk)
    except Exception:
        logger.exception(
            "Could not queue a purge of the frontend caches; the next change or cron run sends it."
        )


def _ban(cache_url: str) -> None:
    request = urllib.request.Request(  # noqa: S310 - our own configured cache addresses (http or https)
        cache_url.rstrip("/") + "/", method="BAN", headers={"X-Ban-Tag": PAGE_TAG}
    )
    with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310
        if response.status >= 300:
            raise urllib.error.HTTPError(cache_url, response.status, "ban refused", response.headers, None)


def frontend_purge_send(purge_pk: int) -> bool:
    """Ban public pages in every frontend cache. True when nothing is left to send."""
    with transaction.atomic():
        purge = (
            FrontendPurge.objects.select_for_update(skip_locked=True)
            .filter(pk=purge_pk, sent_at__isnull=True)
            .filter(Q(send_after__isnull=True) | Q(send_after__lte=timezone.now()))
            .first()
        )
        if purge is None:
            return True
        try:
            for cache_url in settings.FRONTEND_CACHE_URLS:
                _ban(cache_url)
        except Exception as error:  # any failure: record it and retry later
            level = attempt_failed(purge, error, after="send_after")
            logger.log(
                level,
                "Purging the frontend caches failed (attempt %s, %s).",
                purge.attempts,
                purge.last_error,
            )
            return False
        purge.sent_at = timezone.now()
        purge.save(update_fields=["sent_at"])
        return True


@task()
def send_frontend_purge(purge_pk: int) -> bool:
    return frontend_purge_send(purge_pk)


def send_pending_purges() -> tuple[int, int]:
    """Retry every purge whose next attempt is due. Returns (sent, failed)."""
    due = FrontendPurge.objects.filter(sent_at__isnull=True).filter(
        Q(send_after__isnull=True) | Q(send_after__lte=timezone.now())
    )
    results = [frontend_purge_send(pk) for pk in due.values_list("pk", flat=True)]
    return results.count(True), results.count(False)
