"""An article page view: at most 60 KB transferred compressed, at most 5 requests, no JavaScript."""

import gzip
from pathlib import Path
from urllib.parse import urlparse

import pytest
from django.contrib.staticfiles import finders

from tests.html_checks import elements
from treatments.models import Article

pytestmark = pytest.mark.django_db
BUDGET_BYTES = 60 * 1024
BUDGET_REQUESTS = 5


def referenced_assets(html: str) -> list[str]:
    """Every URL the browser fetches to show the page (not links it may follow)."""
    urls = []
    for tag, attrs in elements(html):
        if tag == "link" and attrs.get("rel") in {"stylesheet", "icon", "preload", "manifest"}:
            urls.append(attrs["href"])
        elif tag in {"script", "img", "iframe", "source", "video", "audio"} and attrs.get("src"):
            urls.append(attrs["src"])
    return urls


def test_the_heaviest_demo_article_fits_the_budget(client, settings):
    settings.DEBUG = True
    from io import StringIO

    from django.core.management import call_command

    call_command("load_demo_content", stdout=StringIO())
    settings.DEBUG = False
    heaviest = max(Article.objects.public(), key=lambda article: len(article.live_version.body))
    response = client.get(heaviest.get_absolute_url(), HTTP_ACCEPT_ENCODING="gzip")
    assert response["Content-Encoding"] == "gzip"
    html = gzip.decompress(response.content).decode()

    assets = referenced_assets(html)
    assert not [url for url in assets if url.endswith(".js")], "no JavaScript on public pages"
    assert not [url for url in assets if urlparse(url).netloc], "no third-party requests"
    total = len(response.content)
    for url in assets:
        path = finders.find(url.removeprefix(settings.STATIC_URL))
        assert path, url
        total += len(gzip.compress(Path(path).read_bytes()))
    assert 1 + len(assets) <= BUDGET_REQUESTS
    assert total <= BUDGET_BYTES, f"{total} bytes"
