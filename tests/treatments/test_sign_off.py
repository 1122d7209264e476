"""
A sign-off is bound to the draft the approver read: the approve, return and
"confirm still accurate" pages carry the draft's fingerprint, and the service
refuses a sign-off whose fingerprint is not the draft's now. An edit while an
article awaits approval takes it back from approval and tells the approvers.
Tested by direct requests, as any client could send them.
"""

import pytest
from django.core import mail
from django.urls import reverse

from tests.factories import fresh
from tests.html_checks import input_value
from tests.treatments.factories import (
    ArticleFactory,
    approver,
    article_form_data,
    nurse,
    published_article,
    sign_off_data,
)
from treatments import drafts, services
from treatments.models import (
    Article,
    ArticleEdit,
    ArticleNotification,
    ArticleReview,
    ArticleTransition,
    ArticleVersion,
)

pytestmark = pytest.mark.django_db
Status = Article.Status
NEW_SENTENCE = "The drain can safely stay in for six months."


def workflow_url(article, action):
    return reverse("admin:treatments_article_workflow", args=[article.pk, action])


def change_url(article):
    return reverse("admin:treatments_article_change", args=[article.pk])


def submitted(writer, **kwargs):
    article = ArticleFactory(written_by=writer, last_edited_by=writer, **kwargs)
    services.article_record_edit(article=article, editor=fresh(writer))
    services.article_submit(article=article, user=fresh(writer))
    article.refresh_from_db()
    return article


