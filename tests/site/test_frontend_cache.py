"""
A shared HTTP cache in front (Debian's Varnish with ops/varnish/charity.vcl):
cached public pages do not reach Django, and every change to published
content bans them there, so a corrected or withdrawn page is never served.
"""

import threading
import urllib.error
import urllib.request
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.signals import request_started

from core.models import FrontendPurge
from tests.factories import fresh
from tests.servers.varnish_server import VARNISHD, VarnishServer
from tests.treatments.factories import approve, approver, nurse, published_article
from treatments import services

pytestmark = [
    pytest.mark.django_db(transaction=True),
    # Varnish fetches in parallel and in the background (grace, coalesced misses). On the in-memory
    # SQLite database the test server's threads share one connection with the test itself, and such a
    # fetch can land inside the test's own transaction; production runs PostgreSQL, and so do these.
    pytest.mark.postgres,
    pytest.mark.skipif(
        VARNISHD is None, reason="varnish is not installed (apt-get install varnish); .ci/run installs it"
    ),
]


@pytest.fixture
def varnish(live_server, settings, roles):
    port = int(live_server.url.rsplit(":", 1)[1])
    with VarnishServer(port) as server:
        settings.FRONTEND_CACHE_URLS = [server.purge_url]
        settings.PAGE_CACHE_SECONDS = 300
        settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "127.0.0.1"]  # Varnish passes its own Host on
        yield server


@pytest.fixture
def django_requests():
    """How many requests reached Django (the live server runs in this process)."""
    seen = []

    def count(**kwargs):
        seen.append(1)

    request_started.connect(count)
    yield seen
    request_started.disconnect(count)


def get(url: str):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - the local test servers
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


def test_cached_pages_do_not_reach_django_and_an_approval_or_withdrawal_is_seen_at_once(
    varnish, django_requests
):
    writer, checker = nurse(), approver()
    article = published_article(editor=writer, approver_user=checker, title="Pleural drains")
    url = varnish.url + article.get_absolute_url()

    status, headers, body = get(url)
    assert status == 200 and "Pleural drains" in body and headers["X-Cache"] == "MISS"
    assert "s-maxage=" in headers["Cache-Control"] and "max-age=0" in headers["Cache-Control"]
    assert "Cache-Tag" not in headers  # for the cache, not for visitors
    reached = len(django_requests)
    for _ in range(20):
        status, headers, _ = get(url)
        assert status == 200 and headers["X-Cache"] == "HIT"
    assert len(django_requests) == reached  # twenty visits, none of them reached Django

    # A correction approved: the very next visit through Varnish shows it.
    article.refresh_from_db()
    article.title = "Pleural drains and how they help"
    article.last_edited_by = writer
    article.save()
    services.article_record_edit(
        article=article, editor=fresh(writer), changed_fields={"title"}, content_changed=True
    )
    services.article_submit(article=article, user=fresh(writer))
    approve(
        article,
        approver=fresh(checker),
        full_review=False,
    )
    status, headers, body = get(url)
    assert status == 200 and "Pleural drains and how they help" in body and headers["X-Cache"] == "MISS"
    assert FrontendPurge.objects.filter(sent_at__isnull=False).exists()

    # Withdrawn: never served from the cache again.
    services.article_archive(article=article, approver=fresh(checker), comment="Out of date.")
    status, _, body = get(url)
    assert status == 410


def test_a_purge_that_fails_is_kept_and_sent_when_the_cache_answers(varnish, settings):
    article = published_article(title="Radiotherapy")
    url = varnish.url + article.get_absolute_url()
    assert get(url)[0] == 200 and get(url)[1]["X-Cache"] == "HIT"

    settings.FRONTEND_CACHE_URLS = ["http://127.0.0.1:9"]  # the cache cannot be reached
    services.article_archive(article=article, approver=fresh(approver()))
    purge = FrontendPurge.objects.get(sent_at__isnull=True)
    assert purge.attempts == 1 and purge.last_error
    assert get(url)[1]["X-Cache"] == "HIT"  # the old page is still in the cache, until the purge goes

    settings.FRONTEND_CACHE_URLS = [varnish.purge_url]
    FrontendPurge.objects.update(next_attempt_at=None)  # the back-off has passed
    call_command("send_outboxes", stdout=StringIO())
    assert FrontendPurge.objects.get(pk=purge.pk).sent_at is not None
    assert get(url)[0] == 410


