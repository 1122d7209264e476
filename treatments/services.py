"""
Every change to an article's workflow state goes through these functions.

Each one checks its rule, writes an audit row and runs in one transaction,
so a refused action changes nothing. Views and admin actions call them;
nothing else changes an article's status, live version or review dates.
"""

import datetime

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from core.page_cache import public_pages_changed
from core.refusals import Refused
from core.security_log import security_event
from core.sign_off import action_permission_check, action_status_check, draft_fingerprint, four_eyes_check
from staff.names import StaffCredit, staff_name

from . import notifications, workflow
from .citations import citation_problems
from .drafts import article_approvable_content, article_draft
from .models import (
    Article,
    ArticleEdit,
    ArticleReview,
    ArticleTransition,
    ArticleVersion,
    Category,
    PageFeedback,
    Source,
)
from .rendering import render_version_fragments
from .sanitise import html_to_text
from .search import search_words_add_version, search_words_refresh, searchable_text, version_search_vector

Status = workflow.Status


class WorkflowError(Refused):
    """A workflow action that is not allowed now; the message is shown to the user."""


class DraftChanged(WorkflowError):
    """
    A sign-off refused because the draft is no longer the one the approver
    read: someone saved it after the approver's page was built.
    """

    def __init__(self, *, seen_fingerprint: str, article: Article):
        self.seen_fingerprint = seen_fingerprint
        super().__init__(
            f"{staff_name(article.last_edited_by)} changed this article after you opened this page, so "
            "nothing has been signed off. What changed since then is shown below: read it before you decide."
        )


def _locked(article: Article) -> Article:
    """Re-read the article under a row lock, so two approvers cannot race."""
    return Article.objects.select_for_update().get(pk=article.pk)


def _begin(
    action_name: str,
    *,
    article: Article,
    user: AbstractBaseUser,
    doing: str,
    seen_fingerprint: str | None = None,
) -> Article:
    """
    Check the workflow table for `action_name` and return the article locked.
    The permission is checked first, then, under the lock, that the draft is
    still the one the user read (for a sign-off), then the status.
    """
    action = workflow.ACTIONS[action_name]
    action_permission_check(action, user=user, doing=doing)
    article = _locked(article)
    if action.signs_draft and draft_fingerprint(article_draft(article)) != seen_fingerprint:
        raise DraftChanged(seen_fingerprint=seen_fingerprint or "", article=article)
    action_status_check(action, status=article.status, error=WorkflowError)
    return article


def _move(
    action_name: str, *, article: Article, to_status: Status, actor: AbstractBaseUser, comment: str = ""
) -> ArticleTransition | None:
    """Record the move an action makes, and tell the page cache if the public page changed."""
    if to_status not in workflow.ACTIONS[action_name].to_statuses:
        raise WorkflowError(f"“{action_name}” cannot lead to “{Status(to_status).label}”.")
    from_status = article.status
    if from_status == to_status:
        return None
    article.status = to_status
    article.save(update_fields=["status"])
    # Publishing, withdrawing and restoring change what the public sees; a live
    # article going back to draft does not (the public keeps the live version).
    if to_status == Status.PUBLISHED or Status.ARCHIVED in (from_status, to_status):
        public_pages_changed()
    if article.live_version_id is not None:
        if to_status == Status.ARCHIVED:
            search_words_refresh()  # the withdrawn page's words are known only if another page has them
        elif to_status == Status.PUBLISHED or from_status == Status.ARCHIVED:
            search_words_add_version(article.live_version)
    return ArticleTransition.objects.create(
        article=article,
        from_status=from_status,
        to_status=to_status,
        action=action_name,
        actor=actor,
        comment=comment,
    )


# What an article's place on the site is made of: public at once, without approval.
PLACEMENT_FIELDS = frozenset({"category", "position", "related_articles"})


TAKEN_BACK_COMMENT = "Changed while awaiting approval, so taken back from approval."


