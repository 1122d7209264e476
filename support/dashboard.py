"""What the admin home page shows the support team: what needs doing now, and their own requests."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone

from .models import NEEDS_ACTION_ORDER, ContactRequest, EnquiryTag, NeedsAction
from .timing import answer_by_text


@dataclass(frozen=True)
class SupportDashboard:
    """What needs doing now: counts that link to the requests they count, and your own requests."""

    counts: list[tuple[str, int, str]]
    mine: list[tuple[ContactRequest, str]]  # each with its answer-by time in words
    mine_count: int
    mine_url: str


MINE_SHOWN = 10


def support_dashboard(user) -> SupportDashboard | None:
    """The support team's part of the admin home page, for this member of staff."""
    if not user.has_perm("support.view_contactrequest"):
        return None
    now = timezone.now()
    start_of_today = timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0)
    requests = ContactRequest.objects.all()
    counts = requests.open().aggregate(
        urgent=Count("pk", filter=Q(needs_action=NeedsAction.URGENT)),
        overdue=Count("pk", filter=Q(pk__in=requests.overdue(now).values("pk"))),
        due_today=Count("pk", filter=Q(pk__in=requests.due_today(now).values("pk"))),
        new_today=Count("pk", filter=Q(received_at__gte=start_of_today)),
        unassigned=Count("pk", filter=Q(assigned_to__isnull=True)),
    )
    mine = requests.open().filter(assigned_to=user).order_by(*NEEDS_ACTION_ORDER)
    changelist = reverse("admin:support_contactrequest_changelist")
    return SupportDashboard(
        counts=[
            ("Urgent, not answered yet", counts["urgent"], f"{changelist}?urgent=waiting"),
            ("Overdue", counts["overdue"], f"{changelist}?answer_by=overdue"),
            ("Due by the end of today", counts["due_today"], f"{changelist}?answer_by=today"),
            ("New today", counts["new_today"], f"{changelist}?received_at__gte={start_of_today:%Y-%m-%d}"),
            ("Unassigned", counts["unassigned"], f"{changelist}?assigned=nobody"),
        ],
        mine=[(item, answer_by_text(item)) for item in mine[:MINE_SHOWN]],
        mine_count=mine.count(),
        mine_url=f"{changelist}?assigned=me",
    )


CONTENT_GAP_DAYS = 90


def content_gaps(user) -> list[dict] | None:
    """
    What people asked the support line that no treatment page covers, by count,
    for the editors' dashboard: topics typed by support staff, never who asked.
    """
    if not user.has_perm("treatments.view_article"):
        return None
    since = timezone.now() - datetime.timedelta(days=CONTENT_GAP_DAYS)
    return list(
        EnquiryTag.objects.filter(tagged_at__gte=since)
        .exclude(missing_topic="")
        .annotate(topic=Lower("missing_topic"))
        .values("topic")
        .annotate(count=Count("pk"))
        .order_by("-count", "topic")[:20]
    )