def nurse_saves(client, writer, article, **changes):
    """The nurse's own admin save, as the change form posts it."""
    article.refresh_from_db()
    client.force_login(writer)
    data = article_form_data(article, seen_version=article.edit_version, **changes)
    response = client.post(change_url(article), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return response


def opened_page_fingerprint(client, user, article, action):
    client.force_login(user)
    page = client.get(workflow_url(article, action))
    assert page.status_code == 200
    return input_value(page.content.decode(), "seen_fingerprint")


def test_an_approval_of_a_draft_changed_after_the_page_was_opened_is_refused_and_shows_the_change(client):
    writer, checker = nurse(), approver()
    article = submitted(writer, body="<p>Drains are put in by a specialist.</p>")
    fingerprint = opened_page_fingerprint(client, checker, article, "approve")

    # The nurse adds a sentence, then submits again, while the approver still reads the old page.
    nurse_saves(
        client,
        writer,
        article,
        body=f"<p>Drains are put in by a specialist.</p><p>{NEW_SENTENCE}</p>",
        _submit_for_approval="Save and submit for approval",
    )
    assert Article.objects.get(pk=article.pk).status == Status.AWAITING_APPROVAL

    client.force_login(checker)
    response = client.post(
        workflow_url(article, "approve"),
        {"seen_fingerprint": fingerprint, "full_review": "yes", "comment": "Checked."},
    )
    html = response.content.decode()
    assert response.status_code == 409
    assert "changed this article after you opened this page" in html
    since = html.split("What changed after you opened this page", 1)[1].split(
        "What changed since the live", 1
    )[0]
    assert f'<span class="diff-label">Added paragraph: </span>{NEW_SENTENCE}' in since
    assert "Checked.</textarea>" in html  # the approver's comment is kept
    # Nothing was signed off, published or recorded.
    assert not ArticleVersion.objects.exists()
    assert not ArticleReview.objects.exists()
    assert not ArticleTransition.objects.filter(article=article, action="approve").exists()
    assert Article.objects.get(pk=article.pk).status == Status.AWAITING_APPROVAL

    # The page now carries the draft it shows: approving from it signs off the new sentence.
    current = input_value(html, "seen_fingerprint")
    assert current != fingerprint
    assert current == drafts.article_draft_fingerprint(Article.objects.get(pk=article.pk))
    response = client.post(
        workflow_url(article, "approve"), {"seen_fingerprint": current, "full_review": "yes"}
    )
    assert response.status_code == 302
    assert NEW_SENTENCE in Article.objects.get(pk=article.pk).live_version.body


def test_a_change_to_a_source_alone_also_refuses_the_approval():
    writer, checker = nurse(), approver()
    article = submitted(writer)
    source = article.sources.create(title="CheckMate 743", publisher="Lancet", year=2021, position=1)
    seen = drafts.article_draft_fingerprint(article)
    source.year = 2020
    source.save()
    with pytest.raises(services.DraftChanged):
        services.article_approve(
            article=article, seen_fingerprint=seen, approver=fresh(checker), full_review=True
        )
    assert not ArticleVersion.objects.exists()


def test_a_change_to_the_review_interval_alone_refuses_the_approval():
    writer, checker = nurse(), approver()
    article = submitted(writer)
    seen = drafts.article_draft_fingerprint(article)
    Article.objects.filter(pk=article.pk).update(review_interval_months=6)
    with pytest.raises(services.DraftChanged):
        services.article_approve(
            article=article, seen_fingerprint=seen, approver=fresh(checker), full_review=True
        )


@pytest.mark.parametrize("fingerprint", ["", "0" * 64, "not-a-fingerprint"])
def test_an_approval_without_the_drafts_fingerprint_is_refused(client, fingerprint):
    article = submitted(nurse())
    client.force_login(approver())
    response = client.post(
        workflow_url(article, "approve"), {"seen_fingerprint": fingerprint, "full_review": "yes"}
    )
    assert response.status_code == 409
    assert not ArticleVersion.objects.exists()
    assert Article.objects.get(pk=article.pk).status == Status.AWAITING_APPROVAL


def test_a_return_posted_from_an_out_of_date_page_is_refused(client):
    writer, checker = nurse(), approver()
    article = submitted(writer, title="Chemotherapy")
    fingerprint = opened_page_fingerprint(client, checker, article, "return")
    nurse_saves(client, writer, article, title="Chemotherapy for mesothelioma", _submit_for_approval="1")

    client.force_login(checker)
    response = client.post(
        workflow_url(article, "return"), {"seen_fingerprint": fingerprint, "comment": "Shorten the title."}
    )
    html = response.content.decode()
    assert response.status_code == 409
    assert "What changed after you opened this page" in html
    assert "Shorten the title.</textarea>" in html
    assert Article.objects.get(pk=article.pk).status == Status.AWAITING_APPROVAL
    assert not ArticleTransition.objects.filter(article=article, action="return").exists()


def test_a_confirmation_posted_from_an_out_of_date_page_is_refused(client):
    writer, checker = nurse(), approver()
    article = published_article(editor=writer, approver_user=approver())
    reviews_before = ArticleReview.objects.count()
    fingerprint = opened_page_fingerprint(client, checker, article, "confirm")
    # Someone changes a source's link outside the form (say, a fix made from the shell).
    article.sources.create(title="New source", publisher="NICE", year=2022, position=1)

    client.force_login(checker)
    response = client.post(workflow_url(article, "confirm"), {"seen_fingerprint": fingerprint})
    assert response.status_code == 409
    assert ArticleReview.objects.count() == reviews_before


def test_an_edit_while_awaiting_approval_takes_the_article_back_and_tells_the_approvers(client, committed):
    writer = nurse(first_name="Priya", last_name="Nair")
    checker = approver(email="approver@example.org")
    article = submitted(writer)
    mail.outbox.clear()

    response = committed(nurse_saves, client, writer, article, body=f"<p>{NEW_SENTENCE}</p>")
    article.refresh_from_db()
    assert article.status == Status.DRAFT
    move = ArticleTransition.objects.filter(article=article).first()
    assert (move.action, move.from_status, move.to_status, move.actor) == (
        "edit",
        Status.AWAITING_APPROVAL,
        Status.DRAFT,
        writer,
    )
    assert move.comment == services.TAKEN_BACK_COMMENT
    # The approvers are told, through the workflow outbox.
    assert ArticleNotification.objects.filter(transition=move, recipient=checker).count() == 1
    taken_back = [message for message in mail.outbox if checker.email in message.to]
    assert len(taken_back) == 1
    assert taken_back[0].subject.startswith("No longer waiting for your approval")
    assert NEW_SENTENCE not in taken_back[0].body  # the email points to the article; it does not carry text
    # The nurse is told on the page, and the draft is theirs again, not "returned" by an approver.
    page = client.get(response["Location"]).content.decode()
    assert "Your change took it back" in page
    assert list(Article.objects.drafts_of(writer)) == [article]
    assert not Article.objects.returned_to(writer).exists()
    assert "Returned to draft by" not in page
    # The approver's page no longer offers a sign-off.
    client.force_login(checker)
    approve_page = client.get(workflow_url(article, "approve")).content.decode()
    assert "Approve and publish" not in approve_page


def test_each_save_keeps_the_draft_it_left_for_later_comparison():
    writer = nurse()
    article = ArticleFactory(written_by=writer, last_edited_by=writer, body="<p>One.</p>")
    services.article_record_edit(article=article, editor=fresh(writer))
    first = drafts.article_draft_fingerprint(article)
    article.body = "<p>Two.</p>"
    article.save()
    services.article_record_edit(article=article, editor=fresh(writer))
    assert ArticleEdit.objects.filter(article=article).count() == 2
    assert drafts.article_draft_on_record(article=article, fingerprint=first)["body"] == "<p>One.</p>"
    assert drafts.article_draft_on_record(article=article, fingerprint="") is None


def test_the_email_for_a_return_is_still_the_return_email(client, committed):
    writer = nurse(email="writer@example.org")
    checker = approver()
    article = submitted(writer)
    mail.outbox.clear()
    client.force_login(checker)
    committed(client.post, workflow_url(article, "return"), sign_off_data(article, comment="Explain pleura."))
    assert [message.subject for message in mail.outbox if writer.email in message.to] == [
        f"Returned to you: {article.title}"
    ]


def test_the_approve_page_returns_the_draft_with_a_comment_beside_the_diff(client):
    writer, checker = nurse(email="writer@example.org"), approver()
    article = submitted(writer, body="<p>Drains are put in by a specialist.</p>")
    client.force_login(checker)
    page = client.get(workflow_url(article, "approve")).content.decode()
    return_form = page.split('class="return-from-approve"', 1)[1].split("</form>", 1)[0]
    assert f'action="{workflow_url(article, "return")}"' in page
    assert 'id="id_return_comment"' in return_form
    fingerprint = input_value(return_form, "seen_fingerprint")
    response = client.post(
        workflow_url(article, "return"), {"seen_fingerprint": fingerprint, "comment": "Say who puts it in."}
    )
    assert response.status_code == 302
    assert Article.objects.get(pk=article.pk).status == Status.DRAFT


def test_after_a_resubmission_the_approver_sees_the_changes_since_their_own_return(client):
    writer, checker = nurse(), approver()
    article = submitted(writer, body="<p>Drains are put in by a specialist.</p>")
    client.force_login(checker)
    client.post(
        workflow_url(article, "return"),
        sign_off_data(Article.objects.get(pk=article.pk), comment="Say how long it stays in."),
    )
    nurse_saves(
        client,
        writer,
        article,
        body=f"<p>Drains are put in by a specialist.</p><p>{NEW_SENTENCE}</p>",
        _submit_for_approval="1",
    )
    client.force_login(checker)
    page = client.get(workflow_url(article, "approve")).content.decode()
    since_return = page.split("What changed since you returned it on", 1)[1].split(
        "What changed since the live", 1
    )[0]
    assert "Say how long it stays in." in since_return
    assert f'<span class="diff-label">Added paragraph: </span>{NEW_SENTENCE}' in since_return
    assert "1 unchanged paragraph" in since_return  # what was there at the return is folded
    # Another approver, who did not return it, sees only the changes since the live version.
    client.force_login(approver())
    assert "since you returned it" not in client.get(workflow_url(article, "approve")).content.decode()
