"""Security events: one structured line each, with no personal data or message text."""

import logging
from io import StringIO

import pytest
from django.core.cache import caches
from django.core.management import call_command

from core.security_log import security_event
from support.models import ContactRequest
from tests.factories import fresh
from tests.support.helpers import CONTACT_URL, started_token, valid_post
from tests.treatments.factories import ArticleFactory, approve, approver, nurse
from treatments import services

pytestmark = pytest.mark.django_db
PRIVATE = ["Margaret", "01632", "immunotherapy and I am worried"]


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    caches["default"].clear()


@pytest.fixture
def security_log(caplog):
    caplog.set_level(logging.INFO, logger="security")
    return caplog


def lines(caplog):
    return [record.getMessage() for record in caplog.records if record.name == "security"]


def test_bot_rejections_are_logged_without_the_message(client, security_log):
    client.post(CONTACT_URL, valid_post(website="spam"))
    client.post(CONTACT_URL, valid_post(form_started=started_token(seconds_ago=0)))
    assert lines(security_log) == [
        "event=contact.bot_rejected reason=honeypot",
        "event=contact.bot_rejected reason=timing",
    ]
    for secret in PRIVATE:
        assert secret not in security_log.text


def test_rate_limit_hits_are_logged(client, settings, security_log):
    settings.SUPPORT_RATE_LIMIT_PER_HOUR = 1
    client.post(CONTACT_URL, valid_post())
    client.post(CONTACT_URL, valid_post())
    assert "event=contact.rate_limited " in lines(security_log)[-1] + " "


def test_permission_denials_are_logged(client, security_log):
    user = nurse()
    client.force_login(user)
    assert client.get("/admin/support/contactrequest/").status_code == 403
    assert lines(security_log) == [
        f"event=permission.denied user_id={user.pk} path=/admin/support/contactrequest/"
    ]


def test_approvals_and_refusals_are_logged(client, security_log):
    writer, checker = nurse(), approver()
    article = ArticleFactory(written_by=writer, last_edited_by=writer)
    services.article_submit(article=article, user=fresh(writer))
    approve(
        article,
        approver=fresh(checker),
        full_review=True,
    )
    assert (
        f"event=article.approved user_id={checker.pk} article_id={article.pk} version=1 full_review=True"
        in lines(security_log)
    )


def test_purges_are_logged_with_counts_only(security_log, settings):
    call_command("purge_contact_requests", stdout=StringIO())
    assert lines(security_log) == ["event=contact.purged count=0 retention_days=365"]


def test_values_cannot_forge_a_log_line(security_log):
    security_event("test", path="/x\nevent=login.success user_id=1")
    assert lines(security_log) == ["event=test path='/x\\nevent=login.success user_id=1'"]


def test_error_pages_and_logs_share_the_request_id(client, security_log):
    client.force_login(nurse())
    response = client.get("/admin/support/contactrequest/")
    request_id = response["X-Request-ID"]
    record = next(record for record in security_log.records if record.name == "security")
    assert record.request_id == request_id


def test_nothing_personal_reaches_any_log_on_a_normal_submission(client, caplog):
    caplog.set_level(logging.DEBUG)
    client.post(CONTACT_URL, valid_post(email="margaret@example.org"))
    assert ContactRequest.objects.count() == 1
    for secret in [*PRIVATE, "margaret@example.org"]:
        assert secret not in caplog.text
