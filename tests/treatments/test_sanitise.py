import pytest
from django.test import override_settings

from tests.html_checks import XSS_PAYLOADS, active_content
from treatments.sanitise import add_section_anchors, html_to_text, sanitise_html


@pytest.mark.parametrize(
    "html",
    [
        "<h2>Side effects</h2>",
        "<h2>Side effects</h2><h3>Tiredness</h3>",
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


# --- Images only from our own media, compared segment by segment ----------------------------

S3_MEDIA = "http://127.0.0.1:9000/charity-media/"


@pytest.mark.parametrize(
    "src",
    [
        f"{S3_MEDIA}../other-bucket/pixel.png",
        f"{S3_MEDIA}%2e%2e/other-bucket/pixel.png",
        f"{S3_MEDIA}%2E%2E%2Fother-bucket%2Fpixel.png",
        f"{S3_MEDIA}articles/..%2f..%2fother/pixel.png",
        f"{S3_MEDIA}articles/./a.png",
        f"{S3_MEDIA}articles\\\\..\\\\..\\\\other\\\\a.png",
        f"{S3_MEDIA}articles/a.png?x=1",
        f"{S3_MEDIA}articles/a.png#x",
        f"{S3_MEDIA}",
        "http://127.0.0.1:9000/charity-media-other/articles/a.png",  # a bucket whose name starts the same
        "https://127.0.0.1:9000/charity-media/articles/a.png",  # another scheme
        "//127.0.0.1:9000/charity-media/articles/a.png",
        "http://127.0.0.1:9001/charity-media/articles/a.png",  # another port
        "/charity-media/articles/a.png",
    ],
)
def test_an_image_outside_our_media_folder_loses_its_address(settings, src):
    settings.MEDIA_URL = S3_MEDIA
    cleaned = sanitise_html(f'<p>x</p><img src="{src}" alt="pixel">')
    assert "src=" not in cleaned


def test_an_image_in_our_media_folder_keeps_its_address(settings):
    settings.MEDIA_URL = S3_MEDIA
    src = f"{S3_MEDIA}articles/0123456789abcdef0123456789abcdef.png"
    assert f'<img src="{src}" alt="A scan">' in sanitise_html(f'<img src="{src}" alt="A scan">')
