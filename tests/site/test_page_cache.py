"""Public pages from the cache: always current after publishing, never shared across people."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import fresh
from tests.treatments.factories import ArticleFactory, approve, approver, nurse, published_article
from treatments import drafts, services

pytestmark = pytest.mark.django_db


@pytest.fixture
def publishing(django_capture_on_commit_callbacks):
    """Run the on-commit invalidation the way a real commit would."""

    def run(action, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return action(*args, **kwargs)

    return run


def queries_for(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_a_second_visit_is_served_from_the_cache(client):
    article = published_article()
    assert queries_for(client, article.get_absolute_url()) > 0
    assert queries_for(client, article.get_absolute_url()) == 0
    assert queries_for(client, "/treatments/") > 0
    assert queries_for(client, "/treatments/") == 0


def test_approving_an_edit_shows_on_the_very_next_request(client, publishing):
    writer, checker = nurse(), approver()
    article = published_article(editor=writer, approver_user=checker, title="Old title")
    for url in [article.get_absolute_url(), "/treatments/", "/search/?q=title", "/sitemap.xml"]:
        client.get(url)
    article.title = "New title"
    article.save()
    publishing(services.article_record_edit, article=article, editor=fresh(writer))
    publishing(services.article_submit, article=article, user=fresh(writer))
    assert "Old title" in client.get(article.get_absolute_url()).content.decode()  # not approved yet
    publishing(
        approve,
        article,
        approver=fresh(checker),
        full_review=False,
    )
    assert "New title" in client.get(article.get_absolute_url()).content.decode()
    assert "New title" in client.get("/treatments/").content.decode()
    search = client.get("/search/?q=title").content.decode()
    assert "New title" in search and "Old title" not in search


def test_withdrawing_shows_on_the_very_next_request(client, publishing):
    checker = approver()
    article = published_article(approver_user=checker, title="Soon withdrawn")
    assert client.get(article.get_absolute_url()).status_code == 200
    assert "Soon withdrawn" in client.get("/treatments/").content.decode()
    publishing(services.article_archive, article=article, approver=fresh(checker))
    assert client.get(article.get_absolute_url()).status_code == 410
    assert "Soon withdrawn" not in client.get("/treatments/").content.decode()
    assert article.get_absolute_url() not in client.get("/sitemap.xml").content.decode()


def test_a_new_review_date_shows_on_the_very_next_request(client, publishing):
    import datetime

    import time_machine

    checker = approver()
    with time_machine.travel(datetime.date(2022, 1, 10), tick=False):
        article = published_article(approver_user=checker)
    assert "This page is due for review" in client.get(article.get_absolute_url()).content.decode()
    publishing(
        services.article_confirm_still_accurate,
        article=article,
        seen_fingerprint=drafts.article_draft_fingerprint(article),
        approver=fresh(checker),
        sources_rechecked=True,
    )
    assert "This page is due for review" not in client.get(article.get_absolute_url()).content.decode()


def test_staff_never_get_the_anonymous_page_and_their_pages_are_not_stored(client):
    article = published_article()
    client.get(article.get_absolute_url())  # cached for visitors without a session
    client.force_login(nurse())
    assert queries_for(client, article.get_absolute_url()) > 0
    response = client.get(article.get_absolute_url())
    assert "public" not in response.get("Cache-Control", "")
    client.logout()
    client.cookies.clear()
    # A signed-in render was not stored for visitors: this one is the anonymous copy.
    assert queries_for(client, article.get_absolute_url()) == 0


def test_a_visitor_with_a_session_gets_a_fresh_page(client):
    article = published_article()
    client.get(article.get_absolute_url())
    client.post(f"{article.get_absolute_url()}feedback/", {"helpful": "no"}, HTTP_ORIGIN="http://testserver")
    html = client.get(article.get_absolute_url()).content.decode()
    # Their own state (the comment form after their answer) is on the page: not the shared copy.
    assert "What were you looking for?" in html


def test_pages_that_set_cookies_or_hold_forms_with_tokens_are_not_stored(client):
    first = client.get("/support/contact/")
    assert "csrftoken" in str(first.cookies)
    client.cookies.clear()
    response = client.get("/support/contact/")
    assert "csrfmiddlewaretoken" in response.content.decode()
    assert "public" not in response.get("Cache-Control", "")


def test_cached_pages_revalidate_with_etags(client):
    article = published_article()
    first = client.get(article.get_absolute_url())
    assert first["Cache-Control"] == "public, max-age=0, must-revalidate"
    assert "Cookie" in first["Vary"]
    assert first["ETag"] and first["Last-Modified"]
    again = client.get(article.get_absolute_url(), HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304


def test_gzip_and_plain_visitors_get_their_own_copies(client):
    article = published_article()
    plain = client.get(article.get_absolute_url())
    compressed = client.get(article.get_absolute_url(), HTTP_ACCEPT_ENCODING="gzip")
    assert compressed["Content-Encoding"] == "gzip"
    assert "Content-Encoding" not in plain
    assert client.get(article.get_absolute_url()).content == plain.content


def test_forms_on_cached_pages_still_work(client):
    article = published_article()
    client.get(article.get_absolute_url())
    page = client.get(article.get_absolute_url()).content.decode()
    assert "csrfmiddlewaretoken" not in page  # nothing personal in the shared copy
    response = client.post(
        f"{article.get_absolute_url()}feedback/", {"helpful": "yes"}, HTTP_ORIGIN="http://testserver"
    )
    assert response.status_code == 302
    results = client.get("/search/", {"q": article.title})
    assert results.status_code == 200


@pytest.mark.parametrize(("sources", "related"), [(1, 1), (30, 5)])
def test_article_page_runs_at_most_five_queries(client, django_assert_max_num_queries, sources, related):
    from tests.treatments.factories import SourceFactory

    editor = nurse()
    article = ArticleFactory(written_by=editor, last_edited_by=editor)
    for _ in range(sources):
        SourceFactory(article=article)
    for _ in range(related):
        article.related_articles.add(published_article(category=article.category))
    services.article_submit(article=article, user=fresh(editor))
    approve(
        article,
        approver=fresh(approver()),
        full_review=True,
    )
    with django_assert_max_num_queries(5):
        assert client.get(article.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("url", ["/", "/treatments/"])
def test_home_and_index_run_few_queries(client, django_assert_max_num_queries, url):
    for _ in range(10):
        published_article()
    with django_assert_max_num_queries(2):
        assert client.get(url).status_code == 200


def test_other_treatments_follow_a_withdrawal_with_the_page_cache_off(client, settings, publishing):
    settings.PAGE_CACHE_SECONDS = 0
    checker = approver()
    article = published_article(approver_user=checker)
    sibling = published_article(approver_user=checker, category=article.category, title="Sibling page")
    assert "Sibling page" in client.get(article.get_absolute_url()).content.decode()
    publishing(services.article_archive, article=sibling, approver=fresh(checker))
    assert "Sibling page" not in client.get(article.get_absolute_url()).content.decode()


def test_with_the_cache_down_pages_are_built_and_publishing_still_works(client, settings, caplog, publishing):
    import logging

    checker = approver()
    article = published_article(approver_user=checker, title="Still served")
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            # Nothing listens here: every cache call fails, as in a Redis outage.
            "LOCATION": "redis://127.0.0.1:9/0",
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5},
        },
    }
    with caplog.at_level(logging.WARNING, logger="core.page_cache"):
        response = client.get(article.get_absolute_url())
        assert response.status_code == 200
        assert "Still served" in response.content.decode()
        publishing(services.article_archive, article=article, approver=fresh(checker))
        assert client.get(article.get_absolute_url()).status_code == 410
    assert "Page cache unavailable" in caplog.text
    assert "Could not invalidate the page cache" in caplog.text
