import datetime

import pytest
import time_machine
from django.core.exceptions import PermissionDenied

from tests.factories import UserFactory, fresh
from tests.treatments.factories import (
    ArticleFactory,
    SourceFactory,
    approve,
    approver,
    nurse,
    published_article,
)
from treatments import drafts, services
from treatments.models import Article, ArticleReview, ArticleTransition, ArticleVersion, add_months

pytestmark = pytest.mark.django_db
Status = Article.Status


def test_approval_makes_an_immutable_version_and_publishes():
    editor, checker = nurse(), approver()
    article = ArticleFactory(
        written_by=editor, last_edited_by=editor, body="<p>Hello<script>x()</script></p>"
    )
    SourceFactory(article=article, title="Second", position=2)
    SourceFactory(article=article, title="First", position=1)
    services.article_submit(article=article, user=fresh(editor))
    version = approve(
        article,
        approver=fresh(checker),
        full_review=True,
        comment="Good",
    )

    article.refresh_from_db()
    assert article.status == Status.PUBLISHED
    assert article.live_version == version
    assert version.number == 1
    assert version.approved_by == checker
    assert version.approval_comment == "Good"
    assert version.body == "<p>Hello</p>"
    assert [source["title"] for source in version.sources] == ["First", "Second"]
    with pytest.raises(ValueError, match="cannot be changed"):
        version.save()
    moves = list(article.transitions.order_by("at", "id").values_list("from_status", "to_status", "actor"))
    assert moves == [
        (Status.DRAFT, Status.AWAITING_APPROVAL, editor.pk),
        (Status.AWAITING_APPROVAL, Status.PUBLISHED, checker.pk),
    ]


def test_a_nurse_cannot_approve():
    writer, other_nurse = nurse(), nurse()
    article = ArticleFactory(written_by=writer, last_edited_by=writer)
    services.article_submit(article=article, user=fresh(writer))
    with pytest.raises(PermissionDenied):
        approve(
            article,
            approver=fresh(other_nurse),
            full_review=True,
        )
    article.refresh_from_db()
    assert article.status == Status.AWAITING_APPROVAL
    assert article.live_version is None


@pytest.mark.parametrize("role", ["approver", "superuser"])
def test_nobody_may_approve_what_they_last_edited(role):
    editor = approver() if role == "approver" else UserFactory(is_superuser=True)
    editor.groups.add(*nurse().groups.all())  # give the approver editing rights too
    article = ArticleFactory(written_by=editor, last_edited_by=editor)
    services.article_submit(article=article, user=fresh(editor))
    with pytest.raises(services.WorkflowError, match="You changed this draft"):
        approve(
            article,
            approver=fresh(editor),
            full_review=True,
        )
    article.refresh_from_db()
    assert article.status == Status.AWAITING_APPROVAL
    assert not ArticleVersion.objects.exists()


def test_an_edit_by_the_approver_moves_the_four_eyes_rule_to_them():
    writer, checker = nurse(), approver()
    checker.groups.add(*writer.groups.all())
    article = ArticleFactory(written_by=writer, last_edited_by=writer)
    services.article_submit(article=article, user=fresh(writer))
    services.article_record_edit(article=article, editor=fresh(checker))
    with pytest.raises(services.WorkflowError):
        approve(
            article,
            approver=fresh(checker),
            full_review=True,
        )


def test_return_to_draft_needs_a_comment_and_records_it():
    writer, checker = nurse(), approver()
    article = ArticleFactory(written_by=writer, last_edited_by=writer)
    services.article_submit(article=article, user=fresh(writer))
    with pytest.raises(services.WorkflowError, match="Say what needs to change"):
        services.article_return_to_draft(
            article=article,
            seen_fingerprint=drafts.article_draft_fingerprint(article),
            approver=fresh(checker),
            comment="   ",
        )
    article.refresh_from_db()
    assert article.status == Status.AWAITING_APPROVAL

    services.article_return_to_draft(
        article=article,
        seen_fingerprint=drafts.article_draft_fingerprint(article),
        approver=fresh(checker),
        comment="Explain pleura.",
    )
    article.refresh_from_db()
    assert article.status == Status.DRAFT
    assert article.transitions.first().comment == "Explain pleura."


def test_editing_a_published_article_keeps_the_live_version():
    writer = nurse()
    article = published_article(editor=writer)
    live = article.live_version
    article.title = "A new title"
    article.save()
    services.article_record_edit(article=article, editor=fresh(writer))
    article.refresh_from_db()
    assert article.status == Status.DRAFT
    assert article.live_version == live
    assert article.live_version.title != "A new title"


