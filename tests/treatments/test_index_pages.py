"""
The treatments index and the home page stay the same size however many pages
are published: the first few of each category, and a link to the category's
own page, which lists them all a page at a time.
"""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.treatments.factories import ArticleFactory, CategoryFactory, published_article
from treatments.views import ArticleIndexView, CategoryView

pytestmark = pytest.mark.django_db


def titles(html: str) -> list[str]:
    return re.findall(r'<a href="/treatments/[a-z0-9-]+/">([^<]+)</a>', html)


@pytest.fixture
def library(monkeypatch, settings):
    settings.PAGE_CACHE_SECONDS = 0  # each view built afresh
    monkeypatch.setattr(ArticleIndexView, "PER_CATEGORY", 3)
    monkeypatch.setattr(CategoryView, "PER_PAGE", 2)
    big, small = (
        CategoryFactory(name="Treatments", position=1),
        CategoryFactory(name="Living well", position=2),
    )
    for number in range(5):
        published_article(category=big, position=number, title=f"Treatment {number}")
    for number in range(2):
        published_article(category=small, position=number, title=f"Living {number}")
    ArticleFactory(category=big, position=0, title="A draft nobody approved")
    return big, small


def test_the_index_and_home_page_show_the_first_of_each_category_and_link_to_the_rest(client, library):
    big, small = library
    index = client.get("/treatments/").content.decode()
    assert titles(index) == ["Treatment 0", "Treatment 1", "Treatment 2", "Living 0", "Living 1"]
    assert f'<a href="/treatments/topics/{big.pk}/">All 5 pages about treatments</a>' in index
    assert f"/treatments/topics/{small.pk}/" not in index  # all of it is already shown
    home = client.get("/").content.decode()
    assert f'<a href="/treatments/topics/{big.pk}/">All 5 pages about treatments</a>' in home
    assert "Treatment 3" not in home and "A draft nobody approved" not in home


def test_a_category_page_lists_every_public_page_a_page_at_a_time(client, library):
    big, _ = library
    url = f"/treatments/topics/{big.pk}/"
    pages = [client.get(url, {"page": number}) for number in (1, 2, 3)]
    assert [response.status_code for response in pages] == [200, 200, 200]
    assert [titles(response.content.decode()) for response in pages] == [
        ["Treatment 0", "Treatment 1"],
        ["Treatment 2", "Treatment 3"],
        ["Treatment 4"],
    ]
    first = pages[0].content.decode()
    assert "5 pages, written and checked by specialist nurses. This is page 1 of 3." in first
    assert '<span aria-current="page"><span class="visually-hidden">Page </span>1</span>' in first
    assert 'href="?page=2" rel="next"' in first
    assert client.get(url).content == pages[0].content
    for wrong in ("4", "0", "-1", "two", "1.5", "9" * 30):
        assert client.get(url, {"page": wrong}).status_code == 404
    assert client.get("/treatments/topics/999999/").status_code == 404


def test_the_index_costs_the_same_queries_however_many_pages_there_are(client, library):
    big, _ = library
    client.get("/treatments/")
    with CaptureQueriesContext(connection) as before:
        client.get("/treatments/")
    for number in range(5, 12):
        published_article(category=big, position=number, title=f"Treatment {number}")
    with CaptureQueriesContext(connection) as after:
        response = client.get("/treatments/")
    assert len(after) == len(before)
    assert "All 12 pages about treatments" in response.content.decode()


def plans_of(client, url: str) -> str:
    """EXPLAIN of every query a page makes, with sequential scans switched off."""
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    plans = []
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        for query in queries.captured_queries:
            if query["sql"].startswith("SELECT"):
                cursor.execute(f"EXPLAIN {query['sql']}")
                plans.append("\n".join(row[0] for row in cursor.fetchall()))
    return "\n\n".join(plans)


@pytest.mark.postgres
@pytest.mark.parametrize("url", ["/treatments/", "/", "category"])
def test_the_lists_read_each_categorys_pages_from_their_index_not_every_page(client, library, url):
    """Their cost must not grow with the number of pages: at 10,000 a window over every page took 17 ms."""
    big, _ = library
    url = f"/treatments/topics/{big.pk}/" if url == "category" else url
    plan = plans_of(client, url)
    assert "article_public_in_category" in plan, plan
    assert "WindowAgg" not in plan, plan
