from unittest import mock

from django.db import OperationalError
from django.test import RequestFactory

from charity_site.views import server_error
from tests.html_checks import input_value


def test_500_page_renders_without_the_database_or_context_processors():
    request = RequestFactory().get("/")
    # Any database use while rendering the error page would raise here.
    with mock.patch("django.db.backends.base.base.BaseDatabaseWrapper.cursor", side_effect=OperationalError):
        response = server_error(request)
    assert response.status_code == 500
    html = response.content.decode()
    assert "Sorry, something went wrong" in html
    assert '<a href="tel:08081570192">0808 157 0192</a>' in html
    # A plain path, not {% static %}: the manifest may be what is missing.
    assert 'href="/static/css/site.css"' in html


# --- 400 and CSRF failures: styled, with the phone number; the contact form keeps the text -----


def test_a_post_without_a_csrf_token_gets_the_styled_page(settings):
    from django.test import Client

    settings.SUPPORT_PHONE = "0808 000 1234"
    client = Client(enforce_csrf_checks=True)
    response = client.post("/admin/login/", {"username": "a", "password": "b"})
    assert response.status_code == 403
    html = response.content.decode()
    assert "Sorry, this page had expired" in html and "0808 000 1234" in html
    assert "CSRF verification failed" not in html


def test_the_contact_form_without_a_csrf_token_comes_back_with_what_was_typed(db):
    from django.test import Client

    from support.models import ContactRequest
    from tests.support.helpers import CONTACT_URL, valid_post

    client = Client(enforce_csrf_checks=True)
    response = client.post(CONTACT_URL, valid_post(message="Please ring me after four."))
    assert response.status_code == 403
    html = response.content.decode()
    assert "Please ring me after four." in html and "press “Send” again" in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert not ContactRequest.objects.exists()
    # The page it gave back works: its token and cookie let the same person send it.
    token = input_value(html, "csrfmiddlewaretoken")
    started = input_value(html, "form_started")
    data = valid_post(message="Please ring me after four.", form_started=started, csrfmiddlewaretoken=token)
    assert client.post(CONTACT_URL, data).status_code == 302
    assert ContactRequest.objects.get().message == "Please ring me after four."


def test_an_oversized_contact_post_keeps_what_it_can(db, client):
    from urllib.parse import urlencode

    from support.models import ContactRequest
    from tests.support.helpers import CONTACT_URL, valid_post

    data = valid_post(name="Margaret Ellis", message="Start of my story. " + "x" * 3_000_000)
    # As a browser sends this form: URL-encoded.
    response = client.post(
        CONTACT_URL, urlencode(data, doseq=True), content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 413
    html = response.content.decode()
    assert "too large for us to receive" in html
    assert 'value="Margaret Ellis"' in html
    assert "Start of my story." in html
    assert not ContactRequest.objects.exists()


def test_a_request_we_cannot_read_gets_the_styled_400(settings):
    from django.test import Client

    settings.SUPPORT_PHONE = "0808 000 1234"
    client = Client(enforce_csrf_checks=True)
    client.cookies[settings.CSRF_COOKIE_NAME] = "a" * 32  # so the check goes on to read the body
    response = client.post("/admin/login/", {"username": "x" * 3_000_000})
    assert response.status_code == 400
    assert "0808 000 1234" in response.content.decode()
