"""
Every change to an article's workflow state goes through these functions.

Each one checks its rule, writes an audit row and runs in one transaction,
so a refused action changes nothing. Views and admin actions call them;
nothing else changes an article's status, live version or review dates.
"""

import datetime

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from charity_site.page_cache import public_pages_changed
from charity_site.security_log import security_event

from .models import Article, ArticleReview, ArticleTransition, ArticleVersion, StaffProfile
from .rendering import render_version_fragments
from .sanitise import html_to_text, sanitise_html
from .search import searchable_text, version_search_vector

Status = Article.Status


class WorkflowError(Exception):
    """A workflow action that is not allowed now; the message is shown to the user."""


def _require_perm(user: AbstractBaseUser, perm: str, doing: str) -> None:
    if not user.has_perm(f"treatments.{perm}"):
        raise PermissionDenied(f"You do not have permission to {doing}.")


def _locked(article: Article) -> Article:
    """Re-read the article under a row lock, so two approvers cannot race."""
    return Article.objects.select_for_update().get(pk=article.pk)


def article_transition(
    *, article: Article, to_status: str, actor: AbstractBaseUser, comment: str = ""
) -> None:
    """Move the article to `to_status` if the workflow allows it, and record the move."""
    from_status = article.status
    if to_status not in Article.TRANSITIONS[Status(from_status)]:
        raise WorkflowError(
            f"An article that is “{Status(from_status).label}” cannot be moved to “{Status(to_status).label}”."
        )
    article.status = to_status
    article.save(update_fields=["status"])
    if Status.PUBLISHED in (from_status, to_status) or Status.ARCHIVED in (from_status, to_status):
        public_pages_changed()
    ArticleTransition.objects.create(
        article=article, from_status=from_status, to_status=to_status, actor=actor, comment=comment
    )


def article_approvable_content(article: Article) -> dict:
    """The working copy as an approval would store it: with its body sanitised."""
    snapshot = article.working_copy_snapshot()
    snapshot["body"] = sanitise_html(snapshot["body"])
    return snapshot


def public_name(user: AbstractBaseUser) -> tuple[str, str]:
    """The (name, role) a member of staff is shown with on public pages."""
    try:
        profile = user.staff_profile
    except StaffProfile.DoesNotExist:
        return user.get_full_name() or user.get_username(), ""
    return profile.public_name, profile.role_title


@transaction.atomic
def article_record_edit(*, article: Article, editor: AbstractBaseUser) -> None:
    """
    Note that `editor` changed the working copy. The last editor may not approve
    it; an edit to a published article makes it a draft again, while the
    public keeps reading the live version.
    """
    _require_perm(editor, "change_article", "edit articles")
    article = _locked(article)
    article.last_edited_by = editor
    article.last_edited_at = timezone.now()
    article.save(update_fields=["last_edited_by", "last_edited_at"])
    if article.status == Status.PUBLISHED:
        article_transition(
            article=article, to_status=Status.DRAFT, actor=editor, comment="Edited after publication."
        )


@transaction.atomic
def article_submit(*, article: Article, user: AbstractBaseUser) -> None:
    _require_perm(user, "change_article", "submit articles for approval")
    article = _locked(article)
    if article.status != Status.DRAFT:
        raise WorkflowError("Only a draft can be submitted for approval.")
    article_transition(article=article, to_status=Status.AWAITING_APPROVAL, actor=user)


@transaction.atomic
def article_return_to_draft(*, article: Article, approver: AbstractBaseUser, comment: str) -> None:
    _require_perm(approver, "approve_article", "return articles to draft")
    comment = comment.strip()
    if not comment:
        raise WorkflowError("Say what needs to change: the comment is shown to the editor.")
    article = _locked(article)
    if article.status != Status.AWAITING_APPROVAL:
        raise WorkflowError("Only an article awaiting approval can be returned to draft.")
    article_transition(article=article, to_status=Status.DRAFT, actor=approver, comment=comment)


def _check_four_eyes(article: Article, approver: AbstractBaseUser) -> None:
    # Superusers are not exempt: a second person must check clinical content.
    if article.last_edited_by_id == approver.pk:
        raise WorkflowError(
            "You were the last person to edit this article, so you cannot approve it. "
            "Another clinical approver must check it."
        )


def _record_review(
    *,
    article: Article,
    reviewer: AbstractBaseUser,
    reviewed_on: datetime.date,
    version: ArticleVersion | None,
    sources_rechecked: bool,
    comment: str,
) -> ArticleReview:
    name, role = public_name(reviewer)
    review = ArticleReview.objects.create(
        article=article,
        version=version,
        reviewed_by=reviewer,
        reviewer_name=name,
        reviewer_role=role,
        reviewed_on=reviewed_on,
        sources_rechecked=sources_rechecked,
        comment=comment,
    )
    article.last_review = review
    article.last_reviewed_on = reviewed_on
    article.next_review_due_on = article.next_review_due_after(reviewed_on)
    article.save(update_fields=["last_review", "last_reviewed_on", "next_review_due_on"])
    public_pages_changed()
    return review


