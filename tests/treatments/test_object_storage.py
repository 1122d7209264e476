"""Uploads in object storage: the real S3 code against a local S3-compatible server."""

import io
import re
import urllib.request

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from PIL import Image

from tests.factories import fresh
from tests.treatments.factories import ArticleFactory, approve, approver, nurse
from treatments import services
from treatments.models import ArticleResource

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "teal").save(buffer, "PNG")
    return buffer.getvalue()


def fetch(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - the local test server
        return response.read()


def test_an_image_and_a_leaflet_go_to_object_storage_and_are_read_back_from_the_public_page(
    client, s3_storage
):
    writer = nurse()
    client.force_login(writer)
    image = png()
    uploaded = client.post("/editor/image-upload/", {"upload": SimpleUploadedFile("scan.png", image)}).json()
    assert uploaded["url"].startswith(s3_storage.media_url + "articles/")
    assert re.fullmatch(r".*/articles/[0-9a-f]{32}\.png", uploaded["url"])  # a random name, not "scan.png"

    article = ArticleFactory(
        written_by=writer,
        last_edited_by=writer,
        body=f'<p>A scan.</p><img src="{uploaded["url"]}" alt="A scan">',
    )
    leaflet = ArticleResource.objects.create(
        article=article, title="Guide", file=SimpleUploadedFile("my guide.pdf", PDF)
    )
    keys = [
        item["Key"] for item in s3_storage.client().list_objects_v2(Bucket="charity-media-test")["Contents"]
    ]
    assert len(keys) == 2 and leaflet.file.name in keys

    # Not public before approval: the public page does not exist, so nothing links to the files.
    client.logout()
    assert client.get(article.get_absolute_url()).status_code == 404

    services.article_submit(article=article, user=fresh(writer))
    approve(
        article,
        approver=fresh(approver()),
        full_review=True,
    )
    page = client.get(article.get_absolute_url()).content.decode()
    image_url = re.search(r'<img src="([^"]+)"', page).group(1)
    leaflet_url = re.search(r'<a href="([^"]+\.pdf)"', page).group(1)
    assert image_url == uploaded["url"]
    assert fetch(image_url) == image
    assert fetch(leaflet_url) == PDF


def test_deploy_checks_warn_when_uploads_stay_on_the_local_disk():
    from core.checks import uploads_are_shared

    local = {"default": {"BACKEND": "django.core.files.storage.FileSystemStorage"}}
    with override_settings(DEBUG=False, STORAGES=local):
        assert [warning.id for warning in uploads_are_shared(None)] == ["core.W003"]
    s3 = {"default": {"BACKEND": "storages.backends.s3.S3Storage"}}
    with override_settings(DEBUG=False, STORAGES=s3):
        assert uploads_are_shared(None) == []


def test_a_polyglot_declared_as_html_is_stored_and_served_as_the_image_it_is(client, s3_storage):
    """A real PNG with a page after it, sent as text/html: the browser's word is never the stored type."""
    client.force_login(nurse())
    polyglot = png() + b"<html><script>alert(document.domain)</script></html>"
    upload = SimpleUploadedFile("pixel.png", polyglot, content_type="text/html")
    url = client.post("/editor/image-upload/", {"upload": upload}).json()["url"]
    key = url.removeprefix(s3_storage.media_url)
    stored = s3_storage.client().head_object(Bucket="charity-media-test", Key=key)
    assert stored["ContentType"] == "image/png"
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - the local test server
        assert response.headers["Content-Type"] == "image/png"


def test_a_leaflet_declared_as_html_is_stored_as_a_pdf_opened_inline_under_a_plain_name(s3_storage):
    article = ArticleFactory()
    leaflet = ArticleResource.objects.create(
        article=article,
        title="Guide",
        file=SimpleUploadedFile('guide"; evil=".pdf', PDF, content_type="text/html"),
    )
    stored = s3_storage.client().head_object(Bucket="charity-media-test", Key=leaflet.file.name)
    assert stored["ContentType"] == "application/pdf"
    assert stored["ContentDisposition"] == 'inline; filename="leaflet.pdf"'
