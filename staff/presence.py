"""
Who else has a staff page open: each open page's heartbeat records its tab
(PagePresence), and the page lists the other tabs seen lately on the same
object. A page is one object (an article, a contact request), so its change,
reply and approve pages count as one place to work on.
"""

import datetime
import re

from django.db import IntegrityError, transaction
from django.utils import timezone

from core.models import PagePresence

from .names import staff_name

# A tab beats every BEAT_SECONDS; one not heard from for SEEN_SECONDS has gone.
BEAT_SECONDS = 30
SEEN_SECONDS = 75
_TAB = re.compile(r"^[A-Za-z0-9_-]{8,40}$")


def page_key(obj) -> str:
    return f"{obj._meta.app_label}.{obj._meta.model_name}:{obj.pk}"


def valid_tab(tab: str) -> bool:
    return bool(_TAB.match(tab or ""))


def presence_record(*, page: str, tab: str, user) -> None:
    """This tab has `page` open now; stale rows of the page go at the same time."""
    now = timezone.now()
    stale = now - datetime.timedelta(seconds=SEEN_SECONDS * 4)
    PagePresence.objects.filter(page=page, seen_at__lt=stale).delete()
    updated = PagePresence.objects.filter(page=page, tab=tab, user=user).update(seen_at=now)
    if not updated:
        try:
            with transaction.atomic():
                PagePresence.objects.create(page=page, tab=tab, user=user, opened_at=now, seen_at=now)
        except IntegrityError:
            pass  # the same tab id under another user, or a beat that raced this one: keep the first


def presence_others(*, page: str, user, tab: str = "") -> list[dict]:
    """The other tabs on `page` seen lately, earliest first: who, since when, whether it is the viewer."""
    seen_after = timezone.now() - datetime.timedelta(seconds=SEEN_SECONDS)
    rows = (
        PagePresence.objects.filter(page=page, seen_at__gte=seen_after)
        .exclude(tab=tab)
        .select_related("user")
        .order_by("opened_at")
    )
    earliest: dict[int, PagePresence] = {}
    for row in rows:
        earliest.setdefault(row.user_id, row)
    return [
        {
            "name": staff_name(row.user),
            "since": timezone.localtime(row.opened_at).strftime("%H:%M"),
            "you": row.user_id == user.pk,
        }
        for row in earliest.values()
    ]


def presence_context(request, obj) -> dict:
    """For a page about `obj`: its presence key (the heartbeat's) and who else has it open now."""
    page = page_key(obj)
    others = [other for other in presence_others(page=page, user=request.user) if not other["you"]]
    return {"presence_page": page, "presence": others}
