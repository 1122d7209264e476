"""
Shared HTTP caches in front of the site (Varnish, or a CDN): when
FRONTEND_CACHE_URLS names them, public pages tell them they may keep a page
(`s-maxage`) and every change to published content bans those pages there.

A ban goes out after the commit, as an outbox row of its own (FrontendPurge,
core/outbox.py) sent by the worker and retried by `send_outboxes` while a
cache is down, so a slow or broken cache never slows the approver, and no purge is lost. Pages are banned by tag: each public
page carries `Cache-Tag: public-pages` (the header Cloudflare purges by; the
VCL in ops/varnish bans on it), so one request clears them all, whatever their
URL or query string.
"""

import logging
import urllib.error
import urllib.request

from django.conf import settings
from django.db import transaction

from .models import FrontendPurge
from .outbox import outbox_send_after_commit

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
                FrontendPurge.objects.filter(pk=purge.pk).update(next_attempt_at=None)
            outbox_send_after_commit(FrontendPurge, [purge.pk])
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


def ban_public_pages() -> None:
    """Ban public pages in every frontend cache; raises when any cache refuses or cannot be reached."""
    for cache_url in settings.FRONTEND_CACHE_URLS:
        _ban(cache_url)
