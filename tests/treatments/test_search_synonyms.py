"""
Search that does not mislead: the names readers use that the pages do not
(kept by nurses as synonyms) find the pages' own words before any spelling is
suggested; a suggestion is only a close respelling from titles, headings or the
glossary that finds something, never of a word the glossary or synonyms know.
"""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import override_settings

from tests.treatments.factories import nurse, published_article
from treatments import search
from treatments.models import SearchSynonym

pytestmark = pytest.mark.django_db
needs_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="pg_trgm suggestions need PostgreSQL"
)

# What readers typed, and the demo page each should find.
READERS_WORDS = {
    "pleurx": "fluid-on-the-lung",
    "stage 4": "tests-and-diagnosis",
    "hospice": "living-with-mesothelioma",
    "end of life": "living-with-mesothelioma",
    "steroids": "immunotherapy",
    "compensation": "compensation-and-benefits",
    "asbestos": "compensation-and-benefits",
    "inquest": "compensation-and-benefits",
    "peritoneal": "peritoneal-mesothelioma",
    "diagnosis": "tests-and-diagnosis",
    "keytruda": None,  # a brand name of a drug our pages do not offer: nothing, and no respelling
}


@pytest.fixture
def demo(db):
    with override_settings(DEBUG=True):
        call_command("load_demo_content", stdout=StringIO())


@pytest.mark.parametrize(("typed", "slug"), READERS_WORDS.items())
def test_what_readers_type_finds_the_right_page_and_is_never_respelt(client, demo, typed, slug):
    page = client.get("/search/", {"q": typed}).content.decode()
    assert "Did you mean" not in page, typed
    if slug:
        assert f'href="/treatments/{slug}/"' in page.split('id="search-results"')[1].split("</ol>")[0], typed


def test_a_synonym_finds_the_words_the_pages_use(demo):
    found = search.search_articles(search.parse_query("pleurx"))
    assert [article.slug for article in found.articles] == ["fluid-on-the-lung"]
    # Longest first: "stage 4" is one synonym, not "stage" then "4".
    [clause] = search.search_clauses(search.parse_query("stage 4"))
    assert clause == [("stage", "4"), ("stage",)]


def test_nurses_keep_the_synonyms_in_the_admin(client):
    client.force_login(nurse())
    response = client.post(
        "/admin/treatments/searchsynonym/add/",
        {"typed": "  Talc  Poudrage ", "finds": "talc pleurodesis", "active": "on"},
    )
    assert response.status_code == 302
    assert SearchSynonym.objects.get(finds="talc pleurodesis").typed == "talc poudrage"
    again = client.post("/admin/treatments/searchsynonym/add/", {"typed": "TALC poudrage", "finds": "talc"})
    assert "This is already on the list" in again.content.decode()


@pytest.fixture
def pages():
    published_article(
        title="Going into hospital",
        summary="What to bring.",
        body="<h2>Side effects</h2><p>Some people feel sterile and tired.</p><h2>Where you stay</h2><p>A ward.</p>",
    )


@needs_postgres
@pytest.mark.parametrize("typed", ["hospice", "steroids", "stage", "ends"])
def test_a_word_only_like_a_page_word_gets_no_suggestion(pages, typed):
    search.search_words_refresh()
    assert search.suggestion(search.parse_query(typed)) is None


@needs_postgres
def test_a_close_misspelling_of_a_heading_word_is_suggested_with_its_results(pages):
    search.search_words_refresh()
    found = search.suggestion(search.parse_query("side efects"))
    assert found.query == "side effects" and found.results.total == 1


@needs_postgres
def test_a_body_word_is_never_offered_only_titles_headings_and_the_glossary(pages):
    search.search_words_refresh()
    # "sterile" is on the page, in its body only: it is known, never offered.
    assert search.suggestion(search.parse_query("sterle")) is None


@needs_postgres
def test_no_suggestion_for_a_word_the_synonyms_know(pages):
    SearchSynonym.objects.create(typed="hospitle", finds="nothing here")
    search.search_words_refresh()
    assert search.suggestion(search.parse_query("hospitle")) is None
