import re

import pytest
from django.db import connection

from tests.factories import fresh
from tests.treatments.factories import (
    ArticleFactory,
    SourceFactory,
    approve,
    approver,
    nurse,
    published_article,
)
from treatments import search as site_search
from treatments import services
from treatments.search import parse_query, search_articles

pytestmark = pytest.mark.django_db


def slugs(query):
    return [article.slug for article in search_articles(parse_query(query)).articles]


def publish_edit(article, editor, approver_user, **changes):
    for field, value in changes.items():
        setattr(article, field, value)
    article.save()
    services.article_record_edit(article=article, editor=fresh(editor))
    services.article_submit(article=article, user=fresh(editor))
    approve(
        article,
        approver=fresh(approver_user),
        full_review=False,
    )


# --- Full-text search on PostgreSQL -------------------------------------------------


@pytest.mark.postgres
def test_stemming_finds_other_forms_of_a_word():
    published_article(slug="drips", body="<p>The treatment is given through a drip.</p>")
    assert slugs("treatments") == ["drips"]
    assert slugs("treating") == ["drips"]


@pytest.mark.postgres
def test_title_ranks_above_summary_above_body_above_sources():
    body_match = published_article(
        slug="in-body", title="Care", summary="About care.", body="<p>Radiotherapy.</p>"
    )
    title_match = published_article(
        slug="in-title", title="Radiotherapy", summary="About it.", body="<p>x</p>"
    )
    summary_match = published_article(
        slug="in-summary", title="Rays", summary="Radiotherapy explained.", body="<p>y</p>"
    )
    source_match = published_article(slug="in-sources", title="Other", summary="Other.", body="<p>z</p>")
    SourceFactory(article=source_match, title="Radiotherapy outcomes")
    writer, checker = nurse(), approver()
    publish_edit(source_match, writer, checker)
    assert slugs("radiotherapy") == [title_match.slug, summary_match.slug, body_match.slug, source_match.slug]


@pytest.mark.postgres
def test_unapproved_text_is_never_found():
    writer, checker = nurse(), approver()
    article = published_article(editor=writer, approver_user=checker, body="<p>Approved words.</p>")
    article.body = "<p>Secretdraftword appears only in the working copy.</p>"
    article.save()
    services.article_record_edit(article=article, editor=fresh(writer))
    services.article_submit(article=article, user=fresh(writer))
    never = ArticleFactory(body="<p>Secretdraftword in an article never approved.</p>")
    assert never.live_version is None
    assert slugs("secretdraftword") == []
    assert slugs("approved") == [article.slug]


@pytest.mark.postgres
def test_the_stored_vector_moves_with_each_approval():
    writer, checker = nurse(), approver()
    article = published_article(editor=writer, approver_user=checker, body="<p>Pleurodesis.</p>")
    assert slugs("pleurodesis") == [article.slug]
    publish_edit(article, writer, checker, body="<p>Drainage.</p>")
    assert slugs("pleurodesis") == []
    assert slugs("drainage") == [article.slug]


@pytest.mark.postgres
def test_withdrawn_articles_are_not_found():
    checker = approver()
    article = published_article(approver_user=checker, body="<p>Mesotheliomaword.</p>")
    services.article_archive(article=article, approver=fresh(checker))
    assert slugs("mesotheliomaword") == []


@pytest.mark.postgres
def test_prefixes_and_brand_names_find_the_page():
    published_article(slug="immunotherapy", title="Immunotherapy", body="<p>Such as pembrolizumab.</p>")
    assert slugs("immuno") == ["immunotherapy"]
    assert slugs("Keytruda") == ["immunotherapy"]


@pytest.mark.postgres
def test_snippets_highlight_the_match_and_escape_the_rest():
    published_article(body="<p>Side effects &lt;script&gt; and tiredness &amp; doses &lt; 5 mg.</p>")
    [result] = search_articles(parse_query("tiredness")).articles
    assert "<mark>tiredness</mark>" in result.snippet
    assert "<script>" not in result.snippet
    assert "&lt; script&gt;" in result.snippet and "&amp; doses" in result.snippet


