"""
The keep-alive a staff page sends while someone works: it renews a signed-in
staff session, says 401 when the session has ended, and is a POST with the
CSRF token like any other change.
"""

import time

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import UserFactory
from tests.treatments.factories import nurse

pytestmark = pytest.mark.django_db
URL = reverse("admin:keep_alive")


def test_it_renews_the_session_of_signed_in_staff(client, settings):
    settings.SESSION_COOKIE_AGE = 40
    client.force_login(nurse())
    first = client.post(URL)
    assert first.status_code == 204
    expires = client.cookies[settings.SESSION_COOKIE_NAME]["expires"]
    time.sleep(1.1)
    assert client.post(URL).status_code == 204
    assert client.cookies[settings.SESSION_COOKIE_NAME]["expires"] != expires  # pushed back
    assert "no-cache" in first["Cache-Control"] or "no-store" in first["Cache-Control"]


def test_it_says_when_the_session_has_ended(client, settings):
    response = client.post(URL)
    assert response.status_code == 401
    assert response.json() == {"signed_in": False}
    assert settings.SESSION_COOKIE_NAME not in client.cookies  # no session made for nobody


def test_a_signed_in_person_who_is_not_staff_is_not_kept(client):
    client.force_login(UserFactory(is_staff=False))
    assert client.post(URL).status_code == 401


def test_it_needs_post_and_the_csrf_token():
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(nurse())
    assert strict.post(URL).status_code == 403
    assert strict.get(URL).status_code == 405
