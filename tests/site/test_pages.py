import re

import pytest
from django.test import override_settings

pytestmark = pytest.mark.django_db

PUBLIC_PAGES = ["/", "/privacy/", "/accessibility/", "/support/contact/", "/treatments/"]


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_public_page_has_the_accessible_layout(client, url):
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en-GB">' in html
    assert '<a class="skip-link" href="#main-content">' in html
    assert '<main id="main-content"' in html
    for landmark in ("<header", "<nav", "<footer"):
        assert landmark in html
    assert html.count("<h1") == 1
    assert 'name="viewport"' in html


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_every_page_shows_the_support_line_as_a_phone_link(client, url):
    html = client.get(url).content.decode()
    assert '<a href="tel:08081570192">0808 157 0192</a>' in html


def test_footer_links_to_privacy_accessibility_and_contact(client):
    html = client.get("/").content.decode()
    footer = html[html.index('<footer class="site-footer">') :]
    for href in ("/privacy/", "/accessibility/", "/support/contact/"):
        assert f'href="{href}"' in footer


@override_settings(CHARITY_NAME="Example Lung Trust", SUPPORT_PHONE="+44 20 7946 0000")
def test_the_charity_details_come_from_settings(client):
    html = client.get("/").content.decode()
    assert "Example Lung Trust" in html
    assert '<a href="tel:+442079460000">+44 20 7946 0000</a>' in html
    assert "Mesothelioma Support Network" not in html


def test_home_page_leads_to_treatments_and_the_support_line(client):
    html = client.get("/").content.decode()
    assert 'href="/treatments/"' in html
    assert 'href="/support/contact/"' in html


def test_the_current_section_is_marked_in_the_navigation(client):
    html = client.get("/treatments/").content.decode()
    assert re.search(r'href="/treatments/"\s+aria-current="page"', html)


def test_unknown_page_gets_the_friendly_404(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page not found" in html
    assert 'href="/treatments/"' in html
    assert '<html lang="en-GB">' in html


@override_settings(SECURE_SSL_REDIRECT=True)
def test_production_redirects_plain_http_to_https_but_not_the_health_check(client):
    response = client.get("/")
    assert response.status_code == 301
    assert response["Location"] == "https://testserver/"
    assert client.get("/healthz").status_code == 200
