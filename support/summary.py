"""
A monthly summary for the charity's reports. Counts, and times to first
response in working hours: no names, contact details or messages, so it can
leave the support team.
"""

import csv
import datetime
import statistics
from collections import Counter
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Aggregate, Count, DateField, FloatField, Min, Q
from django.db.models.functions import TruncMonth
from django.http import HttpResponse
from django.utils import timezone

from .models import ContactRequest, MonthFigures, RefusedSubmissions

TOPICS = ContactRequest.Topic
WHO = ContactRequest.Who
OUTCOMES = ContactRequest.Outcome
CHART_MONTHS = 12


def _month_start(moment: datetime.datetime) -> datetime.date:
    return timezone.localtime(moment).date().replace(day=1)


def _next_month(month: datetime.date) -> datetime.date:
    return (month + datetime.timedelta(days=32)).replace(day=1)


def _percentile(values: list[float], fraction: float) -> float | None:
    """As PostgreSQL's percentile_cont: linear between the nearest two (statistics' "inclusive")."""
    if not values:
        return None
    if len(values) == 1:
        return round(values[0], 1)
    cuts = statistics.quantiles(values, n=100, method="inclusive")
    return round(cuts[int(fraction * 100) - 1], 1)


class _PercentileCont(Aggregate):
    """PostgreSQL's percentile_cont(fraction) WITHIN GROUP (ORDER BY expression)."""

    function = "PERCENTILE_CONT"
    template = "%(function)s(%(fraction)s) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = FloatField()

    def __init__(self, expression, fraction: float, **extra):
        super().__init__(expression, fraction=fraction, **extra)


@dataclass
class MonthSummary:
    month: datetime.date  # its first day
    total: int = 0
    urgent: int = 0
    by_topic: Counter = field(default_factory=Counter)
    by_who: Counter = field(default_factory=Counter)
    by_outcome: Counter = field(default_factory=Counter)
    median_first_response_hours: float | None = None
    p90_first_response_hours: float | None = None
    open_at_end: int = 0
    refused: Counter = field(default_factory=Counter)

    @property
    def label(self) -> str:
        return self.month.strftime("%B %Y")  # "November 2026"

    @property
    def key(self) -> str:
        return self.month.strftime("%Y-%m")

    @property
    def refused_total(self) -> int:
        return sum(self.refused.values())

    def topic_counts(self) -> list[int]:
        return [self.by_topic[value] for value in TOPICS.values]

    def who_counts(self) -> list[int]:
        return [self.by_who[value] for value in WHO.values]

    def outcome_counts(self) -> list[int]:
        return [self.by_outcome[value] for value in OUTCOMES.values]

    def refused_counts(self) -> list[int]:
        return [self.refused[value] for value in RefusedSubmissions.Reason.values]

    def figures(self) -> dict:
        """What MonthFigures keeps of it."""
        return {
            "total": self.total,
            "urgent": self.urgent,
            "by_topic": dict(self.by_topic),
            "by_who": dict(self.by_who),
            "by_outcome": dict(self.by_outcome),
            "median_first_response_hours": self.median_first_response_hours,
            "p90_first_response_hours": self.p90_first_response_hours,
            "open_at_end": self.open_at_end,
            "refused": dict(self.refused),
        }

    @classmethod
    def kept(cls, month: datetime.date, figures: dict) -> "MonthSummary":
        counters = {name: Counter(figures[name]) for name in ("by_topic", "by_who", "by_outcome", "refused")}
        return cls(month=month, **{**figures, **counters})


def _month(field_name: str) -> TruncMonth:
    """The local month a moment falls in, worked out by the database."""
    return TruncMonth(field_name, tzinfo=timezone.get_current_timezone(), output_field=DateField())