@transaction.atomic
def article_record_edit(
    *,
    article: Article,
    editor: AbstractBaseUser,
    changed_fields: set[str] | frozenset[str] = frozenset(),
    content_changed: bool = True,
) -> ArticleTransition | None:
    """
    Note that `editor` saved changes to the article. Any change puts them in
    the draft's edit history (nobody in it may approve the draft), with the
    draft as it now stands. A published article becomes a draft again while
    the public keeps reading the live version. An article awaiting approval
    is taken back from approval and the approvers are told: they never sign
    off a draft that changed after it was sent to them. A new review
    interval moves "Next review due"; a new place on the site shows at once.

    Returns the move the edit made, if it made one.
    """
    article = _begin("edit", article=article, user=editor, doing="edit articles")
    transition = None
    if content_changed:
        now = timezone.now()
        article.last_edited_by = editor
        article.last_edited_at = now
        article.edit_version += 1
        article.save(update_fields=["last_edited_by", "last_edited_at", "edit_version"])
        draft = article_draft(article)
        ArticleEdit.objects.create(
            article=article, editor=editor, at=now, draft=draft, fingerprint=draft_fingerprint(draft)
        )
        was_awaiting = article.status == Status.AWAITING_APPROVAL
        if workflow.status_after_edit(article.status) != article.status:
            transition = _move(
                "edit",
                article=article,
                to_status=Status.DRAFT,
                actor=editor,
                comment=TAKEN_BACK_COMMENT if was_awaiting else "Edited after publication.",
            )
        if was_awaiting:
            approvers = notifications.approvers_to_tell(article, submitter=editor)
            notifications.notifications_queue(
                transition=transition, recipient_ids={approver.pk for approver in approvers}
            )
    if "review_interval_months" in changed_fields and article.last_reviewed_on is not None:
        article.next_review_due_on = article.next_review_due_after(article.last_reviewed_on)
        article.save(update_fields=["next_review_due_on"])
        public_pages_changed()
    if article.is_public and PLACEMENT_FIELDS & changed_fields:
        public_pages_changed()
    return transition


@transaction.atomic
def article_submit(*, article: Article, user: AbstractBaseUser, note: str = "") -> None:
    """Send the draft to the approvers, with an optional note for them (kept in the history)."""
    article = _begin("submit", article=article, user=user, doing="submit articles for approval")
    transition = _move(
        "submit", article=article, to_status=Status.AWAITING_APPROVAL, actor=user, comment=note.strip()
    )
    approvers = notifications.approvers_to_tell(article, submitter=user)
    notifications.notifications_queue(
        transition=transition, recipient_ids={approver.pk for approver in approvers}
    )


def article_edit_conflict(*, article_id: int, seen_version: int) -> Article | None:
    """
    The article, locked, if someone saved it after `seen_version` was read
    (the caller's form is out of date); None when the form is current. Call
    inside the transaction that saves, so nobody can save in between.
    """
    current = Article.objects.select_for_update().select_related("last_edited_by").get(pk=article_id)
    return current if current.edit_version != seen_version else None


@transaction.atomic
def article_return_to_draft(
    *, article: Article, approver: AbstractBaseUser, seen_fingerprint: str, comment: str
) -> None:
    """
    Send the draft back to its last editor with what needs to change. Like
    an approval, refused if the draft changed after the approver read it.
    """
    comment = comment.strip()
    article = _begin(
        "return",
        article=article,
        user=approver,
        doing="return articles to draft",
        seen_fingerprint=seen_fingerprint,
    )
    if not comment:
        raise WorkflowError("Say what needs to change: the comment is shown to the editor.")
    transition = _move("return", article=article, to_status=Status.DRAFT, actor=approver, comment=comment)
    notifications.notifications_queue(transition=transition, recipient_ids={article.last_edited_by_id})


FOUR_EYES_REFUSAL = (
    "You changed this draft, so you cannot approve it: another clinical approver must check it."
)


