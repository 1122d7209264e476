import re
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.factories import fresh
from tests.treatments.factories import approve, approver, article_form_data, nurse, published_article
from treatments import services
from treatments.models import ArticleResource

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def upload_leaflet(client, article, name, content, title="Immunotherapy leaflet"):
    data = article_form_data(
        article,
        **{
            "resources-TOTAL_FORMS": "1",
            "resources-0-title": title,
            "resources-0-position": "1",
            "resources-0-file": SimpleUploadedFile(name, content, content_type="application/pdf"),
        },
    )
    return client.post(f"/admin/treatments/article/{article.pk}/change/", data)


def test_a_pdf_leaflet_is_listed_only_after_approval(client, media_root):
    writer = nurse()
    article = published_article(editor=writer)
    client.force_login(writer)
    assert upload_leaflet(client, article, "my leaflet.pdf", PDF).status_code == 302
    resource = ArticleResource.objects.get()
    assert resource.size_bytes == len(PDF)
    assert re.fullmatch(r"leaflets/[0-9a-f]{32}\.pdf", resource.file.name)
    assert (media_root / resource.file.name).read_bytes() == PDF
    assert "Immunotherapy leaflet" not in client.get(article.get_absolute_url()).content.decode()

    services.article_submit(article=article, user=fresh(writer))
    approve(
        article,
        approver=fresh(approver()),
        full_review=False,
    )
    html = client.get(article.get_absolute_url()).content.decode()
    assert (
        f'<a href="/media/{resource.file.name}">Immunotherapy leaflet</a> (PDF, {len(PDF)}\xa0bytes)' in html
    )


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("leaflet.pdf", b"MZ\x90\x00 this is an executable renamed to .pdf", "not a PDF"),
        ("leaflet.pdf", b"<html><script>alert(1)</script></html>", "not a PDF"),
        ("leaflet.docx", PDF, "name should end in .pdf"),
    ],
)
def test_files_that_are_not_pdfs_are_refused(client, name, content, message, media_root):
    writer = nurse()
    article = published_article(editor=writer)
    client.force_login(writer)
    response = upload_leaflet(client, article, name, content)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not ArticleResource.objects.exists()
    assert not list(media_root.rglob("*.pdf"))


def test_an_oversized_pdf_is_refused(client, settings):
    settings.ARTICLE_LEAFLET_MAX_BYTES = 50
    writer = nurse()
    article = published_article(editor=writer)
    client.force_login(writer)
    response = upload_leaflet(client, article, "big.pdf", PDF)
    assert "too large" in response.content.decode()
    assert not ArticleResource.objects.exists()


def print_rules() -> str:
    css = (Path(__file__).resolve().parents[2] / "static/css/site.css").read_text()
    return "\n".join(re.findall(r"@media print \{(.*?)\n\}", css, re.DOTALL))


def hidden_in_print() -> set[str]:
    selectors = set()
    for block in re.findall(r"([^{}]+)\{[^{}]*display:\s*none", print_rules()):
        selectors |= {selector.strip() for selector in block.split(",")}
    return selectors


def test_print_hides_navigation_forms_and_feedback():
    hidden = hidden_in_print()
    for selector in [
        ".site-nav",
        ".site-search",
        ".feedback",
        "form",
        "button",
        ".skip-link",
        ".on-this-page",
    ]:
        assert selector in hidden, selector


def test_print_writes_out_link_addresses_except_where_the_text_is_the_address():
    rules = print_rules()
    assert 'main a[href^="http"]::after' in rules and "attr(href)" in rules
    assert re.search(r"main \.sources a\[href\]::after\s*\{\s*content: none;", rules)


def test_the_printed_parts_are_on_the_article_page(client):
    article = published_article()
    html = client.get(article.get_absolute_url()).content.decode()
    # Review block, sources and the support line are plain content; feedback is marked no-print.
    assert 'class="review-block"' in html and 'class="support-cta"' in html
    assert 'class="feedback no-print"' in html
