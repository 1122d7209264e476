"""
The newest approvals, full reviews and workflow moves, shown read-only at the
foot of an article's admin page. A page's history grows as long as it lives,
so its admin page shows the newest few and the production record shows all.
"""

from ..models import Article

SHOWN = 10
# A version's text and derived fragments are the page itself: not needed for a line of history.
_VERSION_TEXT = [
    "title",
    "summary",
    "body",
    "sources",
    "resources",
    "body_html",
    "sections",
    "sources_html",
    "body_text",
]


def article_history(article: Article) -> dict:
    versions = (
        article.versions.select_related("approved_by__staff_profile")
        .defer(*_VERSION_TEXT, "search_vector")
        .order_by("-number")
    )
    return {
        "shown": SHOWN,
        "versions": list(versions[:SHOWN]),
        "reviews": list(
            article.reviews.select_related("version")
            .defer(*(f"version__{name}" for name in _VERSION_TEXT))
            .order_by("-reviewed_on", "-recorded_at")[:SHOWN]
        ),
        "transitions": list(
            article.transitions.select_related("actor__staff_profile").order_by("-at", "-id")[:SHOWN]
        ),
    }