def _check_four_eyes(article: Article, approver: AbstractBaseUser) -> None:
    four_eyes_check(
        editor_ids=article.draft_editor_ids(),
        approver=approver,
        refusal=FOUR_EYES_REFUSAL,
        error=WorkflowError,
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
    credit = StaffCredit.of(reviewer)
    review = ArticleReview.objects.create(
        article=article,
        version=version,
        reviewed_by=reviewer,
        reviewer_name=credit.name,
        reviewer_role=credit.role,
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
    seen_fingerprint: str,
    full_review: bool,
    sources_rechecked: bool = False,
    comment: str = "",
) -> ArticleVersion:
    """
    Sign off the draft the approver read (`seen_fingerprint`, from
    draft_fingerprint): it becomes a new immutable version and the one the
    public sees. Refused if the draft changed since. Only a full clinical
    review moves "Last reviewed"; a first approval must be one, since a
    public page needs a review date.
    """
    article = _begin(
        "approve",
        article=article,
        user=approver,
        doing="approve articles",
        seen_fingerprint=seen_fingerprint,
    )
    _check_four_eyes(article, approver)
    if article.last_review_id is None and not full_review:
        raise WorkflowError("The first approval of an article must be a full clinical review.")

    editors = article.draft_editor_ids()  # before the new version moves the line
    snapshot = article_approvable_content(article)
    missing = citation_problems(snapshot["body"], len(snapshot["sources"])).missing
    if missing:
        numbers = ", ".join(f"[{number}]" for number in missing)
        raise WorkflowError(
            f"The text cites {numbers}, but the article has {len(snapshot['sources'])} source"
            f"{'' if len(snapshot['sources']) == 1 else 's'}. Add the source or correct the number before approving."
        )
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
        written_by_name=str(StaffCredit.of(article.written_by)),
        approved_by=approver,
        approved_at=now,
        approval_comment=comment.strip(),
        is_full_review=full_review,
    )
    article.live_version = version
    article.save(update_fields=["live_version"])
    transition = _move(
        "approve", article=article, to_status=Status.PUBLISHED, actor=approver, comment=comment.strip()
    )
    notifications.notifications_queue(transition=transition, recipient_ids=editors - {approver.pk})
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
    *,
    article: Article,
    approver: AbstractBaseUser,
    seen_fingerprint: str,
    sources_rechecked: bool,
    comment: str = "",
) -> ArticleReview:
    """
    Record a full review that found nothing to change: the dates move, the
    content does not. Only for a live page whose working copy is unchanged,
    and only the page the approver read.
    """
    article = _begin(
        "confirm",
        article=article,
        user=approver,
        doing="record clinical reviews",
        seen_fingerprint=seen_fingerprint,
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
    article = _begin("archive", article=article, user=approver, doing="withdraw articles")
    _move("archive", article=article, to_status=Status.ARCHIVED, actor=approver, comment=comment.strip())


@transaction.atomic
def article_restore(*, article: Article, approver: AbstractBaseUser, comment: str = "") -> None:
    """
    Bring a withdrawn article back. If its working copy is still the approved
    text it is public again at once; otherwise it returns as a draft.
    """
    article = _begin("restore", article=article, user=approver, doing="restore articles")
    unchanged = (
        article.live_version is not None
        and article.live_version.content_snapshot() == article_approvable_content(article)
    )
    to_status = Status.PUBLISHED if unchanged else Status.DRAFT
    _move("restore", article=article, to_status=to_status, actor=approver, comment=comment.strip())


@transaction.atomic
def article_sources_renumber(*, article: Article, appended: list[int]) -> None:
    """
    Number the working copy's sources 1, 2, 3 ... in their order, with the
    sources in `appended` (new ones nobody placed) at the end in the order
    given: editors never have to type numbers, and the public numbering follows.
    """
    sources = list(article.sources.order_by("position", "id"))
    placed = [source for source in sources if source.pk not in appended]
    at_end = sorted((s for s in sources if s.pk in appended), key=lambda source: appended.index(source.pk))
    for number, source in enumerate([*placed, *at_end], 1):
        source.position = number
    Source.objects.bulk_update(sources, ["position"])


@transaction.atomic
def category_save(*, category: Category) -> Category:
    """Create or change a category. Its name and order show on the treatments index at once."""
    category.full_clean()
    category.save()
    public_pages_changed()
    return category


@transaction.atomic
def category_delete(*, category: Category) -> None:
    """Delete a category with no articles (the database refuses one that has some)."""
    category.delete()
    public_pages_changed()


@transaction.atomic
def feedback_record(*, article: Article, helpful: bool, version_id: int | None) -> PageFeedback:
    """Store a reader's answer against the version they saw (the live one if unknown)."""
    version = None
    if version_id:
        version = ArticleVersion.objects.filter(article=article, pk=version_id).first()
    return PageFeedback.objects.create(
        article=article, version=version or article.live_version, helpful=helpful
    )


def feedback_add_comment(*, feedback: PageFeedback, comment: str) -> None:
    PageFeedback.objects.filter(pk=feedback.pk).update(comment=comment)