def send(url: str, method: str, headers: dict | None = None) -> int:
    request = urllib.request.Request(url, method=method, headers=headers or {})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=5) as response:  # noqa: S310
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def cached_article(varnish) -> str:
    url = varnish.url + published_article().get_absolute_url()
    get(url)
    assert get(url)[1]["X-Cache"] == "HIT"
    return url


@pytest.mark.parametrize(
    "tag",
    [None, "", ". && obj.status ~ .", "public-pages || obj.http.x ~ .", "PUBLIC-PAGES", "other-tag"],
)
def test_the_purge_listener_bans_only_the_sites_own_tag(varnish, tag):
    url = cached_article(varnish)
    headers = {} if tag is None else {"X-Ban-Tag": tag}
    assert send(varnish.purge_url + "/", "BAN", headers) == 400
    assert get(url)[1]["X-Cache"] == "HIT"  # nothing was banned
    assert send(varnish.purge_url + "/", "BAN", {"X-Ban-Tag": "public-pages"}) == 200
    assert get(url)[1]["X-Cache"] == "MISS"


def test_the_public_listener_takes_no_ban_and_the_purge_listener_serves_no_page(varnish):
    url = cached_article(varnish)
    for method in ("BAN", "PURGE"):
        assert send(varnish.url + "/", method, {"X-Ban-Tag": "public-pages"}) == 405
    assert get(url)[1]["X-Cache"] == "HIT"
    assert send(varnish.purge_url + "/", "GET") == 403


def test_a_ban_through_nginx_in_front_of_varnish_is_refused(varnish):
    """nginx terminating TLS on the same host as Varnish: its requests come from loopback."""
    from tests.servers.nginx_server import NGINX, NginxBalancer

    if NGINX is None:
        pytest.skip("nginx is not installed (apt-get install nginx); .ci/run installs it")
    path = published_article().get_absolute_url()
    with NginxBalancer([varnish.port, varnish.port]) as nginx:
        get(nginx.url + path)
        assert get(nginx.url + path)[1]["X-Cache"] == "HIT"
        for method in ("BAN", "PURGE"):
            assert send(nginx.url + "/", method, {"X-Ban-Tag": "public-pages"}) in (403, 405)
        status, headers, _ = get(nginx.url + path)
        assert status == 200 and headers["X-Cache"] == "HIT"  # still cached: nothing was banned
        assert headers.get_all("X-Content-Type-Options") == ["nosniff"]


def test_answers_through_varnish_say_nosniff(varnish):
    status, headers, _ = get(varnish.url + "/static/css/site.css")
    assert status == 200 and headers["X-Content-Type-Options"] == "nosniff"


def test_static_files_are_kept_but_other_untagged_answers_are_not(varnish):
    for _ in range(2):
        status, headers, _ = get(varnish.url + "/static/css/site.css")
    assert status == 200 and headers["X-Cache"] == "HIT"
    for _ in range(2):
        status, headers, _ = get(varnish.url + "/support/contact/")  # a form with its own token
    assert status == 200 and headers["X-Cache"] == "MISS"


def test_visitors_arriving_together_after_a_restore_reach_django_once(varnish, django_requests):
    checker = approver()
    article = published_article(approver_user=checker, title="Talc pleurodesis")
    url = varnish.url + article.get_absolute_url()
    services.article_archive(article=article, approver=fresh(checker))
    assert get(url)[0] == 410  # not kept: Varnish marks the address "hit-for-miss"
    services.article_restore(article=article, approver=fresh(checker))

    start_together = threading.Barrier(10)
    answers = []

    def visit():
        start_together.wait()
        answers.append(get(url))

    before = len(django_requests)
    visitors = [threading.Thread(target=visit) for _ in range(10)]
    for visitor in visitors:
        visitor.start()
    for visitor in visitors:
        visitor.join()
    assert [status for status, _, _ in answers] == [200] * 10
    # The ban cleared the marker too: one visitor's request built the page, the others waited for it.
    assert len(django_requests) - before == 1
