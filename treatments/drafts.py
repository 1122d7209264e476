"""
What a sign-off signs: the draft (the working copy as an approval would make
it public, with its writer and review interval), its fingerprint, and the
drafts the edit history keeps. The approve, return and confirm pages carry
the fingerprint of the draft they show; the services (services.py) refuse a
sign-off whose fingerprint is not the draft's now.
"""

from functools import lru_cache

from core.sign_off import draft_fingerprint
from staff.names import StaffCredit

from .models import Article, ArticleEdit, ArticleTransition
from .sanitise import sanitise_html


@lru_cache(maxsize=64)
def _sanitised_body(body: str) -> str:
    """
    sanitise_html, kept for the texts this worker saw last: the edit, approve
    and compare pages of one draft ask for the same text again and again, and
    its result depends on nothing else.
    """
    return sanitise_html(body)


def article_approvable_content(article: Article) -> dict:
    """The working copy as an approval would store it: with its body sanitised."""
    snapshot = article.working_copy_snapshot()
    snapshot["body"] = _sanitised_body(snapshot["body"])
    return snapshot


def article_draft(article: Article) -> dict:
    """
    Everything a sign-off signs: the content an approval makes public, plus
    who is credited as writer and how long a review stays valid.
    """
    return {
        **article_approvable_content(article),
        "written_by": str(StaffCredit.of(article.written_by)),
        "review_interval_months": article.review_interval_months,
    }


def article_draft_on_record(*, article: Article, fingerprint: str) -> dict | None:
    """The draft with this fingerprint as a save left it, if the edit history holds it."""
    if not fingerprint:
        return None
    return (
        ArticleEdit.objects.filter(article=article, fingerprint=fingerprint)
        .order_by("-at", "-id")
        .values_list("draft", flat=True)
        .first()
    )


def article_draft_at_own_return(*, article: Article, approver) -> tuple[ArticleTransition, dict] | None:
    """
    The approver's latest return of this draft (since the live version) and
    the draft as it stood then, so a resubmission can be read as the changes
    made since their own comments; None if they have not returned it, or the
    edit history does not hold that draft.
    """
    returns = article.transitions.filter(action="return", actor=approver)
    if article.live_version_id is not None:
        returns = returns.filter(at__gt=article.live_version.approved_at)
    returned = returns.order_by("-at", "-id").first()
    if returned is None:
        return None
    draft = (
        ArticleEdit.objects.filter(article=article, at__lte=returned.at)
        .order_by("-at", "-id")
        .values_list("draft", flat=True)
        .first()
    )
    return (returned, draft) if draft is not None else None


def article_draft_fingerprint(article: Article) -> str:
    """The fingerprint of the article's draft as it is now (for callers that read it just now)."""
    return draft_fingerprint(article_draft(article))