@time_machine.travel(datetime.date(2026, 1, 31), tick=False)
def test_first_approval_is_a_full_review_and_sets_the_dates():
    article = published_article(review_interval_months=36)
    assert article.last_reviewed_on == datetime.date(2026, 1, 31)
    assert article.next_review_due_on == datetime.date(2029, 1, 31)
    review = article.last_review
    assert (review.reviewer_name, review.reviewer_role) == (
        review.reviewed_by.staff_profile.public_name,
        "Clinical nurse specialist",
    )


def test_a_first_approval_must_be_a_full_review():
    writer = nurse()
    article = ArticleFactory(written_by=writer, last_edited_by=writer)
    services.article_submit(article=article, user=fresh(writer))
    with pytest.raises(services.WorkflowError, match="first approval"):
        approve(
            article,
            approver=fresh(approver()),
            full_review=False,
        )


def test_a_small_correction_does_not_move_the_review_date():
    writer, checker = nurse(), approver()
    with time_machine.travel(datetime.date(2025, 3, 1), tick=False):
        article = published_article(editor=writer, approver_user=checker)
    with time_machine.travel(datetime.date(2026, 6, 1), tick=False):
        article.summary = "Corrected a typo."
        article.save()
        services.article_record_edit(article=article, editor=fresh(writer))
        services.article_submit(article=article, user=fresh(writer))
        version = approve(
            article,
            approver=fresh(checker),
            full_review=False,
        )
    article.refresh_from_db()
    assert article.live_version == version
    assert version.number == 2
    assert article.last_reviewed_on == datetime.date(2025, 3, 1)
    assert ArticleReview.objects.filter(article=article).count() == 1


def test_confirm_still_accurate_moves_the_dates_not_the_content():
    checker = approver()
    with time_machine.travel(datetime.date(2023, 5, 2), tick=False):
        article = published_article(approver_user=checker)
    live = article.live_version
    with time_machine.travel(datetime.date(2026, 11, 22), tick=False):
        assert article.is_review_overdue()
        review = services.article_confirm_still_accurate(
            article=article,
            seen_fingerprint=drafts.article_draft_fingerprint(article),
            approver=fresh(checker),
            sources_rechecked=True,
            comment="Nothing to change.",
        )
        article.refresh_from_db()
        assert not article.is_review_overdue()
    assert article.live_version == live
    assert ArticleVersion.objects.filter(article=article).count() == 1
    assert article.last_review == review
    assert review.version is None and review.sources_rechecked
    assert article.last_reviewed_on == datetime.date(2026, 11, 22)
    assert article.next_review_due_on == datetime.date(2029, 11, 22)


def test_confirm_still_accurate_is_refused_while_edits_wait():
    writer, checker = nurse(), approver()
    article = published_article(editor=writer, approver_user=checker)
    services.article_record_edit(article=article, editor=fresh(writer))
    with pytest.raises(services.WorkflowError):
        services.article_confirm_still_accurate(
            article=article,
            seen_fingerprint=drafts.article_draft_fingerprint(article),
            approver=fresh(checker),
            sources_rechecked=False,
        )


def test_archive_and_restore():
    checker = approver()
    article = published_article(approver_user=checker)
    services.article_archive(article=article, approver=fresh(checker), comment="Out of date")
    article.refresh_from_db()
    assert article.status == Status.ARCHIVED and not article.is_public
    services.article_restore(article=article, approver=fresh(checker))
    article.refresh_from_db()
    assert article.status == Status.PUBLISHED and article.is_public


def test_restoring_an_edited_article_brings_it_back_as_a_draft():
    writer, checker = nurse(), approver()
    article = published_article(editor=writer, approver_user=checker)
    article.body = "<p>Changed.</p>"
    article.save()
    services.article_record_edit(article=article, editor=fresh(writer))
    services.article_archive(article=article, approver=fresh(checker))
    services.article_restore(article=article, approver=fresh(checker))
    article.refresh_from_db()
    assert article.status == Status.DRAFT


def test_a_nurse_cannot_archive():
    article = published_article()
    with pytest.raises(PermissionDenied):
        services.article_archive(article=article, approver=fresh(nurse()))
    assert not ArticleTransition.objects.filter(to_status=Status.ARCHIVED).exists()


def test_changing_the_interval_moves_next_review_due():
    article = published_article()
    article.review_interval_months = 12
    article.save()
    services.article_record_edit(
        article=article,
        editor=fresh(nurse()),
        changed_fields={"review_interval_months"},
        content_changed=False,
    )
    article.refresh_from_db()
    assert article.next_review_due_on == add_months(article.last_reviewed_on, 12)
