"""Sources that are watched: DOI and PubMed links, and check_sources against a real local web server."""

from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from tests.factories import fresh
from tests.http_server import LinkServer
from tests.treatments.factories import (
    ArticleFactory,
    SourceFactory,
    approve,
    approver,
    nurse,
    published_article,
)
from treatments import services
from treatments.link_check import check_url
from treatments.models import Article, Source

pytestmark = pytest.mark.django_db


@pytest.fixture
def link_server():
    with LinkServer() as server:
        yield server


def test_each_answer_is_recorded_as_what_it_means(link_server):
    article = ArticleFactory()
    for path in ["/ok", "/moved", "/temporary", "/gone", "/error", "/no-head", "/never"]:
        SourceFactory(article=article, url=link_server.base + path, title=path)
    out = StringIO()
    call_command("check_sources", "--timeout", "1", stdout=out)
    found = {source.title: source for source in Source.objects.all()}
    assert (found["/ok"].link_status, found["/ok"].link_status_code) == ("works", 200)
    assert found["/moved"].link_status == "moved" and found["/moved"].link_status_code == 301
    assert found["/moved"].link_moved_to == link_server.base + "/ok-new-home"
    assert found["/temporary"].link_status == "works"  # a temporary redirect is not a move
    assert (found["/gone"].link_status, found["/gone"].link_status_code) == ("broken", 404)
    assert (found["/error"].link_status, found["/error"].link_status_code) == ("broken", 500)
    assert found["/no-head"].link_status == "works"  # HEAD refused, GET answered
    assert found["/never"].link_status == "no_answer" and "1 seconds" in found["/never"].link_error
    assert all(source.link_checked_at for source in found.values())
    assert "Links checked: 7; work: 3; moved: 1; broken: 2; did not answer: 1." in out.getvalue()


def test_an_unreachable_host_does_not_answer():
    result = check_url("http://127.0.0.1:9/", timeout=1)
    assert result.status == "no_answer" and result.error


def test_a_broken_source_puts_its_article_on_the_dashboard_before_its_review_is_due(client, link_server):
    writer = nurse()
    article = published_article(editor=writer, title="Radiotherapy")
    SourceFactory(article=article, url=link_server.base + "/gone")
    healthy = published_article(title="Surgery")
    SourceFactory(article=healthy, url=link_server.base + "/ok")
    call_command("check_sources", "--timeout", "1", stdout=StringIO())
    assert list(Article.objects.sources_need_a_look()) == [article]
    assert not article.is_review_overdue()
    client.force_login(writer)
    home = client.get("/admin/").content.decode()
    section = home.split("Source links need a look")[1].split("<h3>")[0]
    assert "(1)" in section and "Radiotherapy" in section and "Surgery" not in section
    page = client.get(f"/admin/treatments/article/{article.pk}/change/").content.decode()
    assert "Broken</strong>" in page and "the site answered 404" in page


def test_changing_a_link_forgets_the_old_check(link_server):
    source = SourceFactory(url=link_server.base + "/gone")
    call_command("check_sources", "--timeout", "1", stdout=StringIO())
    source.refresh_from_db()
    assert source.link_status == "broken"
    source.url = link_server.base + "/ok"
    source.save()
    source.refresh_from_db()
    assert source.link_status == "" and source.link_checked_at is None


@pytest.mark.parametrize(
    ("doi", "pubmed_id", "valid"),
    [
        ("10.1016/S0140-6736(20)32714-8", "33485464", True),
        ("doi:10.1016/x", "", False),
        ("10.1/x", "", False),
        ("", "PMC123", False),
        ("", "0123", False),
    ],
)
def test_doi_and_pubmed_formats(doi, pubmed_id, valid):
    source = SourceFactory.build(article=ArticleFactory(), doi=doi, pubmed_id=pubmed_id)
    if valid:
        source.full_clean()
    else:
        with pytest.raises(ValidationError):
            source.full_clean()


def test_doi_and_pubmed_show_as_links_on_the_public_page(client):
    writer = nurse()
    article = ArticleFactory(written_by=writer, last_edited_by=writer)
    SourceFactory(article=article, doi="10.1016/S0140-6736(20)32714-8", pubmed_id="33485464")
    services.article_submit(article=article, user=fresh(writer))
    approve(
        article,
        approver=fresh(approver()),
        full_review=True,
    )
    page = client.get(article.get_absolute_url()).content.decode()
    assert 'href="https://doi.org/10.1016/S0140-6736(20)32714-8"' in page
    assert 'href="https://pubmed.ncbi.nlm.nih.gov/33485464/"' in page
