"""
Trust checks: a page whose last full review came before a source it cites was
published, or before the day a source says it was checked, or that cites an
edition with a newer one recorded, is flagged on the approve page and the
review dashboard until a full review clears it. The demo content passes them.
Publication dates come from Crossref and PubMed (local servers answering with
recorded real answers).
"""

import datetime
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command
from django.test import override_settings

from tests.factories import fresh
from tests.servers.http_server import LinkServer
from tests.treatments.factories import SourceFactory, approve, approver, published_article
from treatments import services
from treatments.models import Article, NewerEdition, Source
from treatments.source_dates import published_on_lookup
from treatments.trust import trust_problems

pytestmark = pytest.mark.django_db
REVIEWED = datetime.date(2024, 2, 6)


def reviewed_page(**source_fields):
    """A public page last fully reviewed on 6 February 2024, citing one source."""
    with time_machine.travel(datetime.datetime(2024, 2, 6, 10, 0), tick=False):
        article = published_article()
    SourceFactory(article=article, position=1, **source_fields)
    return Article.objects.get(pk=article.pk)


def test_a_page_reviewed_before_its_source_was_published_is_flagged_until_a_full_review():
    page = reviewed_page(title="MARS 2", year=2024, published_on=datetime.date(2024, 5, 3))
    [problem] = trust_problems(page)
    assert problem.number == 1
    assert "published on 3 May 2024, after the page's last full review on 6 February 2024" in problem.text
    assert list(Article.objects.out_of_date_with_sources()) == [page]

    # The approver reads it against the source and records a full review.
    page.refresh_from_db()
    services.article_confirm_still_accurate(
        article=page, approver=fresh(approver()), seen_fingerprint=_fingerprint(page), sources_rechecked=True
    )
    page = Article.objects.get(pk=page.pk)
    assert page.last_reviewed_on > REVIEWED
    assert trust_problems(page) == []
    assert not Article.objects.out_of_date_with_sources().exists()


def _fingerprint(article):
    from treatments import drafts

    return drafts.article_draft_fingerprint(article)


@pytest.mark.parametrize(
    ("fields", "words"),
    [
        # Only the year: a later year is after the review; the same year cannot be told.
        ({"year": 2025, "published_on": None}, "published in 2025, after the page's last full review"),
        ({"year": 2024, "published_on": None}, "add the day it was published"),
        # A source checked after the review (the page would show "accessed" after "reviewed").
        (
            {"year": 2019, "url": "https://example.org/a", "accessed_on": datetime.date(2026, 10, 27)},
            "checked on 27 October 2026, after the page's last full review on 6 February 2024",
        ),
    ],
)
def test_dates_the_page_cannot_honestly_show_are_flagged(fields, words):
    page = reviewed_page(**fields)
    assert [words in problem.text for problem in trust_problems(page)] == [True]


def test_sources_published_and_checked_before_the_review_pass():
    page = reviewed_page(year=2021, published_on=datetime.date(2021, 1, 30), accessed_on=REVIEWED)
    assert trust_problems(page) == []
    assert not Article.objects.out_of_date_with_sources().exists()


def test_a_newer_edition_recorded_flags_every_page_citing_the_older_one():
    older = "British Thoracic Society Guideline for the investigation and management of malignant pleural mesothelioma"
    citing = reviewed_page(title=older, year=2018, published_on=datetime.date(2018, 3, 1))
    by_doi = reviewed_page(title="Something else", doi="10.1136/thoraxjnl-2017-211321", year=2018)
    not_citing = reviewed_page(title="Another guideline", year=2018, published_on=datetime.date(2018, 3, 1))
    NewerEdition.objects.create(
        replaces_title=older.upper(),
        title="BTS guideline for mesothelioma, second edition",
        published_on=datetime.date(2026, 9, 1),
        recorded_by=approver(),
    )
    NewerEdition.objects.create(
        replaces_doi="10.1136/THORAXJNL-2017-211321",
        title="The same guideline, updated",
        published_on=datetime.date(2026, 9, 1),
        recorded_by=approver(),
    )
    [problem] = trust_problems(citing)
    assert (
        "A newer edition was published on 1 September 2026" in problem.text
        and "second edition" in problem.text
    )
    assert any("updated" in problem.text for problem in trust_problems(by_doi))
    assert set(Article.objects.out_of_date_with_sources()) >= {citing, by_doi}
    assert not_citing not in set(Article.objects.out_of_date_with_sources())


