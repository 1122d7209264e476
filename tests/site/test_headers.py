"""Security headers and cookies on public and staff pages (production settings)."""

import re

import pytest

from tests.treatments.factories import nurse

pytestmark = pytest.mark.django_db


def csp(response) -> dict[str, list[str]]:
    policy = {}
    for directive in response["Content-Security-Policy"].split(";"):
        name, *values = directive.split()
        policy[name] = values
    return policy


def test_public_pages_have_a_strict_policy(client):
    for url in ["/", "/treatments/", "/support/contact/", "/no-such-page/"]:
        policy = csp(client.get(url, secure=True))
        assert policy["default-src"] == ["'none'"], url
        assert policy["script-src"] == ["'self'"]
        assert policy["style-src"] == ["'self'"]
        assert policy["object-src"] == ["'none'"]
        assert policy["base-uri"] == ["'none'"]
        assert policy["frame-ancestors"] == ["'none'"]
        assert policy["form-action"] == ["'self'"]
        assert not any("'unsafe-inline'" in values for values in policy.values())


def test_the_admin_policy_is_relaxed_only_for_the_editor(client):
    client.force_login(nurse())
    policy = csp(client.get("/admin/treatments/article/add/", secure=True))
    assert policy["style-src"] == ["'self'", "'unsafe-inline'"]
    assert set(policy["img-src"]) == {"'self'", "data:", "blob:"}
    assert policy["script-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"] and policy["frame-ancestors"] == ["'none'"]


@pytest.mark.parametrize("url", ["/", "/admin/login/"])
def test_transport_and_browser_headers(client, url):
    response = client.get(url, secure=True)
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert re.fullmatch(r"[0-9a-f]{12}", response["X-Request-ID"])


@pytest.mark.parametrize(
    "url", ["/admin/", "/admin/treatments/article/", "/admin/login/", "/admin/support/contactrequest/"]
)
def test_admin_pages_are_never_cached(admin_client, url):
    assert "no-store" in admin_client.get(url, secure=True)["Cache-Control"]


def test_production_cookies_are_host_only_secure_and_http_only(client):
    user = nurse()
    response = client.post(
        "/admin/login/", {"username": user.username, "password": "a-long-test-password"}, secure=True
    )
    assert response.status_code == 302
    session = response.cookies["__Host-sessionid"]
    assert (
        session["secure"] and session["httponly"] and session["samesite"] == "Lax" and session["path"] == "/"
    )
    assert not session["domain"]
    csrf = client.get("/support/contact/", secure=True).cookies["__Host-csrftoken"]
    assert csrf["secure"] and csrf["samesite"] == "Lax" and csrf["path"] == "/"


def test_a_forged_host_header_is_refused(client):
    """Security plan D4."""
    assert client.get("/", HTTP_HOST="evil.example").status_code == 400
