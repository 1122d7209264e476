import datetime
import json
import re
import xml.etree.ElementTree as ET

import pytest
import time_machine

from tests.factories import fresh
from tests.html_checks import elements
from tests.treatments.factories import ArticleFactory, SourceFactory, approve, approver, published_article
from treatments import services
from treatments.models import Article

pytestmark = pytest.mark.django_db
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def test_the_sitemap_lists_public_articles_with_their_review_date_and_the_static_pages(client):
    with time_machine.travel(datetime.date(2026, 3, 4), tick=False):
        article = published_article(slug="immunotherapy")
    ArticleFactory(slug="never-approved")
    checker = approver()
    withdrawn = published_article(slug="withdrawn", approver_user=checker)
    services.article_archive(article=withdrawn, approver=fresh(checker))

    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)  # noqa: S314 - our own sitemap
    entries = {
        url.find("s:loc", SITEMAP_NS).text: url.find("s:lastmod", SITEMAP_NS)
        for url in root.findall("s:url", SITEMAP_NS)
    }
    locations = {re.sub(r"^https?://[^/]+", "", loc): lastmod for loc, lastmod in entries.items()}
    assert locations[article.get_absolute_url()].text == "2026-03-04"
    for path in ["/", "/treatments/", "/support/contact/", "/privacy/", "/accessibility/"]:
        assert path in locations
    assert "/treatments/never-approved/" not in locations
    assert "/treatments/withdrawn/" not in locations
    # The topic of the public page is listed; one with only a draft and a withdrawn page is not.
    assert f"/treatments/topics/{article.category_id}/" in locations
    for hidden in Article.objects.exclude(pk=article.pk):
        assert f"/treatments/topics/{hidden.category_id}/" not in locations


def test_robots_txt_points_at_the_sitemap(client, settings):
    settings.SITE_URL = "https://www.example.org"
    text = client.get("/robots.txt").content.decode()
    assert "Sitemap: https://www.example.org/sitemap.xml" in text
    assert "Disallow: /admin/" in text


@pytest.mark.parametrize(
    "path", ["/", "/treatments/", "/support/contact/", "/privacy/", "/accessibility/", "/search/"]
)
def test_every_public_page_has_canonical_description_and_open_graph(client, settings, path):
    settings.SITE_URL = "https://www.example.org"
    html = client.get(path).content.decode()
    meta = {
        attrs.get("name") or attrs.get("property"): attrs.get("content")
        for tag, attrs in elements(html)
        if tag == "meta"
    }
    links = {attrs.get("rel"): attrs.get("href") for tag, attrs in elements(html) if tag == "link"}
    assert links["canonical"] == f"https://www.example.org{path}"
    assert len(meta["description"]) > 20
    assert meta["og:title"] and meta["og:description"] == meta["description"]


def test_an_article_has_its_own_description_and_open_graph(client):
    article = published_article(title="Chemotherapy", summary="How chemotherapy is given.")
    html = client.get(article.get_absolute_url()).content.decode()
    assert '<meta name="description" content="How chemotherapy is given.">' in html
    assert '<meta property="og:title" content="Chemotherapy">' in html
    assert '<meta property="og:type" content="article">' in html


def structured_data(html: str) -> dict:
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.DOTALL)
    assert len(blocks) == 1
    return json.loads(blocks[0])


def test_articles_carry_medical_web_page_structured_data(client):
    checker = approver(first_name="Sam", last_name="Okafor")
    with time_machine.travel(datetime.date(2026, 5, 6), tick=False):
        article = ArticleFactory(title="Immunotherapy", summary="What it is.")
        SourceFactory(
            article=article, authors="Baas P, et al.", title="CheckMate 743", publisher="Lancet", year=2021
        )
        services.article_submit(article=article, user=fresh(article.written_by))
        approve(
            article,
            approver=fresh(checker),
            full_review=True,
        )
    data = structured_data(client.get(article.get_absolute_url()).content.decode())
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "MedicalWebPage"
    assert data["name"] == "Immunotherapy" and data["description"] == "What it is."
    assert data["lastReviewed"] == "2026-05-06"
    assert data["reviewedBy"] == {
        "@type": "Person",
        "name": "Sam Okafor",
        "jobTitle": "Clinical nurse specialist",
    }
    assert data["audience"]["@type"] == "PeopleAudience"
    assert data["citation"] == ["Baas P, et al. CheckMate 743. Lancet. 2021"]


def test_a_title_with_a_closing_script_tag_cannot_break_out(client):
    article = published_article(title="A </script><script>alert(1)</script> title", summary="x & <y>")
    html = client.get(article.get_absolute_url()).content.decode()
    head = html[: html.index("</head>")]
    assert head.count("<script") == 1 and head.count("</script>") == 1
    data = structured_data(html)
    assert data["name"] == "A </script><script>alert(1)</script> title"
    assert data["description"] == "x & <y>"