def test_of_several_newer_editions_the_newest_is_named_and_all_problems_come_in_one_query(
    django_assert_num_queries,
):
    page = reviewed_page(title="Guideline A", year=2018, published_on=datetime.date(2018, 3, 1))
    for number, title in enumerate(["Guideline B", "Guideline C", "Guideline D"], 2):
        SourceFactory(
            article=page, position=number, title=title, year=2018, published_on=datetime.date(2018, 3, 1)
        )
    for replaces, title, day in [
        ("Guideline A", "Guideline A, 2025 edition", datetime.date(2025, 1, 10)),
        ("Guideline A", "Guideline A, 2026 edition", datetime.date(2026, 6, 1)),
        ("Guideline C", "Guideline C, 2026 edition", datetime.date(2026, 2, 1)),
        ("Guideline D", "Guideline D, 2025 edition", datetime.date(2025, 4, 1)),
    ]:
        NewerEdition.objects.create(
            replaces_title=replaces, title=title, published_on=day, recorded_by=approver()
        )
    with django_assert_num_queries(1):
        problems = trust_problems(page)
    assert [(problem.number, problem.text.split("“")[1].split("”")[0]) for problem in problems] == [
        (1, "Guideline A, 2026 edition"),
        (3, "Guideline C, 2026 edition"),
        (4, "Guideline D, 2025 edition"),
    ]


def test_the_approve_page_and_the_dashboard_say_so(client):
    page = reviewed_page(title="MARS 2", year=2024, published_on=datetime.date(2024, 5, 3))
    page.summary = "A new summary."
    page.save(update_fields=["summary"])
    services.article_record_edit(article=page, editor=fresh(page.written_by))
    services.article_submit(article=page, user=fresh(page.written_by))
    checker = approver()
    client.force_login(checker)
    approve_page = client.get(f"/admin/treatments/article/{page.pk}/workflow/approve/").content.decode()
    section = approve_page.split('id="trust-heading"')[1].split("<h2>")[0]
    assert "Source [1]: It was published on 3 May 2024" in section
    home = client.get("/admin/").content.decode()
    flagged = home.split("Out of date with their sources")[1].split("<h3>")[0]
    assert f"/admin/treatments/article/{page.pk}/change/" in flagged
    # A full review, the approval itself, clears it.
    approve(Article.objects.get(pk=page.pk), approver=fresh(checker), full_review=True)
    home = client.get("/admin/").content.decode()
    assert (
        f"/admin/treatments/article/{page.pk}/change/"
        not in home.split("Out of date with their sources")[1].split("<h3>")[0]
    )


@override_settings(DEBUG=True)
def test_every_demo_page_passes_the_trust_checks():
    call_command("load_demo_content", stdout=StringIO())
    articles = list(Article.objects.public())
    assert len(articles) >= 11
    assert {article.slug: trust_problems(article) for article in articles} == {a.slug: [] for a in articles}
    assert not Article.objects.out_of_date_with_sources().exists()
    # Every journal source has its publication date; every web page was checked at the review.
    for source in Source.objects.select_related("article"):
        if source.url and not source.year:
            assert source.accessed_on == source.article.last_reviewed_on, source.title
        else:
            assert source.published_on is not None, source.title


# --- Publication dates from the DOI or PubMed ID ------------------------------------------------


@pytest.fixture
def apis(settings):
    with LinkServer() as server:
        settings.CROSSREF_API_URL = f"{server.base}/crossref"
        settings.PUBMED_API_URL = f"{server.base}/pubmed"
        yield server


def test_the_date_comes_from_crossref_by_doi(apis):
    assert published_on_lookup(doi="10.7554/eLife.01567", pubmed_id="") == datetime.date(2014, 2, 11)


def test_the_earliest_pubmed_date_is_kept_online_before_print(apis):
    assert published_on_lookup(doi="", pubmed_id="22144687") == datetime.date(2011, 12, 5)
    assert published_on_lookup(doi="", pubmed_id="5683731") == datetime.date(1968, 8, 1)


def test_an_unknown_identifier_or_a_service_that_is_down_gives_no_date(apis, settings):
    assert published_on_lookup(doi="10.1000/not-recorded", pubmed_id="") is None
    settings.CROSSREF_API_URL = "http://127.0.0.1:9"  # nothing listens there
    assert published_on_lookup(doi="10.7554/eLife.01567", pubmed_id="") is None


def test_check_sources_fills_in_missing_dates_and_leaves_entered_ones(apis):
    page = reviewed_page(doi="10.7554/eLife.01567", year=2014, published_on=None)
    entered = SourceFactory(
        article=page, position=2, pubmed_id="22144687", published_on=datetime.date(2011, 12, 1)
    )
    out = StringIO()
    call_command("check_sources", stdout=out, timeout=5)
    assert "Publication dates found: 1." in out.getvalue()
    assert page.sources.get(position=1).published_on == datetime.date(2014, 2, 11)
    assert Source.objects.get(pk=entered.pk).published_on == datetime.date(2011, 12, 1)
