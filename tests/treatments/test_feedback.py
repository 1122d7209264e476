import datetime

import pytest
import time_machine
from django.core.cache import caches

from tests.factories import fresh
from tests.treatments.factories import approve, approver, nurse, published_article
from treatments import services
from treatments.models import PageFeedback

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    caches["default"].clear()


def feedback_url(article):
    return f"{article.get_absolute_url()}feedback/"


@pytest.fixture
def client(client):
    """Posts carry the Origin header every browser sends with a form."""
    original_post = client.post

    def post(path, data=None, **extra):
        extra.setdefault("HTTP_ORIGIN", "http://testserver")
        return original_post(path, data, **extra)

    client.post = post
    return client


def test_a_post_from_another_site_is_refused(client):
    article = published_article()
    response = client.post(feedback_url(article), {"helpful": "no"}, HTTP_ORIGIN="https://evil.example")
    assert response.status_code == 403
    assert not PageFeedback.objects.exists()


def test_a_post_with_no_origin_or_referer_is_refused(client):
    article = published_article()
    response = client.post(feedback_url(article), {"helpful": "no"}, HTTP_ORIGIN="")
    assert response.status_code == 403


def test_a_post_with_a_same_site_referer_is_accepted(client):
    article = published_article()
    client.post(
        feedback_url(article),
        {"helpful": "yes"},
        HTTP_ORIGIN="",
        HTTP_REFERER=f"http://testserver{article.get_absolute_url()}",
    )
    assert PageFeedback.objects.count() == 1


def test_the_question_is_a_plain_form_at_the_foot_of_the_article(client):
    article = published_article()
    html = client.get(article.get_absolute_url()).content.decode()
    assert "Was this page helpful?" in html
    assert f'<form method="post" action="{feedback_url(article)}" class="feedback__answers">' in html
    assert html.index("Was this page helpful?") > html.index("About this page")


def test_an_answer_is_stored_against_the_version_seen_then_a_comment_is_added(client):
    article = published_article()
    seen = article.live_version
    response = client.post(feedback_url(article), {"helpful": "no", "version": seen.pk})
    assert response.status_code == 302 and response["Location"].endswith("#feedback")
    answer = PageFeedback.objects.get()
    assert (answer.article, answer.version, answer.helpful, answer.comment) == (article, seen, False, "")

    page = client.get(article.get_absolute_url()).content.decode()
    assert "What were you looking for?" in page
    assert "Please do not include your name, contact details or anything about your health." in page

    client.post(feedback_url(article), {"comment": "How long each session lasts."})
    answer.refresh_from_db()
    assert answer.comment == "How long each session lasts."
    assert PageFeedback.objects.count() == 1


def test_an_answer_about_an_older_version_is_kept_against_that_version(client):
    writer, checker = nurse(), approver()
    article = published_article(editor=writer, approver_user=checker)
    read = article.live_version
    article.summary = "A new summary."
    article.save()
    services.article_record_edit(article=article, editor=fresh(writer))
    services.article_submit(article=article, user=fresh(writer))
    approve(
        article,
        approver=fresh(checker),
        full_review=False,
    )
    client.post(feedback_url(article), {"helpful": "yes", "version": read.pk})
    assert PageFeedback.objects.get().version == read


def test_a_version_of_another_article_is_not_accepted(client):
    article, other = published_article(), published_article()
    client.post(feedback_url(article), {"helpful": "yes", "version": other.live_version_id})
    assert PageFeedback.objects.get().version == article.live_version


def test_a_comment_without_an_answer_first_is_ignored(client):
    article = published_article()
    client.post(feedback_url(article), {"comment": "Spam"})
    assert not PageFeedback.objects.exists()


def test_feedback_on_a_draft_is_404(client):
    from tests.treatments.factories import ArticleFactory

    draft = ArticleFactory()
    assert client.post(feedback_url(draft), {"helpful": "yes"}).status_code == 404


def test_feedback_is_rate_limited_per_address(client, settings):
    settings.FEEDBACK_RATE_LIMIT_PER_HOUR = 3
    article = published_article()
    for _ in range(5):
        client.post(feedback_url(article), {"helpful": "no"}, REMOTE_ADDR="192.0.2.5")
    client.post(feedback_url(article), {"helpful": "no"}, REMOTE_ADDR="192.0.2.6")
    assert PageFeedback.objects.count() == 4


def test_a_comment_with_control_characters_is_refused(client):
    article = published_article()
    client.post(feedback_url(article), {"helpful": "yes"})
    client.post(feedback_url(article), {"comment": "hi\x1b[31m"})
    assert PageFeedback.objects.get().comment == ""


def test_the_admin_shows_answers_since_the_last_approval(admin_client):
    writer, checker = nurse(), approver()
    article = published_article(editor=writer, approver_user=checker, title="Feedback page")
    old = article.live_version
    PageFeedback.objects.create(article=article, version=old, helpful=False)
    article.summary = "Changed."
    article.save()
    services.article_record_edit(article=article, editor=fresh(writer))
    services.article_submit(article=article, user=fresh(writer))
    approve(
        article,
        approver=fresh(checker),
        full_review=False,
    )
    article.refresh_from_db()
    for helpful in (True, True, True, False):
        PageFeedback.objects.create(article=article, version=article.live_version, helpful=helpful)
    changelist = admin_client.get("/admin/treatments/article/").content.decode()
    assert "4 answers, 75% helpful" in changelist
    change = admin_client.get(f"/admin/treatments/article/{article.pk}/change/").content.decode()
    assert "4 answers, 75% helpful" in change


def test_the_dashboard_lists_articles_readers_find_unhelpful(admin_client):
    unhelpful = published_article(title="Mostly no")
    helpful = published_article(title="Mostly yes")
    old = published_article(title="Old complaints")
    for helpful_answer in (False, False, True):
        PageFeedback.objects.create(article=unhelpful, version=unhelpful.live_version, helpful=helpful_answer)
        PageFeedback.objects.create(article=helpful, version=helpful.live_version, helpful=not helpful_answer)
    with time_machine.travel(datetime.datetime.now(tz=datetime.UTC) - datetime.timedelta(days=120)):
        for _ in range(3):
            PageFeedback.objects.create(article=old, version=old.live_version, helpful=False)
    html = admin_client.get("/admin/").content.decode()
    section = html[html.index("mostly say") : html.index("Overdue for review")]
    assert "Mostly no" in section
    assert "Mostly yes" not in section and "Old complaints" not in section
