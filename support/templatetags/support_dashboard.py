from django import template
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone

from ..models import ContactRequest

register = template.Library()


@register.simple_tag(takes_context=True)
def support_dashboard(context):
    """Counts for the support team on the admin home page, each a link to the requests it counts."""
    if not context["request"].user.has_perm("support.view_contactrequest"):
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


@register.filter
def counts(summary, method: str) -> list[int]:
    """A month summary's counts of one kind (its `topic_counts`, `who_counts` ...), for the summary tables."""
    if method not in {"topic_counts", "who_counts", "outcome_counts", "refused_counts"}:
        raise ValueError(f"No such counts: {method}")
    return getattr(summary, method)()
