import io
import struct
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from tests.factories import UserFactory
from tests.treatments.factories import approver, nurse

pytestmark = pytest.mark.django_db
UPLOAD_URL = "/editor/image-upload/"


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def image_file(name="photo.png", image_format="PNG", size=(40, 30)):
    buffer = io.BytesIO()
    Image.new("RGB", size, "teal").save(buffer, image_format)
    return SimpleUploadedFile(name, buffer.getvalue())


def png_claiming(width, height, name="bomb.png"):
    """A few dozen bytes whose header claims a huge image (a decompression bomb)."""

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    data = (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b""))
        + chunk(b"IEND", b"")
    )
    return SimpleUploadedFile(name, data)


def test_the_editor_posts_to_our_upload_view():
    assert reverse("article_image_upload") == UPLOAD_URL


def test_a_nurse_uploads_an_image_under_a_random_name(client, media_root):
    client.force_login(nurse())
    response = client.post(UPLOAD_URL, {"upload": image_file("../../etc/my scan.png")})
    assert response.status_code == 200
    url = response.json()["url"]
    assert url.startswith("/media/articles/") and url.endswith(".png")
    assert "scan" not in url
    stored = media_root / url.removeprefix("/media/")
    assert stored.exists()
    assert Image.open(stored).size == (40, 30)


@pytest.mark.parametrize("image_format", ["JPEG", "WEBP"])
def test_jpeg_and_webp_are_accepted(client, image_format):
    client.force_login(nurse())
    response = client.post(UPLOAD_URL, {"upload": image_file("p.img", image_format)})
    assert response.status_code == 200


@pytest.mark.parametrize(
    "make_user",
    [
        pytest.param(lambda: UserFactory(is_staff=True), id="support-staff"),
        pytest.param(approver, id="approver"),
        pytest.param(lambda: UserFactory(is_staff=False), id="not-staff"),
    ],
)
def test_users_who_cannot_change_articles_cannot_upload(client, make_user, media_root):
    client.force_login(make_user())
    response = client.post(UPLOAD_URL, {"upload": image_file()})
    assert response.status_code == 403
    assert not any(media_root.rglob("*.png"))


def test_anonymous_upload_is_refused(client, media_root):
    assert client.post(UPLOAD_URL, {"upload": image_file()}).status_code == 403
    assert not any(media_root.rglob("*"))


@pytest.mark.parametrize(
    "upload",
    [
        pytest.param(
            lambda: SimpleUploadedFile(
                "x.svg", b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'
            ),
            id="svg",
        ),
        pytest.param(
            lambda: SimpleUploadedFile("x.png", b"<html><script>alert(1)</script></html>"), id="html-as-png"
        ),
        pytest.param(lambda: image_file("x.gif", "GIF"), id="gif"),
        pytest.param(lambda: png_claiming(20000, 20000), id="bomb-error"),
        pytest.param(lambda: png_claiming(10000, 10000), id="bomb-warning"),
        pytest.param(lambda: png_claiming(6000, 5000), id="over-pixel-cap"),
    ],
)
def test_bad_files_get_400_not_500(client, upload, media_root):
    client.force_login(nurse())
    response = client.post(UPLOAD_URL, {"upload": upload()})
    assert response.status_code == 400
    assert response.json()["error"]["message"]
    assert not any(media_root.rglob("*.*"))


def test_an_oversized_file_is_refused(client, settings):
    settings.ARTICLE_IMAGE_MAX_BYTES = 1024
    client.force_login(nurse())
    response = client.post(UPLOAD_URL, {"upload": image_file(size=(400, 400))})
    assert response.status_code == 400
    assert "too large" in response.json()["error"]["message"]


def test_upload_needs_post(client):
    client.force_login(nurse())
    assert client.get(UPLOAD_URL).status_code == 405


def test_an_upload_without_the_csrf_token_is_refused(media_root):
    """Security plan A9."""
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(nurse())
    assert client.post(UPLOAD_URL, {"upload": image_file()}).status_code == 403
    assert not any(media_root.rglob("*.png"))


def test_image_cleanup_stays_off(settings):
    """It deletes files by base name, including images other articles still use."""
    assert settings.CKEDITOR_5_IMAGE_CLEANUP is False