def _counts_by_month(since: datetime.datetime) -> list[dict]:
    """One row per month received since `since`: the counts, in one pass of the database over them."""
    counts = {"total": Count("pk"), "urgent": Count("pk", filter=Q(urgent=True))}
    for prefix, column, values in (
        ("topic", "topic", TOPICS),
        ("who", "who", WHO),
        ("outcome", "outcome", OUTCOMES),
    ):
        counts |= {f"{prefix}:{value}": Count("pk", filter=Q(**{column: value})) for value in values.values}
    if connection.vendor == "postgresql":
        answered = Q(first_response_hours__isnull=False)
        counts["median"] = _PercentileCont("first_response_hours", 0.5, filter=answered)
        counts["p90"] = _PercentileCont("first_response_hours", 0.9, filter=answered)
    return list(
        ContactRequest.objects.order_by()
        .filter(received_at__gte=since)
        .annotate(month=_month("received_at"))
        .values("month")
        .annotate(**counts)
    )


def _response_percentiles_in_python(
    since: datetime.datetime,
) -> dict[datetime.date, tuple[float | None, float | None]]:
    """The same percentiles where the database has no percentile_cont (SQLite in development)."""
    hours: dict[datetime.date, list[float]] = {}
    rows = (
        ContactRequest.objects.order_by()
        .filter(first_response_hours__isnull=False, received_at__gte=since)
        .annotate(month=_month("received_at"))
        .values_list("month", "first_response_hours")
    )
    for month, value in rows:
        hours.setdefault(month, []).append(value)
    return {month: (_percentile(values, 0.5), _percentile(values, 0.9)) for month, values in hours.items()}


def _nonzero(row: dict, prefix: str, choices) -> Counter:
    return Counter({value: row[f"{prefix}:{value}"] for value in choices.values if row[f"{prefix}:{value}"]})


def _start_of(month: datetime.date) -> datetime.datetime:
    """The first moment of a local month."""
    return timezone.make_aware(datetime.datetime.combine(month, datetime.time()))


def _settled(month: datetime.date, this_month: datetime.date) -> bool:
    """
    A month is settled, and kept, once the month after it has ended too: by then its
    requests have had their first answers and most their outcomes. Only this month and
    the one before are counted on each view.
    """
    return _next_month(_next_month(month)) <= this_month


def _counted(months: list[datetime.date], now: datetime.datetime) -> dict[datetime.date, MonthSummary]:
    """The figures of `months` (in order), counted from the requests as they are now."""
    since = _start_of(months[0])
    counted = {month: MonthSummary(month=month) for month in months}
    rows = _counts_by_month(since)
    percentiles = {} if connection.vendor == "postgresql" else _response_percentiles_in_python(since)
    for row in rows:
        summary = counted[row["month"]]
        summary.total, summary.urgent = row["total"], row["urgent"]
        summary.by_topic = _nonzero(row, "topic", TOPICS)
        summary.by_who = _nonzero(row, "who", WHO)
        summary.by_outcome = _nonzero(row, "outcome", OUTCOMES)
        median, p90 = percentiles.get(row["month"], (row.get("median"), row.get("p90")))
        summary.median_first_response_hours = None if median is None else round(median, 1)
        summary.p90_first_response_hours = None if p90 is None else round(p90, 1)
    for month, reason, count in RefusedSubmissions.objects.filter(month__in=months).values_list(
        "month", "reason", "count"
    ):
        counted[month].refused[reason] += count
    # Open at each month's end (or now, for this month): received by then and not closed by then.
    # Counted as the requests open now that had arrived by then, plus the closed ones that had
    # arrived but were closed later: one reads the open requests' index, the other the recently
    # closed, never every request kept (a scan of the table grew with the years of history).
    ends = {month: min(_start_of(_next_month(month)), now) for month in counted}
    open_now = ContactRequest.objects.exclude(status=ContactRequest.Status.CLOSED).aggregate(
        # Count received_at (never null), not the id: the index holds it, so the table is not read.
        **{str(month): Count("received_at", filter=Q(received_at__lt=end)) for month, end in ends.items()}
    )
    # (Closing a request always records when: contact_request_set_status.)
    closed_later = ContactRequest.objects.filter(
        status=ContactRequest.Status.CLOSED, closed_at__gte=min(ends.values())
    ).aggregate(
        **{
            str(month): Count("received_at", filter=Q(received_at__lt=end, closed_at__gte=end))
            for month, end in ends.items()
        }
    )
    for month, summary in counted.items():
        summary.open_at_end = open_now[str(month)] + closed_later[str(month)]
    return counted


