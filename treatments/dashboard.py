"""What the admin home page shows nurses and approvers: the articles that need them now."""

from .models import Article
from .search import unfound_this_month

DUE_SOON_DAYS = 90


def review_dashboard(user) -> dict | None:
    """The articles that need this nurse or approver, for the admin home page (None: not on the team)."""
    if not user.has_perm("treatments.view_article"):
        return None
    articles = Article.objects.only("title", "status", "next_review_due_on").order_by(
        "next_review_due_on", "title"
    )
    waiting_for_you = list(articles.awaiting_approval_by(user))
    return {
        "returned_to_you": list(articles.returned_to(user)),
        "your_drafts": list(articles.drafts_of(user)),
        "waiting_for_you": waiting_for_you,
        # Listed once: for an approver, the rest are those another approver must sign off.
        "awaiting_approval": list(
            articles.awaiting_approval().exclude(pk__in=[a.pk for a in waiting_for_you])
        ),
        "overdue": list(articles.review_overdue()),
        "sources_need_a_look": list(articles.sources_need_a_look()),
        "out_of_date_with_sources": list(articles.out_of_date_with_sources()),
        "due_soon": list(articles.review_due_within(days=DUE_SOON_DAYS)),
        "mostly_unhelpful": list(Article.objects.mostly_unhelpful().only("title", "next_review_due_on")),
        "due_soon_days": DUE_SOON_DAYS,
        "unfound_searches": unfound_this_month(),
    }
