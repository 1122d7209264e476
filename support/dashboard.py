"""What the admin home page shows the support team: how many requests need them, by kind."""

import datetime

from django.db.models import Count, Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone

from .models import ContactRequest, EnquiryTag


def support_dashboard(user) -> list[tuple[str, int, str]] | None:
    """Counts for the support team on the admin home page, each a link to the requests it counts."""
    if not user.has_perm("support.view_contactrequest"):
        return None
    now = timezone.now()
    start_of_today = timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0)
    overdue = ContactRequest.objects.overdue(now)
    counts = ContactRequest.objects.open().aggregate(
        urgent=Count("pk", filter=Q(urgent=True)),
        overdue=Count("pk", filter=Q(pk__in=overdue.values("pk"))),
        new_today=Count("pk", filter=Q(received_at__gte=start_of_today)),
        unassigned=Count("pk", filter=Q(assigned_to__isnull=True)),
    )
    changelist = reverse("admin:support_contactrequest_changelist")
    return [
        ("Urgent", counts["urgent"], f"{changelist}?urgent=yes"),
        ("Overdue", counts["overdue"], f"{changelist}?answer_by=overdue"),
        ("New today", counts["new_today"], f"{changelist}?received_at__gte={start_of_today:%Y-%m-%d}"),
        ("Unassigned", counts["unassigned"], f"{changelist}?assigned=nobody"),
    ]


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
