"""
The heartbeat an open staff page sends: after activity it renews the
session, otherwise it leaves the session alone (a page nobody touches still
signs out on time); on a page about one object it records the tab and says
who else has that object open, by public name. 401 once the session has
ended; the same 404 for an object that does not exist and one the person may
not see. A POST with the CSRF token like any other.
"""

import datetime

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from core.models import PagePresence
from staff.models import StaffProfile
from staff.presence import page_key
from tests.factories import UserFactory
from tests.support.factories import make_request, support_user
from tests.treatments.factories import ArticleFactory, nurse

pytestmark = pytest.mark.django_db
URL = reverse("admin:heartbeat")
TAB_A, TAB_B = "tab-aaaaaaaaaaaa", "tab-bbbbbbbbbbbb"


def session_cookie(client, settings):
    cookie = client.cookies.get(settings.SESSION_COOKIE_NAME)
    return cookie.value if cookie else None


def test_an_active_beat_renews_the_session_and_a_quiet_one_does_not(client, settings):
    settings.SESSION_COOKIE_AGE = 40
    client.force_login(nurse())
    quiet = client.post(URL, {"active": "0"})
    assert quiet.status_code == 200
    assert settings.SESSION_COOKIE_NAME not in quiet.cookies  # not saved, not renewed
    active = client.post(URL, {"active": "1"})
    assert active.status_code == 200
    assert active.cookies[settings.SESSION_COOKIE_NAME]["max-age"] == 40  # renewed for the full limit
    assert "no-cache" in active["Cache-Control"] or "no-store" in active["Cache-Control"]


def test_a_quiet_page_still_signs_out_at_the_idle_limit(client, settings):
    settings.SESSION_COOKIE_AGE = 40
    client.force_login(nurse())
    with time_machine.travel(timezone.now() + datetime.timedelta(seconds=30), tick=False):
        assert client.post(URL, {"active": "0"}).status_code == 200
    with time_machine.travel(timezone.now() + datetime.timedelta(seconds=45), tick=False):
        assert client.post(URL, {"active": "0"}).status_code == 401


def test_it_says_when_the_session_has_ended(client, settings):
    response = client.post(URL, {"active": "1"})
    assert response.status_code == 401
    assert response.json() == {"signed_in": False}
    assert settings.SESSION_COOKIE_NAME not in client.cookies  # no session made for nobody


def test_a_signed_in_person_who_is_not_staff_is_not_kept(client):
    client.force_login(UserFactory(is_staff=False))
    assert client.post(URL, {"active": "1"}).status_code == 401


def test_it_needs_post_and_the_csrf_token():
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(nurse())
    assert strict.post(URL, {"active": "1"}).status_code == 403
    assert strict.get(URL).status_code == 405


def test_two_people_on_one_article_see_each_other_by_public_name():
    priya, tom = nurse(first_name="Priya", last_name="Nair"), nurse(username="tom")
    StaffProfile.objects.create(user=priya, public_name="Priya Nair RN", role_title="Nurse")
    article = ArticleFactory(written_by=priya, last_edited_by=priya)
    page = page_key(article)
    first, second = Client(), Client()
    first.force_login(priya)
    second.force_login(tom)

    assert first.post(URL, {"page": page, "tab": TAB_A}).json()["others"] == []
    others = second.post(URL, {"page": page, "tab": TAB_B}).json()["others"]
    opened = timezone.localtime(PagePresence.objects.get(tab=TAB_A).opened_at)
    assert others == [{"name": "Priya Nair RN", "since": f"{opened:%H:%M}", "you": False}]
    # The change page says so before any script runs.
    html = second.get(reverse("admin:treatments_article_change", args=[article.pk])).content.decode()
    assert "<strong>Priya Nair RN</strong> has had this page open since" in html
    assert "priya" not in html.split('id="page-presence"')[1].split("</div>")[0].lower().replace(
        "priya nair rn", ""
    )


def test_a_second_tab_of_the_same_person_is_named_as_such(client):
    writer = nurse()
    article = ArticleFactory(written_by=writer, last_edited_by=writer)
    client.force_login(writer)
    client.post(URL, {"page": page_key(article), "tab": TAB_A})
    [other] = client.post(URL, {"page": page_key(article), "tab": TAB_B}).json()["others"]
    assert other["you"] is True


def test_a_tab_not_heard_from_is_gone(client):
    priya, tom = nurse(), nurse()
    article = ArticleFactory(written_by=priya, last_edited_by=priya)
    client.force_login(priya)
    client.post(URL, {"page": page_key(article), "tab": TAB_A})
    client.force_login(tom)
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=2), tick=False):
        assert client.post(URL, {"page": page_key(article), "tab": TAB_B}).json()["others"] == []


def test_the_request_and_its_reply_page_share_one_presence(client):
    jo, sam = support_user(first_name="Jo", last_name="Patel"), support_user()
    request = make_request()
    client.force_login(jo)
    client.post(URL, {"page": page_key(request), "tab": TAB_A})
    client.force_login(sam)
    reply_page = client.get(reverse("admin:support_contactrequest_reply", args=[request.pk])).content.decode()
    assert "<strong>Jo Patel</strong> has had this page open since" in reply_page


# (Not called `page`: that is Playwright's fixture, and would make these browser tests.)
@pytest.mark.parametrize(
    "presence_key",
    ["support.contactrequest:{request}", "support.contactrequest:999999", "nonsense", "auth.user:1", "x.y:1"],
)
def test_a_page_one_may_not_see_and_a_missing_one_get_the_same_answer(client, presence_key):
    request = make_request()
    client.force_login(nurse())  # nurses never see support requests
    response = client.post(URL, {"page": presence_key.format(request=request.pk), "tab": TAB_A})
    assert response.status_code == 404
    assert response.json() == {"signed_in": True, "others": []}
    assert not PagePresence.objects.exists()


def test_a_malformed_tab_is_not_recorded(client):
    writer = nurse()
    article = ArticleFactory(written_by=writer, last_edited_by=writer)
    client.force_login(writer)
    assert client.post(URL, {"page": page_key(article), "tab": "<script>"}).status_code == 200
    assert not PagePresence.objects.exists()
