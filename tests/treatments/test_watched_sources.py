"""Sources that are watched: DOI and PubMed links, and check_sources against a real local web server."""

from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from tests.factories import fresh
from tests.servers.http_server import LinkServer
from tests.treatments.factories import (
    ArticleFactory,
    SourceFactory,
    approve,
    approver,
    nurse,
    published_article,
)
from treatments import services
from treatments.link_check import url_check
from treatments.models import Article, Source

pytestmark = pytest.mark.django_db


@pytest.fixture
def link_server(settings):
    """A web server on this machine, which check_sources may reach only because this test says so."""
    settings.SOURCE_CHECK_ALLOWED_NETWORKS = ["127.0.0.1/32"]
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
    assert (
        "Links checked: 7; work: 3; moved: 1; broken: 2; did not answer: 1; not followed: 0."
        in out.getvalue()
    )


def test_an_unreachable_host_does_not_answer(settings):
    settings.SOURCE_CHECK_ALLOWED_NETWORKS = ["127.0.0.1/32"]
    result = url_check("http://127.0.0.1:9/", timeout=1)
    assert result.status == "no_answer" and result.error == "the site could not be reached"


# --- A nurse's link never makes the server reach into its own network --------------------


@pytest.mark.parametrize(
    "address",
    ["127.0.0.1", "127.0.0.2", "[::1]", "10.0.0.1", "192.168.1.1", "172.16.0.1", "169.254.169.254", "[fe80::1]",
     "224.0.0.1", "0.0.0.0", "100.64.0.1", "[::ffff:127.0.0.1]", "localhost"],  # noqa: S104 - refused, never bound
)  # fmt: skip
def test_an_address_not_on_the_public_internet_is_never_requested(address):
    with LinkServer() as server:  # listening on loopback: it must not be asked anything
        port = server.base.rsplit(":", 1)[1]
        result = url_check(f"http://{address}:{port}/ok", timeout=1)
        assert result.status == "not_followed"
        assert result.error == "the address is not on the public internet, so it was not checked"
        assert server.requests == []


def test_open_and_closed_ports_give_the_same_answer():
    with LinkServer() as server:
        open_port = server.base.rsplit(":", 1)[1]
        assert url_check(f"http://127.0.0.1:{open_port}/ok", timeout=1) == url_check(
            "http://127.0.0.1:9/", timeout=1
        )


@pytest.mark.parametrize(
    "target",
    ["ftp://127.0.0.1/", "file:///etc/passwd", "data:text/plain,hello", "gopher://127.0.0.1:70/"],
)
def test_a_redirect_to_another_scheme_is_not_followed(link_server, target):
    result = url_check(f"{link_server.base}/redirect?to={target}", timeout=2)
    assert result.status == "not_followed"
    assert result.error == "it sends visitors to something other than a web page, so it was not followed"


def test_a_redirect_to_an_address_not_on_the_public_internet_is_not_followed(link_server):
    port = link_server.base.rsplit(":", 1)[1]
    # 127.0.0.1 is allowed for this test; 127.0.0.2 (this machine too) is not.
    result = url_check(f"{link_server.base}/redirect?to=http://127.0.0.2:{port}/ok", timeout=2)
    assert result.status == "not_followed" and "not on the public internet" in result.error
    assert [path for path in link_server.requests if path.startswith("/ok")] == []


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
