"""
Workflow emails through the outbox: stored with the move, sent after commit,
retried when the mail server is down, never sent twice.
"""

from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse

from tests.factories import UserFactory, fresh
from tests.servers.smtp_sink import SmtpSink
from tests.treatments.factories import ArticleFactory, approve, approver, nurse, published_article
from treatments import drafts, services
from treatments.models import ArticleNotification
from treatments.roles import CLINICAL_APPROVERS, NURSE_EDITORS

pytestmark = pytest.mark.django_db


def test_a_submission_emails_each_approver_but_the_submitter_once(committed):
    writer = UserFactory(groups=[NURSE_EDITORS, CLINICAL_APPROVERS], first_name="Nia", last_name="Roberts")
    first, second = approver(), approver()
    article = ArticleFactory(written_by=writer, last_edited_by=writer, title="Pleural drains")
    committed(services.article_submit, article=article, user=fresh(writer), note="I added drain care.")
    assert sorted(message.to[0] for message in mail.outbox) == sorted([first.email, second.email])
    message = mail.outbox[0]
    assert message.subject == "Waiting for your approval: Pleural drains"
    assert "Nia Roberts has submitted" in message.body
    assert "I added drain care." in message.body and "reading age" in message.body
    assert reverse("admin:treatments_article_workflow", args=[article.pk, "approve"]) in message.body
    assert ArticleNotification.objects.filter(sent_at__isnull=False).count() == 2
    call_command("send_outboxes", stdout=StringIO())
    assert len(mail.outbox) == 2  # nothing sent twice


def test_a_return_tells_the_last_editor_with_the_comment(committed):
    writer, checker = nurse(), approver()
    article = ArticleFactory(written_by=writer, last_edited_by=writer, title="Surgery")
    committed(services.article_submit, article=article, user=fresh(writer))
    mail.outbox.clear()
    committed(
        services.article_return_to_draft,
        article=article,
        seen_fingerprint=drafts.article_draft_fingerprint(article),
        approver=fresh(checker),
        comment="Explain pleura.",
    )
    [message] = mail.outbox
    assert message.to == [writer.email] and message.subject == "Returned to you: Surgery"
    assert "Explain pleura." in message.body


def test_an_approval_tells_the_editors_of_that_version(committed):
    writer, helper, checker = nurse(), nurse(), approver()
    article = published_article(editor=writer, approver_user=checker)
    services.article_record_edit(article=article, editor=fresh(writer))
    services.article_record_edit(article=article, editor=fresh(helper))
    services.article_submit(article=article, user=fresh(helper))
    mail.outbox.clear()
    committed(
        approve,
        article,
        approver=fresh(checker),
        full_review=False,
    )
    assert sorted(message.to[0] for message in mail.outbox) == sorted([writer.email, helper.email])
    assert all(message.subject.startswith("Now live:") for message in mail.outbox)


def test_with_the_mail_server_down_nothing_is_lost_and_it_goes_once_later(committed):
    writer, checker = nurse(), approver()
    article = ArticleFactory(written_by=writer, last_edited_by=writer)
    down = {"EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend", "EMAIL_HOST": "127.0.0.1"}
    with override_settings(**down, EMAIL_PORT=9, EMAIL_USE_TLS=False, EMAIL_TIMEOUT=2):
        committed(services.article_submit, article=article, user=fresh(writer))
    notification = ArticleNotification.objects.get()
    assert notification.sent_at is None and notification.attempts == 1
    assert notification.last_error == "ConnectionRefusedError"
    ArticleNotification.objects.update(next_attempt_at=None)  # the back-off has passed
    with SmtpSink() as sink, override_settings(**down, EMAIL_PORT=sink.port, EMAIL_USE_TLS=False):
        call_command("send_outboxes", stdout=StringIO())
        call_command("send_outboxes", stdout=StringIO())
    assert [message["To"] for message in sink.messages] == [checker.email]
    assert ArticleNotification.objects.get().sent_at is not None


def test_the_dashboard_shows_what_waits_for_each_person(client, committed):
    writer, checker, other_writer = nurse(), approver(), nurse()
    mine = ArticleFactory(written_by=writer, last_edited_by=writer, title="My draft")
    returned = ArticleFactory(written_by=writer, last_edited_by=writer, title="Sent back to me")
    waiting = ArticleFactory(written_by=other_writer, last_edited_by=other_writer, title="Waiting one")
    services.article_submit(article=returned, user=fresh(writer))
    services.article_return_to_draft(
        article=returned,
        seen_fingerprint=drafts.article_draft_fingerprint(returned),
        approver=fresh(checker),
        comment="Fix it.",
    )
    services.article_submit(article=waiting, user=fresh(other_writer))

    client.force_login(writer)
    html = client.get("/admin/").content.decode()
    assert "Returned to you (1)" in html and "Your drafts (1)" in html
    assert "Waiting for your approval" not in html  # nurses do not approve
    client.force_login(checker)
    html = client.get("/admin/").content.decode()
    assert "Waiting for your approval (1)" in html and "Waiting one" in html
    assert mine.title not in html.split("Waiting for your approval")[1].split("Awaiting another approver")[0]
