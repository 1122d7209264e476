"""
Two app servers behind Debian's nginx, balancing round-robin, as the site runs
on several machines (docs/several-servers.md). Both are gunicorn
with production settings on the local PostgreSQL, Redis and S3-compatible
server: whichever answers, a visitor and a member of staff see the same site.
"""

import http.cookies
import re
import secrets
import urllib.error
import urllib.parse
import urllib.request

import pytest
from django.conf import settings
from django.contrib.auth.hashers import Argon2PasswordHasher
from django.db import connection

from support.models import ContactRequest
from tests.html_checks import input_value
from tests.servers.app_server import AppServer
from tests.servers.nginx_server import NGINX, NginxBalancer
from tests.servers.redis_cache import redis_test_cache
from tests.servers.s3_server import ACCESS_KEY, BUCKET, SECRET_KEY, S3Server
from tests.support.factories import support_user
from tests.support.helpers import CONTACT_URL, valid_post
from tests.treatments.factories import approver, article_form_data, nurse, published_article

pytestmark = [
    pytest.mark.several_servers,
    pytest.mark.postgres,  # both servers and the test must see one database
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        NGINX is None, reason="nginx is not installed (apt-get install nginx); .ci/run installs it"
    ),
]

REDIS_URL = "redis://127.0.0.1:6379/12"  # its own: the other Redis tests use 13 and 14
PASSWORD = "a-long-staff-password-" + secrets.token_hex(8)
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
CONTACT_LIMIT = 3


class Visitor:
    """One browser: its cookies, sent back to any server (the site's cookies are Secure; TLS ends in front)."""

    def __init__(self):
        self.cookies: dict[str, str] = {}
        self.answered_by: list[tuple[str, int, int]] = []  # method, status, app server's port

    def request(
        self, url: str, data: dict | None = None, files: dict | None = None, headers: dict | None = None
    ):
        headers = dict(headers or {})
        body = None
        if files:
            body, headers["Content-Type"] = multipart(data or {}, files)
        elif data is not None:
            body = urllib.parse.urlencode(data, doseq=True).encode()
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        request = urllib.request.Request(url, data=body, headers=headers)  # noqa: S310 - our own servers
        opener = urllib.request.build_opener(NoRedirects)
        try:
            response = opener.open(request, timeout=30)
        except urllib.error.HTTPError as error:
            response = error
        if upstream := response.headers["X-Answered-By"]:  # set by the balancer
            self.answered_by.append(
                ("POST" if body else "GET", response.status, int(upstream.rsplit(":", 1)[1]))
            )
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in http.cookies.SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        return response.status, response.headers, response.read().decode(errors="replace")

    def get(self, url: str):
        return self.request(url)

    def csrf_token(self, page_url: str) -> str:
        """Open a page with a form, as a browser does before sending it: its CSRF token."""
        _, _, page = self.get(page_url)
        return input_value(page, "csrfmiddlewaretoken")

    def post_form(
        self, page_url: str, data: dict, *, files: dict | None = None, token: str = "", headers=None
    ):
        token = token or self.csrf_token(page_url)
        return self.request(page_url, {**data, "csrfmiddlewaretoken": token}, files=files, headers=headers)

    def sign_in(self, server_url: str, username: str) -> None:
        status, headers, _ = self.post_form(
            f"{server_url}/admin/login/", {"username": username, "password": PASSWORD, "next": "/admin/"}
        )
        assert status == 302 and headers["Location"] == "/admin/", f"{username} could not sign in"


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def multipart(data: dict, files: dict) -> tuple[bytes, str]:
    boundary = secrets.token_hex(16)
    parts = []
    for name, value in data.items():
        for item in value if isinstance(value, list) else [value]:
            parts.append(
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{item}\r\n'.encode()
            )
    for name, (filename, content, content_type) in files.items():
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
            f"Content-Type: {content_type}\r\n\r\n".encode()
            + content
            + b"\r\n"
        )
    return b"".join(parts) + f"--{boundary}--\r\n".encode(), f"multipart/form-data; boundary={boundary}"


def with_password(user):
    # Hashed as the servers hash (Argon2), not with the tests' fast hasher.
    user.password = Argon2PasswordHasher().encode(PASSWORD, Argon2PasswordHasher().salt())
    user.save(update_fields=["password"])
    return user


@pytest.fixture
def shared_redis():
    yield from redis_test_cache(REDIS_URL)


@pytest.fixture
def two_servers(roles, collected_static, shared_redis):
    database = connection.settings_dict
    with S3Server() as s3:
        env = {
            "DEBUG": "false",
            "SECRET_KEY": settings.SECRET_KEY,  # the same key, so the test can sign the form's start time
            "ALLOWED_HOSTS": "127.0.0.1",
            "SECURE_SSL_REDIRECT": "false",  # plain HTTP on this machine
            "ADMIN_REQUIRE_2FA": "false",
            "DATABASE_URL": f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/{database['NAME']}",
            "REDIS_URL": REDIS_URL,
            "MEDIA_S3_BUCKET": BUCKET,
            "MEDIA_S3_ENDPOINT_URL": s3.endpoint,
            "MEDIA_S3_REGION": "eu-west-2",
            "MEDIA_S3_ACCESS_KEY_ID": ACCESS_KEY,
            "MEDIA_S3_SECRET_ACCESS_KEY": SECRET_KEY,
            "STATIC_ROOT": str(collected_static),
            "TRUSTED_PROXY_COUNT": "1",  # nginx
            "SUPPORT_RATE_LIMIT_PER_HOUR": str(CONTACT_LIMIT),
            "PAGE_CACHE_SECONDS": "300",
            # One worker each: a cache kept per process would show at once as a stale page.
            "GUNICORN_WORKERS": "1",
            "LOG_LEVEL": "WARNING",
        }
        with (
            AppServer(env) as first,
            AppServer(env) as second,
            NginxBalancer([first.port, second.port]) as balancer,
        ):
            yield first, second, balancer, s3