@transaction.atomic
def article_approve(
    *,
    article: Article,
    approver: AbstractBaseUser,
    full_review: bool,
    sources_rechecked: bool = False,
    comment: str = "",
) -> ArticleVersion:
    """
    Sign off the current working copy: it becomes a new immutable version and
    the one the public sees. Only a full clinical review moves "Last reviewed";
    a first approval must be one, since a public page needs a review date.
    """
    _require_perm(approver, "approve_article", "approve articles")
    article = _locked(article)
    if article.status != Status.AWAITING_APPROVAL:
        raise WorkflowError("Only an article awaiting approval can be approved.")
    _check_four_eyes(article, approver)
    if article.last_review_id is None and not full_review:
        raise WorkflowError("The first approval of an article must be a full clinical review.")

    snapshot = article_approvable_content(article)
    previous = article.versions.order_by("-number").values_list("number", flat=True).first() or 0
    now = timezone.now()
    body_text = searchable_text(html_to_text(snapshot["body"]))
    fragments = render_version_fragments(body=snapshot["body"], sources=snapshot["sources"])
    version = ArticleVersion.objects.create(
        article=article,
        number=previous + 1,
        title=snapshot["title"],
        summary=snapshot["summary"],
        body=snapshot["body"],
        body_text=body_text,
        **fragments,
        search_vector=version_search_vector(
            title=snapshot["title"],
            summary=snapshot["summary"],
            body_text=body_text,
            sources=snapshot["sources"],
        ),
        sources=snapshot["sources"],
        resources=snapshot["resources"],
        written_by_name=", ".join(part for part in public_name(article.written_by) if part),
        approved_by=approver,
        approved_at=now,
        approval_comment=comment.strip(),
        is_full_review=full_review,
    )
    article.live_version = version
    article.save(update_fields=["live_version"])
    article_transition(article=article, to_status=Status.PUBLISHED, actor=approver, comment=comment.strip())
    security_event(
        "article.approved",
        user_id=approver.pk,
        article_id=article.pk,
        version=version.number,
        full_review=full_review,
    )
    if full_review:
        _record_review(
            article=article,
            reviewer=approver,
            reviewed_on=timezone.localdate(now),
            version=version,
            sources_rechecked=sources_rechecked,
            comment=comment.strip(),
        )
    return version


@transaction.atomic
def article_confirm_still_accurate(
    *, article: Article, approver: AbstractBaseUser, sources_rechecked: bool, comment: str = ""
) -> ArticleReview:
    """
    Record a full review that found nothing to change: the dates move, the
    content does not. Only for a live page whose working copy is unchanged.
    """
    _require_perm(approver, "approve_article", "record clinical reviews")
    article = _locked(article)
    if article.status != Status.PUBLISHED:
        raise WorkflowError(
            "Only a published article with no unapproved edits can be confirmed as still accurate. "
            "If it has edits, approve them as a full review instead."
        )
    return _record_review(
        article=article,
        reviewer=approver,
        reviewed_on=timezone.localdate(),
        version=None,
        sources_rechecked=sources_rechecked,
        comment=comment.strip(),
    )


@transaction.atomic
def article_archive(*, article: Article, approver: AbstractBaseUser, comment: str = "") -> None:
    """Withdraw the article: the public gets 410 Gone instead of the page."""
    _require_perm(approver, "archive_article", "withdraw articles")
    article = _locked(article)
    article_transition(article=article, to_status=Status.ARCHIVED, actor=approver, comment=comment.strip())


@transaction.atomic
def article_restore(*, article: Article, approver: AbstractBaseUser, comment: str = "") -> None:
    """
    Bring a withdrawn article back. If its working copy is still the approved
    text it is public again at once; otherwise it returns as a draft.
    """
    _require_perm(approver, "archive_article", "restore articles")
    article = _locked(article)
    if article.status != Status.ARCHIVED:
        raise WorkflowError("Only a withdrawn article can be restored.")
    unchanged = (
        article.live_version is not None
        and article.live_version.content_snapshot() == article_approvable_content(article)
    )
    to_status = Status.PUBLISHED if unchanged else Status.DRAFT
    article_transition(article=article, to_status=to_status, actor=approver, comment=comment.strip())


@transaction.atomic
def article_update_review_interval(*, article: Article) -> None:
    """Recompute "Next review due" after the review interval changed."""
    if article.last_reviewed_on is not None:
        article.next_review_due_on = article.next_review_due_after(article.last_reviewed_on)
        article.save(update_fields=["next_review_due_on"])
        public_pages_changed()
