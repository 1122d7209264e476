"""The page cache keeps one entry per page, however many query strings visitors (or bots) invent."""

import os

import pytest
from django.core.cache import caches

from tests.servers.redis_cache import cleared_or_skipped
from tests.treatments.factories import published_article

pytestmark = pytest.mark.django_db

REDIS_TEST_URL = os.environ.get("REDIS_TEST_URL_PAGES", "redis://127.0.0.1:6379/13")


@pytest.fixture
def redis_pages(settings):
    """The page cache on the local Redis, where its entries can be counted."""
    settings.CACHES = {
        **settings.CACHES,
        "default": {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": REDIS_TEST_URL},
    }
    cache = caches["default"]
    yield cleared_or_skipped(cache, REDIS_TEST_URL)
    cache.clear()


def page_entries(cache) -> list[str]:
    return cache.keys("page:*")


def test_500_junk_query_strings_add_no_entries(client, redis_pages):
    article = published_article(title="Immunotherapy")
    paths = ["/", "/treatments/", article.get_absolute_url(), "/sitemap.xml"]
    first = {path: client.get(path).content for path in paths}
    stored = len(page_entries(redis_pages))
    assert stored == len(paths)

    for n in range(500):
        path = paths[n % len(paths)]
        response = client.get(path, {f"junk{n}": f"value-{n}", "utm_source": str(n)})
        assert response.status_code == 200
        assert response.content == first[path]  # the stored page, unchanged
        assert client.get("/search/", {"q": f"zqxj{n}vbn"}).status_code == 200  # finds nothing

    assert len(page_entries(redis_pages)) == stored


def test_searches_differing_only_in_case_and_spacing_share_one_entry(client, redis_pages):
    published_article(title="Immunotherapy")
    pages = [
        client.get("/search/", {"q": query}).content.decode()
        for query in ["immunotherapy", "Immunotherapy", "  IMMUNOTHERAPY ", "immunotherapy"]
    ]
    assert len(page_entries(redis_pages)) == 1
    assert len(set(pages)) == 1
    assert "Search results for “immunotherapy”" in pages[0]


def test_a_search_that_finds_nothing_is_not_stored(client, redis_pages):
    published_article(title="Immunotherapy")
    assert client.get("/search/", {"q": "nothing-like-this"}).status_code == 200
    assert page_entries(redis_pages) == []
