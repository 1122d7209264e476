"""
Documents pasted from Word and Google Docs (CKEditor 5's paste-from-office
clipboards, tests/fixtures/paste/; origin and licence in tests/fixtures/README.md),
saved as the article body as they arrive without the editor (the worst case:
the editor's own clean-up is tested in the browser) and published: the public
page has real structure and nothing empty.
"""

import re
from pathlib import Path

import pytest

from tests.factories import fresh
from tests.treatments.factories import ArticleFactory, approve, approver, nurse
from treatments import services
from treatments.content_checks import content_findings
from treatments.readability import readability_of
from treatments.sanitise import sanitise_html

pytestmark = pytest.mark.django_db

PASTES = Path(__file__).resolve().parents[1] / "fixtures" / "paste"
CLIPBOARDS = sorted(path.relative_to(PASTES).as_posix() for path in PASTES.glob("**/*.html"))
EMPTY_BLOCK = re.compile(r"<(p|h2|h3|h4|li)\b[^>]*>(\s|&nbsp;|<br>|<span>\s*</span>)*</\1>")


def clipboard(name: str) -> str:
    return (PASTES / name).read_text(encoding="utf-8", errors="replace")


def published_page(client, body: str) -> tuple[str, str]:
    writer = nurse()
    article = ArticleFactory(written_by=writer, last_edited_by=writer, body=body)
    services.article_submit(article=article, user=fresh(writer))
    approve(article, approver=fresh(approver()), full_review=True)
    article.refresh_from_db()
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    main = response.content.decode().split("<main", 1)[1].split("</main>", 1)[0]
    return main, article.live_version.body


def test_the_corpus_is_all_there():
    assert len(CLIPBOARDS) == 102  # 101 of CKEditor 5's, and the Word list captured earlier


@pytest.mark.parametrize("name", CLIPBOARDS)
def test_a_pasted_document_publishes_with_nothing_empty_and_the_checks_of_what_is_published(client, name):
    raw = clipboard(name)
    page, published = published_page(client, raw)
    assert not re.search(r"<img(?![^>]*\ssrc=\")", page), "an image without a source"
    assert not EMPTY_BLOCK.search(published), EMPTY_BLOCK.search(published).group(0)
    assert not re.search(r'<a href="#[^"]*">\s*</a>', page), "a blank link in On this page"
    assert " lang=" not in published and "mso-" not in published and "<o:p>" not in published
    assert "<h1" not in published and "<h5" not in published
    # What the nurse and approver are shown is what is published.
    assert readability_of(raw) == readability_of(published)
    draft_findings = [f for f in content_findings(raw, []) if f.check != "image-source"]
    assert draft_findings == content_findings(published, [])


def test_word_list_paragraphs_become_nested_lists_without_their_typed_markers():
    html = sanitise_html(clipboard("ckeditor5/list__nested__input.word2016.html"))
    assert re.sub(r"\s+", "", html) == (
        "<ol><li>A1</li><li>B1<ol><li>C2<ol><li>D4</li></ol></li><li>E2<ol><li>F3</li></ol></li></ol></li>"
        "<li>G1</li></ol>"
    )
    bullets = sanitise_html(clipboard("word2016-safari-nested-mixed-list.html"))
    assert "<ul>" in bullets and "·" not in bullets and "\uf0b7" not in bullets and "\uf0a7" not in bullets


def test_heading_1_is_the_first_section_and_the_rest_follow():
    assert sanitise_html("<h1>Treatment</h1><p>a</p><h2>Side effects</h2><h3>Rare</h3><h4>x</h4>") == (
        "<h2>Treatment</h2><p>a</p><h3>Side effects</h3><h4>Rare</h4><h4>x</h4>"
    )
    assert sanitise_html("<h3>Only a third level</h3><p>a</p><h4>Below it</h4>") == (
        "<h2>Only a third level</h2><p>a</p><h3>Below it</h3>"
    )
    # Already right: untouched, however often it is cleaned.
    right = "<h2>What it is</h2><p>a</p><h3>More</h3>"
    assert sanitise_html(right) == right


def test_google_docs_outer_bold_is_not_bold():
    html = sanitise_html(clipboard("ckeditor5/paste-from-google-docs__bold-wrapper__simple-text__input.html"))
    assert "<b>" not in html and "Hello world" in html


def test_tables_gain_a_header_row_and_images_without_a_picture_go_with_a_finding():
    html = sanitise_html(
        "<table><tr><td>Drug</td><td>Dose</td></tr><tr><td>Pemetrexed</td><td>500 mg/m²</td></tr></table>"
        '<figure class="image"><img src="file:///C:/Users/nia/scan.png" alt="Macintosh HD:Users:nia:scan.png"></figure>'
        '<p><img alt="chart"></p><p>&nbsp;</p><h2> </h2>'
    )
    assert html == (
        '<table><thead><tr><th scope="col">Drug</th><th scope="col">Dose</th></tr></thead>'
        "<tbody><tr><td>Pemetrexed</td><td>500 mg/m²</td></tr></tbody></table>"
    )
    findings = content_findings('<p>Text.</p><p><img src="file:///C:/a.png" alt="a"></p><img>', [])
    assert [f.check for f in findings if f.check == "image-source"] == ["image-source"]
    assert "2 images in the text cannot be shown" in findings[0].message


def test_word_file_paths_and_generated_descriptions_are_not_alternative_text(settings):
    src = f"{settings.MEDIA_URL}articles/scan.png"
    for alt in (
        "Macintosh HD:Users:nia:Desktop:scan.png",
        "image001.png",
        "A picture containing text Description automatically generated",
    ):
        findings = content_findings(f'<h2>Scan</h2><p><img src="{src}" alt="{alt}"></p>', [])
        assert any(f.check == "image-alt" and "nobody wrote" in f.message for f in findings), alt
    assert not content_findings(f'<h2>Scan</h2><p><img src="{src}" alt="A drain in the chest"></p>', [])