@pytest.mark.postgres
def test_text_that_looks_like_a_tag_does_not_hide_words_from_search():
    published_article(slug="tags", body="<p>Never type &lt;script&gt; here; tiredness is common.</p>")
    assert slugs("tiredness") == ["tags"]


@pytest.mark.postgres
def test_the_search_vector_has_a_gin_index():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE tablename = 'treatments_articleversion' AND indexdef ILIKE %s",
            ["%gin%search_vector%"],
        )
        assert cursor.fetchone() is not None


# --- Any database -------------------------------------------------------------------


def test_the_development_fallback_matches_words(monkeypatch):
    monkeypatch.setattr(site_search, "uses_postgres_search", lambda: False)
    published_article(slug="chemo", title="Chemotherapy", body="<p>Pemetrexed with cisplatin.</p>")
    published_article(slug="other", title="Surgery", body="<p>An operation.</p>")
    assert slugs("pemetrexed") == ["chemo"]
    assert slugs("Alimta") == ["chemo"]
    assert slugs("pemetrexed operation") == []


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "!!! ??? ...",
        "x" * 5000,
        "side effects " * 50,
        "' OR 1=1 --",
        "a & | ! :* <-> (",
        "\u202e\u200b",
        "🙂 immunothérapie 免疫",
        "%00",
    ],
)
def test_any_query_gives_a_helpful_page(client, query):
    published_article(title="Immunotherapy")
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Search</h1>" in html
    if query.strip() and not any(ch.isalnum() for ch in query):
        assert "Please type a word to search for" in html


def test_results_page_lists_matches_with_links(client):
    article = published_article(title="Immunotherapy for mesothelioma", body="<p>Immunotherapy helps.</p>")
    html = client.get("/search/", {"q": "immunotherapy"}).content.decode()
    assert "1 page found" in html
    assert f'href="{article.get_absolute_url()}"' in html
    assert 'value="immunotherapy"' in html


def test_many_matches_show_the_true_count_a_page_at_a_time(client, monkeypatch):
    monkeypatch.setattr(site_search, "RESULTS_SHOWN", 3)
    for number in range(7):
        published_article(title=f"Pleural effusion {number}", body="<p>Fluid around the lung.</p>")
    published_article(title="Surgery", body="<p>An operation.</p>")
    first = client.get("/search/", {"q": "pleural"}).content.decode()
    assert "7 pages found" in first and "page 1 of 3" in first
    assert first.count('<li>\n        <h3><a href="/treatments/') == 3
    assert 'href="?q=pleural&amp;page=2" rel="next"' in first
    seen = set(re.findall(r'<h3><a href="(/treatments/[^"]+)"', first))
    for number in (2, 3):
        page = client.get("/search/", {"q": "pleural", "page": number}).content.decode()
        found = set(re.findall(r'<h3><a href="(/treatments/[^"]+)"', page))
        assert not found & seen  # each match on one page only
        seen |= found
    assert len(seen) == 7
    assert '<ol class="search-results" id="search-results" start="7">' in page
    assert client.get("/search/", {"q": "pleural", "page": 4}).status_code == 404
    assert client.get("/search/", {"q": "pleural", "page": "last'"}).status_code == 404
    few = client.get("/search/", {"q": "surgery"}).content.decode()
    assert "1 page found" in few and "page 1 of" not in few and 'class="page-links"' not in few


def test_a_long_query_says_it_was_shortened(client):
    html = client.get("/search/", {"q": " ".join(["word"] * 30)}).content.decode()
    assert "we used only its first few words" in html


def test_every_page_has_a_search_box(client):
    html = client.get("/").content.decode()
    assert (
        '<form class="site-search" action="/search/" method="get" role="search" aria-label="Search this site">'
        in html
    )
    assert '<label for="site-search-q"' in html