def test_two_servers_behind_a_balancer_serve_one_site(two_servers):
    first, second, balancer, s3 = two_servers
    server_at = {first.port: first, second.port: second}
    writer, checker = with_password(nurse()), with_password(approver())
    article = published_article(editor=writer, approver_user=checker, title="Pleural drains")
    page_url = balancer.url + article.get_absolute_url()
    visitor = Visitor()

    # Both servers answer, in turn, and the page is now in the shared page cache.
    for _ in range(2):
        status, _, page = visitor.get(page_url)
        assert status == 200 and "Pleural drains" in page
    assert {port for *_, port in visitor.answered_by} == {first.port, second.port}

    # A nurse edits on the second server, adding a leaflet; an approver approves on the first.
    nurse_browser = Visitor()
    nurse_browser.sign_in(second.url, writer.username)
    change_url = f"{second.url}/admin/treatments/article/{article.pk}/change/"
    form = article_form_data(
        article,
        title="Pleural drains and how they help",
        **{
            "resources-TOTAL_FORMS": "1",
            "resources-0-title": "Living with a drain",
            "resources-0-position": "1",
        },
    )
    status, _, _ = nurse_browser.post_form(
        change_url, form, files={"resources-0-file": ("my drain.pdf", PDF, "application/pdf")}
    )
    assert status == 302
    submit_url = f"{second.url}/admin/treatments/article/{article.pk}/workflow/submit/"
    assert nurse_browser.post_form(submit_url, {"note": "A leaflet added."})[0] == 302

    approver_browser = Visitor()
    approver_browser.sign_in(first.url, checker.username)
    approve_url = f"{first.url}/admin/treatments/article/{article.pk}/workflow/approve/"
    _, _, approve_page = approver_browser.get(approve_url)
    signed = {name: input_value(approve_page, name) for name in ("csrfmiddlewaretoken", "seen_fingerprint")}
    assert approver_browser.request(approve_url, {**signed, "full_review": "no", "comment": ""})[0] == 302

    # The very next requests through the balancer, one to each server, show the approved page.
    seen_before = len(visitor.answered_by)
    leaflet_urls = set()
    for _ in range(2):
        status, _, page = visitor.get(page_url)
        assert status == 200 and "Pleural drains and how they help" in page
        leaflet_urls.add(re.search(r'<a href="([^"]+\.pdf)"', page).group(1))
    assert {port for *_, port in visitor.answered_by[seen_before:]} == {first.port, second.port}
    # The leaflet uploaded through the second server is linked by both and downloadable.
    (leaflet_url,) = leaflet_urls
    assert leaflet_url.startswith(s3.media_url)
    with urllib.request.urlopen(leaflet_url, timeout=10) as download:  # noqa: S310 - the local S3 server
        assert download.read() == PDF

    # A contact request sent through the balancer is in the other server's admin.
    person = Visitor()
    contact_url = balancer.url + CONTACT_URL
    token = person.csrf_token(contact_url)
    status, _, _ = person.post_form(
        contact_url, valid_post(message="Sent to whichever server answers."), token=token
    )
    assert status == 302
    posted_to = person.answered_by[-1][2]
    other = second if server_at[posted_to] is first else first
    reference = ContactRequest.objects.get().reference
    support = Visitor()
    support.sign_in(other.url, with_password(support_user()).username)
    status, _, listing = support.get(f"{other.url}/admin/support/contactrequest/")
    assert status == 200 and reference in listing

    # The contact form's limit holds across both servers: what one counted, the other sees,
    # and an address the client writes into X-Forwarded-For changes nothing. The form is
    # sent again and again from the page already open, so the balancer alternates the posts.
    answers = []
    for number in range(CONTACT_LIMIT):
        spoofed = {"X-Forwarded-For": f"203.0.113.{number + 1}"}
        status, _, _ = person.post_form(
            contact_url, valid_post(message=f"Message {number + 2}."), token=token, headers=spoofed
        )
        answers.append(status)
    assert answers == [302, 302, 429]
    posts = [(status, port) for method, status, port in person.answered_by if method == "POST"]
    accepted_by = [port for status, port in posts if status == 302]
    refused_by = [port for status, port in posts if status == 429]
    assert len(accepted_by) == CONTACT_LIMIT and len(refused_by) == 1
    # The server that refused had itself accepted fewer than the limit: the count is shared.
    assert accepted_by.count(refused_by[0]) < CONTACT_LIMIT
    assert ContactRequest.objects.count() == CONTACT_LIMIT
