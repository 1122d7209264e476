"""
Trust checks in words: what a page's sources say about its last full review,
for the approve page, the article's admin page and the review dashboard. The
rules are SourceQuerySet.with_trust_flags' (treatments/querysets.py).
"""

from dataclasses import dataclass

from django.utils.dateformat import format as date_format

from .models import Article


@dataclass(frozen=True)
class TrustProblem:
    number: int  # the source's number on the page
    text: str


def _day(value) -> str:
    return date_format(value, "j F Y")


def trust_problems(article: Article) -> list[TrustProblem]:
    """What is wrong with the dates of the article's sources, or their editions, in words."""
    reviewed = article.last_reviewed_on
    problems = []
    sources = article.sources.with_trust_flags().order_by("position", "id")
    for number, source in enumerate(sources, 1):
        if source.published_after_review:
            when = _day(source.published_on) if source.published_on else f"in {source.year}"
            problems.append(
                TrustProblem(
                    number,
                    f"It was published {'on ' if source.published_on else ''}{when}, after the page's last "
                    f"full review on {_day(reviewed)}: review the page against it.",
                )
            )
        elif source.published_day_unknown:
            problems.append(
                TrustProblem(
                    number,
                    f"It was published in {source.year}, the year of the page's last full review "
                    f"({_day(reviewed)}): add the day it was published, so the site can check the order.",
                )
            )
        if source.checked_after_review:
            problems.append(
                TrustProblem(
                    number,
                    f"It says it was checked on {_day(source.accessed_on)}, after the page's last full "
                    f"review on {_day(reviewed)}: record a full review, or correct the date.",
                )
            )
        if source.has_newer_edition:
            problems.append(
                TrustProblem(
                    number,
                    f"A newer edition was published on {_day(source.newest_edition_published_on)}: "
                    f"“{source.newest_edition_title}”. Read the page against it and cite it.",
                )
            )
    return problems
