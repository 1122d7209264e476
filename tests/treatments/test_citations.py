"""Citations in the text: linked to their numbered source and back, checked at approval, kept by the sanitiser."""

import pytest

from tests.factories import fresh
from tests.treatments.factories import ArticleFactory, SourceFactory, approve, approver, nurse
from treatments import services
from treatments.citations import citation_problems, marker_numbers
from treatments.content_checks import content_findings
from treatments.models import ArticleVersion
from treatments.sanitise import sanitise_html
from treatments.services import WorkflowError

pytestmark = pytest.mark.django_db


def article_with(body: str, sources: int):
    writer = nurse()
    article = ArticleFactory(written_by=writer, last_edited_by=writer, body=body)
    for position in range(sources):
        SourceFactory(article=article, position=position, title=f"Study {position + 1}")
    services.article_submit(article=article, user=fresh(writer))
    return article


@pytest.mark.parametrize(
    ("inside", "numbers"), [("2", [2]), ("1, 3", [1, 3]), ("2-4", [2, 3, 4]), ("2 – 4", [2, 3, 4])]
)
def test_marker_numbers(inside, numbers):
    assert marker_numbers(inside) == numbers


def test_a_citation_to_a_missing_source_blocks_approval():
    article = article_with("<p>Nivolumab can help [1]. It is given every two weeks [3].</p>", sources=2)
    with pytest.raises(WorkflowError, match=r"cites \[3\], but the article has 2 sources"):
        approve(
            article,
            approver=fresh(approver()),
            full_review=True,
        )
    assert not ArticleVersion.objects.filter(article=article).exists()


def test_a_valid_citation_links_to_its_source_and_the_source_links_back(client):
    article = article_with(
        "<p>Nivolumab can help [2]. Both agree [1, 2].</p><p>Not a link: <a href='/x'>[1]</a></p>", 2
    )
    approve(
        article,
        approver=fresh(approver()),
        full_review=True,
    )
    page = client.get(article.get_absolute_url()).content.decode()
    assert (
        '<sup class="citation">[<a href="#source-2" id="cite-2-1" rel="noopener"><span class="visually-hidden">source </span>2</a>]</sup>'
        in page
    )
    assert 'id="cite-1-1"' in page and 'id="cite-2-2"' in page
    assert '<li id="source-2">' in page
    source_two = page.split('<li id="source-2">')[1].split("</li>")[0]
    assert '<a href="#cite-2-1">place 1</a>' in source_two and '<a href="#cite-2-2">place 2</a>' in source_two
    source_one = page.split('<li id="source-1">')[1].split("</li>")[0]
    assert '<a href="#cite-1-1">back to where it is cited</a>' in source_one
    assert (
        "'/x'>[1]" not in page and '<a href="/x" rel="noopener">[1]</a>' in page
    )  # a link's text is left alone


def test_uncited_sources_and_missing_ones_are_listed_for_the_nurse():
    findings = {
        finding.check: finding.message
        for finding in content_findings("<p>Claim [1] and [4].</p>", [{"year": 2020}] * 3)
    }
    assert "there is no source 4" in findings["citation-missing"]
    assert citation_problems("<p>Claim [1].</p>", 3).uncited == [2, 3]
    assert citation_problems("<p>No citations at all.</p>", 3).uncited == []  # nothing to advise about yet


def test_the_sanitiser_keeps_citation_markup_and_drops_other_classes_and_styles():
    kept = '<sup class="citation">[<a href="#source-1" id="cite-1-1"><span class="visually-hidden">source </span>1</a>]</sup>'
    assert 'class="citation"' in sanitise_html(kept) and 'id="cite-1-1"' in sanitise_html(kept)
    dirty = (
        '<span class="evil visually-hidden" style="position:fixed">x</span><sup class="x" onclick="y">1</sup>'
    )
    assert sanitise_html(dirty) == '<span class="visually-hidden">x</span><sup>1</sup>'
    assert 'id="bad id"' not in sanitise_html('<a href="#a" id="bad id">x</a>')


def test_the_review_line_sits_under_the_title(client):
    article = article_with("<p>Text.</p>", 0)
    approve(
        article,
        approver=fresh(approver()),
        full_review=True,
    )
    article.refresh_from_db()
    page = client.get(article.get_absolute_url()).content.decode()
    line = page.split('<p class="review-line">')[1].split("</p>")[0]
    assert page.index('class="review-line"') < page.index('class="lead"')
    assert f'Page last reviewed: <time datetime="{article.last_reviewed_on:%Y-%m-%d}">' in line
    assert (
        f'Next review due: <time datetime="{article.next_review_due_on:%Y-%m}">{article.next_review_due_on:%B %Y}</time>'
        in line
    )