def monthly_summary(now: datetime.datetime | None = None) -> list[MonthSummary]:
    """
    Every month from the first request (or refusal) to this one, newest first.
    Settled months come from MonthFigures, kept the first time they were asked
    for once settled; only the months still open to change are counted, by the
    database (a few grouped queries over their requests). The time to first
    response was worked out, in working hours, when each first response was recorded.
    """
    now = now or timezone.now()
    this_month = _month_start(now)
    months = {
        figures.month: MonthSummary.kept(figures.month, figures.figures)
        for figures in MonthFigures.objects.all()
    }
    if months:
        # Every month from the first is kept once settled: the first kept is the first month.
        starts = [min(months)]
    else:
        first_received = ContactRequest.objects.aggregate(first=Min("received_at"))["first"]
        first_refused = RefusedSubmissions.objects.aggregate(first=Min("month"))["first"]
        starts = [month for month in (first_refused,) if month]
        if first_received:
            starts.append(_month_start(first_received))
    if not starts:
        return []
    to_count, month = [], min(starts)
    while month <= this_month:
        if month not in months:
            to_count.append(month)
        month = _next_month(month)
    if to_count:
        counted = _counted(to_count, now)
        months |= counted
        settled = [summary for month, summary in counted.items() if _settled(month, this_month)]
        # Two views at once may count the same month: the database keeps the first.
        MonthFigures.objects.bulk_create(
            [MonthFigures(month=summary.month, figures=summary.figures()) for summary in settled],
            ignore_conflicts=True,
        )
    return [months[key] for key in sorted(months, reverse=True)]


@dataclass
class Bar:
    x: float
    y: float
    width: float
    height: float
    value: int
    month: str  # "Nov"
    year: str  # shown under January and the first bar
    label: str  # "November 2026"

    @property
    def centre(self) -> float:
        return self.x + self.width / 2

    @property
    def value_y(self) -> float:
        return self.y - 5


def chart_bars(
    summaries: list[MonthSummary], *, now: datetime.datetime | None = None, height: int = 160
) -> list[Bar]:
    """Requests per month for the last twelve months, as bars for the SVG chart (months with none included)."""
    by_month = {summary.month: summary.total for summary in summaries}
    month = _month_start(now or timezone.now())
    last_twelve = []
    for _ in range(CHART_MONTHS):
        last_twelve.append(month)
        month = (month - datetime.timedelta(days=1)).replace(day=1)
    last_twelve.reverse()
    tallest = max([by_month.get(month, 0) for month in last_twelve] + [1])
    slot, gap = 56, 14
    bars = []
    for index, month in enumerate(last_twelve):
        value = by_month.get(month, 0)
        bar_height = round(value / tallest * height, 1)
        bars.append(
            Bar(
                x=40 + index * slot + gap / 2,
                y=20 + height - bar_height,
                width=slot - gap,
                height=bar_height,
                value=value,
                month=month.strftime("%b"),
                year=month.strftime("%Y") if index == 0 or month.month == 1 else "",
                label=month.strftime("%B %Y"),
            )
        )
    return bars


def summary_csv(summaries: list[MonthSummary]) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="support-requests-by-month.csv"'
    writer = csv.writer(response)
    writer.writerow(
        [
            "Month",
            "Requests",
            "Urgent",
            *(f"Topic: {label}" for label in TOPICS.labels),
            *(f"Who: {label}" for label in WHO.labels),
            *(f"Outcome: {label}" for label in OUTCOMES.labels),
            "Median working hours to first response",
            "90th percentile working hours to first response",
            "Open at month end",
            *(f"Refused: {label}" for label in RefusedSubmissions.Reason.labels),
        ]
    )
    for summary in summaries:
        writer.writerow(
            [
                summary.key,
                summary.total,
                summary.urgent,
                *summary.topic_counts(),
                *summary.who_counts(),
                *summary.outcome_counts(),
                "" if summary.median_first_response_hours is None else summary.median_first_response_hours,
                "" if summary.p90_first_response_hours is None else summary.p90_first_response_hours,
                summary.open_at_end,
                *summary.refused_counts(),
            ]
        )
    return response
