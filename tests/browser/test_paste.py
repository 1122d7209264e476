"""
Pasting from Word and Google Docs into the real article editor: an HTML-only
Word clipboard's images cannot be brought in, and the page names each one;
an image pasted as data is uploaded; Heading 1 becomes the page's first
section level, empty paragraphs go and a table gains a header row before the
text is saved.
"""

import base64
import io
from pathlib import Path

import pytest
from PIL import Image
from playwright.sync_api import expect

from tests.browser.pages import serious_violations, sign_in
from tests.treatments.factories import ArticleFactory, nurse
from treatments.models import Article

pytestmark = pytest.mark.django_db(transaction=True)
SCREENSHOTS = Path(__file__).parent / "screenshots"
PASTES = Path(__file__).resolve().parents[1] / "fixtures" / "paste" / "ckeditor5"

PASTE = """([html]) => {
  const target = document.querySelector(".ck-editor__editable");
  const clipboard = new DataTransfer();
  clipboard.setData("text/html", html);
  clipboard.setData("text/plain", "");
  target.dispatchEvent(new ClipboardEvent("paste", { clipboardData: clipboard, bubbles: true, cancelable: true }));
}"""


def open_editor(visit):
    writer = nurse(username="nia")
    article = ArticleFactory(written_by=writer, last_edited_by=writer, body="<p>Start.</p>")
    page = visit(viewport={"width": 1280, "height": 900})
    sign_in(page, writer.username)
    page.goto(f"/admin/treatments/article/{article.pk}/change/")
    page.locator(".ck-editor__editable").first.click()
    page.keyboard.press("Control+End")
    page.keyboard.press("Enter")
    return page, article


def test_images_a_word_clipboard_cannot_bring_are_named_on_the_page_and_never_saved_empty(visit):
    page, article = open_editor(visit)
    page.evaluate(
        PASTE, [(PASTES / "image__online-offline__input.word2016.html").read_text(encoding="utf-8")]
    )

    notice = page.locator("#id_body-paste-notice")
    expect(notice).to_contain_text("3 images in what you pasted could not be brought in")
    for name in ("http://placekitten.com/200/305", "clip_image002.png", "clip_image003.png"):
        expect(notice).to_contain_text(name)
    editable = page.locator(".ck-editor__editable").first
    expect(editable).to_contain_text("Kitty from internet")
    assert editable.locator("img").count() == 0
    assert not serious_violations(page, "#id_body-paste-notice")
    page.screenshot(path=str(SCREENSHOTS / "paste-images-not-brought-in-1280.png"), full_page=True)

    page.get_by_role("button", name="Save and continue editing").click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    body = Article.objects.get(pk=article.pk).body
    assert "Kitty from internet" in body and "<img" not in body


def test_a_pasted_documents_headings_empty_paragraphs_and_tables_are_made_right_in_the_editor(visit):
    page, _ = open_editor(visit)
    page.evaluate(
        PASTE,
        [
            "<h1>Chemotherapy</h1><p>What it is.</p><p>&nbsp;</p><h2>Side effects</h2><h3> </h3>"
            "<table><tr><td>Drug</td><td>Dose</td></tr><tr><td>Pemetrexed</td><td>500 mg</td></tr></table>"
        ],
    )
    data = page.evaluate("() => window.editors.id_body.getData()")
    assert "<h2>Chemotherapy</h2>" in data and "<h3>Side effects</h3>" in data
    assert "&nbsp;" not in data and "<h3>&nbsp;</h3>" not in data
    assert "<thead><tr><th>Drug</th><th>Dose</th></tr></thead>" in data.replace(' scope="col"', "")
    expect(page.locator("#id_body-paste-notice")).to_be_empty()


def test_an_image_pasted_as_data_is_uploaded_and_kept(visit, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    page, article = open_editor(visit)
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 40, 40)).save(buffer, "PNG")
    source = "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()
    page.evaluate(PASTE, [f'<p>A scan:</p><p><img src="{source}" alt="A chest scan"></p>'])
    uploaded = page.locator(f'.ck-editor__editable img[src^="{settings.MEDIA_URL}"]')
    expect(uploaded).to_have_count(1)
    expect(page.locator("#id_body-paste-notice")).to_be_empty()
    page.get_by_role("button", name="Save and continue editing").click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    body = Article.objects.get(pk=article.pk).body
    assert f'src="{settings.MEDIA_URL}' in body and 'alt="A chest scan"' in body and "data:" not in body
