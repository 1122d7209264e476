"""
A monthly summary for the charity's reports. Counts, and times to first
response in working hours: no names, contact details or messages, so it can
leave the support team.
"""

import bisect
import csv
import datetime
import statistics
from collections import Counter
from dataclasses import dataclass, field

from django.http import HttpResponse
from django.utils import timezone

from ..models import ContactRequest, RefusedSubmissions
from ..working_hours import working_hours_between

TOPICS = ContactRequest.Topic
WHO = ContactRequest.Who
OUTCOMES = ContactRequest.Outcome
CHART_MONTHS = 12


def _month_start(moment: datetime.datetime) -> datetime.date:
    return timezone.localtime(moment).date().replace(day=1)


def _next_month(month: datetime.date) -> datetime.date:
    return (month + datetime.timedelta(days=32)).replace(day=1)


def _percentile(values: list[float], fraction: float) -> float | None:
    if not values:
        return None
    if len(values) == 1:
        return round(values[0], 1)
    cuts = statistics.quantiles(values, n=100, method="inclusive")
    return round(cuts[int(fraction * 100) - 1], 1)


@dataclass
class MonthSummary:
    month: datetime.date  # its first day
    total: int = 0
    urgent: int = 0
    by_topic: Counter = field(default_factory=Counter)
    by_who: Counter = field(default_factory=Counter)
    by_outcome: Counter = field(default_factory=Counter)
    response_hours: list[float] = field(default_factory=list)
    open_at_end: int = 0
    refused: Counter = field(default_factory=Counter)

    @property
    def label(self) -> str:
        return self.month.strftime("%B %Y")  # "November 2026"

    @property
    def key(self) -> str:
        return self.month.strftime("%Y-%m")

    @property
    def median_first_response_hours(self) -> float | None:
        return round(statistics.median(self.response_hours), 1) if self.response_hours else None

    @property
    def p90_first_response_hours(self) -> float | None:
        return _percentile(self.response_hours, 0.9)

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


def monthly_summary(now: datetime.datetime | None = None) -> list[MonthSummary]:
    """Every month from the first request (or refusal) to this one, newest first."""
    now = now or timezone.now()
    months: dict[datetime.date, MonthSummary] = {}

    def month_of(start: datetime.date) -> MonthSummary:
        return months.setdefault(start, MonthSummary(month=start))

    received, closed = [], []
    for row in ContactRequest.objects.summary_rows().iterator():
        summary = month_of(_month_start(row["received_at"]))
        summary.total += 1
        summary.urgent += row["urgent"]
        summary.by_topic[row["topic"]] += 1
        summary.by_who[row["who"]] += 1
        if row["outcome"]:
            summary.by_outcome[row["outcome"]] += 1
        if row["first_response_at"]:
            summary.response_hours.append(working_hours_between(row["received_at"], row["first_response_at"]))
        received.append(row["received_at"])
        if row["closed_at"]:
            closed.append(row["closed_at"])
    for month, reason, count in RefusedSubmissions.objects.values_list("month", "reason", "count"):
        month_of(month).refused[reason] += count
    if not months:
        return []

    # Open at the month's end (or now, for this month): arrived before it, not closed before it.
    received.sort()
    closed.sort()
    first, this_month = min(months), _month_start(now)
    month = first
    while month <= this_month:
        summary = month_of(month)
        end = min(timezone.make_aware(datetime.datetime.combine(_next_month(month), datetime.time())), now)
        summary.open_at_end = bisect.bisect_left(received, end) - bisect.bisect_left(closed, end)
        month = _next_month(month)
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
