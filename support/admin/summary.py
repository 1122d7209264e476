"""
A monthly summary for the charity's reports. Counts and a median only: no
names, contact details or messages, so it can leave the support team.
"""

import csv
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.http import HttpResponse
from django.utils import timezone

from ..models import ContactRequest

TOPICS = ContactRequest.Topic
WHO = ContactRequest.Who


@dataclass
class MonthSummary:
    month: str  # "2026-11"
    total: int = 0
    by_topic: Counter = field(default_factory=Counter)
    by_who: Counter = field(default_factory=Counter)
    response_hours: list[float] = field(default_factory=list)

    @property
    def median_first_response_hours(self) -> float | None:
        return round(statistics.median(self.response_hours), 1) if self.response_hours else None

    def topic_counts(self) -> list[int]:
        return [self.by_topic[value] for value in TOPICS.values]

    def who_counts(self) -> list[int]:
        return [self.by_who[value] for value in WHO.values]


def monthly_summary() -> list[MonthSummary]:
    months: dict[str, MonthSummary] = defaultdict(lambda: MonthSummary(month=""))
    for received_at, topic, who, first_response_at in ContactRequest.objects.summary_rows().iterator():
        key = timezone.localtime(received_at).strftime("%Y-%m")
        summary = months[key]
        summary.month = key
        summary.total += 1
        summary.by_topic[topic] += 1
        summary.by_who[who] += 1
        if first_response_at:
            summary.response_hours.append((first_response_at - received_at).total_seconds() / 3600)
    return [months[key] for key in sorted(months, reverse=True)]


def summary_csv(summaries: list[MonthSummary]) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="support-requests-by-month.csv"'
    writer = csv.writer(response)
    writer.writerow(
        [
            "Month",
            "Requests",
            *(f"Topic: {label}" for label in TOPICS.labels),
            *(f"Who: {label}" for label in WHO.labels),
            "Median hours to first response",
        ]
    )
    for summary in summaries:
        median = summary.median_first_response_hours
        writer.writerow(
            [
                summary.month,
                summary.total,
                *summary.topic_counts(),
                *summary.who_counts(),
                "" if median is None else median,
            ]
        )
    return response
