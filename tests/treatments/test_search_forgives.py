"""Search that forgives: a spelling suggestion with its results, title-first ranking, and what nobody found."""

import datetime

import pytest
import time_machine
from django.db import connection

from tests.treatments.factories import nurse, published_article
from treatments import search
from treatments.models import UnfoundSearch

pytestmark = pytest.mark.django_db
needs_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="pg_trgm suggestions need PostgreSQL"
)


@pytest.fixture
def pages():
    return {
        "immunotherapy": published_article(
            title="Immunotherapy",
            summary="Drugs that help the immune system.",
            body="<h2>Side effects</h2><p>They can include a rash.</p>",
        ),
        "trials": published_article(
            title="Clinical trials",
            summary="Research studies.",
            body="<p>Some trials test immunotherapy drugs.</p>",
        ),
    }


@needs_postgres
def test_a_misspelt_search_suggests_a_spelling_and_shows_what_it_finds(client, pages):
    response = client.get("/search/", {"q": "side efects"})
    page = response.content.decode()
    assert "No pages found" in page
    assert 'Did you mean <a href="/search/?q=side%20effects">side effects</a>?' in page
    assert "1 page found for “side effects”" in page and "Immunotherapy</a>" in page


@needs_postgres
def test_a_word_the_pages_use_is_not_corrected(pages):
    assert search.suggestion(search.parse_query("rash")) is None
    assert search.suggestion(search.parse_query("zzzzqqq")) is None


def test_without_full_text_search_title_matches_come_first(client, pages, monkeypatch):
    monkeypatch.setattr(search, "uses_postgres_search", lambda: False)
    results = search.search_articles(search.parse_query("immuno"))
    assert [article.live_version.title for article in results.articles] == [
        "Immunotherapy",
        "Clinical trials",
    ]


def test_a_search_that_found_nothing_is_counted_with_its_words_only(client, pages):
    client.get("/search/", {"q": "Travel Insurance!"}, REMOTE_ADDR="203.0.113.9")
    client.get("/search/", {"q": "travel   insurance"})
    client.get("/search/", {"q": "immunotherapy"})  # found: not counted
    row = UnfoundSearch.objects.get()
    assert (row.query, row.count, row.day) == ("travel insurance", 2, datetime.date.today())
    assert {field.name for field in UnfoundSearch._meta.get_fields()} == {"id", "day", "query", "count"}

    client.force_login(nurse())
    home = client.get("/admin/").content.decode()
    assert "<li>“travel insurance”: 2 times</li>" in home


def test_unfound_searches_are_kept_90_days():
    old_day = datetime.date(2026, 8, 1)
    UnfoundSearch.objects.create(day=old_day, query="old words")
    with time_machine.travel(datetime.datetime(2026, 11, 23, 12, tzinfo=datetime.UTC)):
        search.unfound_search_record("new words")
    assert list(UnfoundSearch.objects.values_list("query", flat=True)) == ["new words"]


def test_the_word_list_follows_what_the_public_sees(pages):
    from treatments.models import SearchWord

    assert SearchWord.objects.filter(word="immunotherapy").exists()
    assert not SearchWord.objects.filter(word="pembrolizumab").exists()
    published_article(title="Pembrolizumab")
    assert SearchWord.objects.filter(word="pembrolizumab").exists()


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("jane.smith@example.org chemo", "chemo"),
        ("appointment 07700 900123", "appointment"),
        ("+44 (0)1632 960 734 nurse", "nurse"),
        ("nhs 943 476 5919 results", "nhs results"),
        ("9434765919", None),
        ("drain SW1A 1AA clinic", "drain clinic"),
        ("born 12/03/1954 surgery", "born surgery"),
        ("dob 12 March 1954", "dob"),
        ("March 12, 1954 scan", "scan"),
        ("1954-03-12", None),
    ],
)
def test_a_search_never_keeps_what_looks_like_someones_details(typed, kept):
    search.unfound_search_record(typed)
    assert list(UnfoundSearch.objects.values_list("query", flat=True)) == ([kept] if kept else [])


def test_a_day_keeps_a_bounded_number_of_different_searches(settings, monkeypatch):
    monkeypatch.setattr(search, "UNFOUND_MAX_PER_DAY", 3)
    for n in range(6):
        search.unfound_search_record(f"query number {'abcdef'[n]}")
    search.unfound_search_record("query number a")  # one already kept is still counted
    assert UnfoundSearch.objects.count() == 3
    assert UnfoundSearch.objects.get(query="query number a").count == 2
