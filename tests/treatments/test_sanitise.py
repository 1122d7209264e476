import pytest
from django.test import override_settings

from tests.html_checks import XSS_PAYLOADS, active_content
from treatments.sanitise import add_section_anchors, html_to_text, sanitise_html


@pytest.mark.parametrize(
    "html",
    [
        "<h2>Side effects</h2>",
        "<h3>Tiredness</h3>",
        "<p>Plain <strong>bold</strong> and <em>emphasis</em>.</p>",
        "<ul><li>one</li></ul>",
        "<ol><li>one</li></ol>",
        "<blockquote><p>It helped me.</p></blockquote>",
        "<table><thead><tr><th>Drug</th></tr></thead><tbody><tr><td>Nivolumab</td></tr></tbody></table>",
        '<p><a href="/treatments/chemotherapy/" rel="noopener">relative</a></p>',
        '<p><a href="mailto:support@example.org" rel="noopener">email</a></p>',
        '<p><a href="tel:08081570192" rel="noopener">call</a></p>',
        '<figure><img src="/media/articles/a.png" alt="A drip stand"><figcaption>Drip</figcaption></figure>',
    ],
)
def test_allowed_markup_survives_unchanged(html):
    assert sanitise_html(html) == html


def test_external_links_get_rel_noopener():
    cleaned = sanitise_html('<a href="https://www.cancer.gov/" target="_blank">NCI</a>')
    assert cleaned == '<a href="https://www.cancer.gov/" rel="noopener">NCI</a>'


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_xss_payloads_are_inert(payload):
    cleaned = sanitise_html(f"<p>Before</p>{payload}")
    assert active_content(cleaned) == []
    assert cleaned.startswith("<p>Before</p>")


def test_the_checker_finds_active_content():
    # The check above must be able to fail.
    found = active_content('<p onclick="x">a</p><a href=" JavaScript:alert(1)">b</a><script></script>')
    assert found == ["<p onclick>", "<a href=' JavaScript:alert(1)'>", "<script>"]


@override_settings(MEDIA_URL="/media/")
def test_images_from_elsewhere_lose_their_source():
    assert "evil" not in sanitise_html('<img src="https://evil.example/track.png" alt="x">')
    assert "evil" not in sanitise_html('<img src="//evil.example/track.png" alt="x">')


def test_bidirectional_override_characters_are_removed():
    assert sanitise_html("<p>safe\u202etxt.exe\u2066</p>") == "<p>safetxt.exe</p>"


def test_sanitising_is_idempotent():
    once = sanitise_html('<p>a <a href="https://x.example/">b</a> <img src=x onerror=y></p>')
    assert sanitise_html(once) == once


def test_sections_get_unique_anchors():
    html, sections = add_section_anchors(
        "<h2>Side effects</h2><p>x</p><h2>Side effects</h2><h2>A &amp; B</h2>"
    )
    assert sections == [
        {"id": "side-effects", "text": "Side effects"},
        {"id": "side-effects-2", "text": "Side effects"},
        {"id": "a-b", "text": "A & B"},
    ]
    assert '<h2 id="side-effects-2">Side effects</h2>' in html
    assert '<h2 id="a-b">A &amp; B</h2>' in html


def test_html_to_text_keeps_one_block_per_line():
    html = "<h2>Title</h2><p>One &amp; two.</p><ul><li>a</li><li>b</li></ul>"
    assert html_to_text(html) == "Title\nOne & two.\na\nb"
