import datetime
import logging

import pytest
import time_machine
from django.core import mail
from django.core.cache import caches

from support.models import CONSENT_WORDING, ContactRequest
from tests.html_checks import input_value
from tests.support.helpers import CONTACT_URL, started_token, valid_post

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    caches["default"].clear()


def submit(client, data, **extra):
    return client.post(CONTACT_URL, data, **extra)


def test_the_form_page_has_the_notice_and_every_field(client):
    html = client.get(CONTACT_URL).content.decode()
    assert "We are not an emergency service" in html
    assert 'href="tel:999"' in html and 'href="tel:111"' in html
    assert "Monday to Friday, 9am to 5pm" in html and 'href="tel:08081570192"' in html
    for name in ["name", "contact_method", "email", "phone", "callback_days", "callback_time",
                 "voicemail_ok", "who", "topic", "message", "consent"]:  # fmt: skip
        assert f'name="{name}"' in html, name
    assert 'href="/privacy/"' in html


def test_a_valid_request_is_stored_and_thanked_with_its_reference(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = submit(client, valid_post())
    assert response.status_code == 302
    assert response["Location"] == "/support/contact/thank-you/"
    stored = ContactRequest.objects.get()
    assert stored.reference == f"SR-{stored.received_at.year}-{stored.pk:06d}"
    assert stored.name == "Margaret Ellis"
    assert stored.callback_days == ["mon", "wed"] and stored.voicemail_ok is True
    assert stored.consent_wording == CONSENT_WORDING
    assert stored.consent_given_at is not None
    assert stored.status == ContactRequest.Status.NEW

    thanks = client.get(response["Location"])
    assert stored.reference in thanks.content.decode()
    assert "no-store" in thanks["Cache-Control"]
    # What to do now if they are very unwell, before anything else on the page but the reference.
    page = thanks.content.decode()
    advice = page.index("If you are very unwell now, do not wait for us")
    assert advice < page.index("A specialist nurse will get back to you")
    for link in ('href="tel:999"', 'href="tel:111"', 'href="tel:116123"'):
        assert link in page
    assert "acute oncology line" in page


def test_no_personal_data_in_the_redirect(client):
    response = submit(client, valid_post(email="margaret@example.org"))
    for secret in ["Margaret", "margaret@example.org", "01632", "SR-"]:
        assert secret not in response["Location"]


def test_the_thank_you_page_without_a_submission_goes_back_to_the_form(client):
    assert client.get("/support/contact/thank-you/")["Location"] == CONTACT_URL


def test_the_view_hides_every_posted_field_from_error_reports(client):
    response = submit(client, valid_post())
    assert response.wsgi_request.sensitive_post_parameters == "__ALL__"


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"name": ""}, "name", "Enter your name."),
        ({"contact_method": ""}, "contact_method", "Choose whether you would like a call back or an email."),
        ({"contact_method": "email", "email": ""}, "email", "Enter your email address, so we can email you."),
        ({"contact_method": "email", "email": "not-an-email"}, "email", "Enter an email address like"),
        ({"phone": ""}, "phone", "Enter your phone number, so we can call you back."),
        ({"phone": "call me maybe"}, "phone", "using numbers and spaces"),
        ({"phone": "12345"}, "phone", "a phone number we can call"),
        ({"phone": "+999 1234 5678"}, "phone", "a phone number we can call"),  # no such country
        ({"phone": "0" * 16}, "phone", "a phone number we can call"),
        ({"voicemail_ok": None}, "voicemail_ok", "Say whether we may leave you a voicemail."),
        ({"who": ""}, "who", "Choose who you are."),
        ({"topic": "gossip"}, "topic", "Select a valid choice."),
        ({"message": ""}, "message", "Enter your message."),
        ({"message": "x" * 5001}, "message", "at most 5000 characters"),
        ({"name": "x" * 101}, "name", "at most 100 characters"),
        ({"message": "Hello\x00there"}, "message", "Null characters are not allowed."),
        ({"message": "Hello\x1bthere"}, "message", "hidden control character"),
        ({"name": "Ann\u202eeM"}, "name", "hidden formatting character"),
        ({"consent": None}, "consent", "Tick the box to agree"),
    ],
)
def test_each_rule_shows_its_message_and_keeps_what_was_typed(client, changes, field, message):
    data = valid_post(**changes)
    response = submit(client, data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "There is a problem" in html
    assert html.count(message) == 2, "once in the summary, once by the field"
    assert f'id="id_{field}_error"' in html
    assert "<title>Error: Contact us" in html
    # What the person typed is still there.
    if field != "message":
        assert "I have been offered immunotherapy and I am worried about side effects.</textarea>" in html
    if field != "phone":
        assert 'value="01632 960 114"' in html
    assert not ContactRequest.objects.exists()


@pytest.mark.parametrize("phone", ["01632 960 114", "+44 1632 960 114", "+1 (415) 555-0132", "07700 900461"])
def test_uk_and_international_numbers_are_accepted(client, phone):
    assert submit(client, valid_post(phone=phone)).status_code == 302
    assert ContactRequest.objects.get().phone == phone


def test_an_email_request_drops_call_back_details(client):
    submit(client, valid_post(contact_method="email", email="m@example.org", phone=""))
    stored = ContactRequest.objects.get()
    assert stored.callback_days == [] and stored.callback_time == "" and stored.voicemail_ok is None


def test_a_filled_honeypot_is_not_stored_and_keeps_the_text(client):
    response = submit(client, valid_post(website="http://spam.example"))
    assert response.status_code == 400
    assert "Please check your details" in response.content.decode()
    assert "worried about side effects.</textarea>" in response.content.decode()
    assert not ContactRequest.objects.exists()
    # The summary takes the focus without a script, and its phone number can be called.
    summary = response.content.decode().split('class="error-summary"')[1].split("</div>")[0]
    assert 'tabindex="-1" autofocus' in summary
    assert 'or call us free on <a href="tel:08081570192">0808 157 0192</a>' in summary


@pytest.mark.parametrize(
    "token",
    [pytest.param(lambda: started_token(seconds_ago=0), id="too-fast"), pytest.param(lambda: "", id="missing"),
     pytest.param(lambda: "1700000000:forged", id="forged")],
)  # fmt: skip
def test_a_form_without_a_genuine_start_time_is_not_stored(client, token):
    response = submit(client, valid_post(form_started=token()))
    assert response.status_code == 400
    assert not ContactRequest.objects.exists()


def test_the_honeypot_is_hidden_from_people(client):
    html = client.get(CONTACT_URL).content.decode()
    trap = html[html.index('<div class="trap"') :]
    trap = trap[: trap.index("</div>")]
    assert 'aria-hidden="true"' in trap and 'tabindex="-1"' in trap


def test_the_sixth_submission_in_an_hour_gets_429_and_is_not_stored(client, settings):
    settings.SUPPORT_RATE_LIMIT_PER_HOUR = 5
    for _ in range(5):
        assert submit(client, valid_post()).status_code == 302
    response = submit(client, valid_post(message="A sixth message."))
    assert response.status_code == 429
    html = response.content.decode()
    assert 'href="tel:08081570192"' in html
    assert "A sixth message.</textarea>" in html
    assert ContactRequest.objects.count() == 5


def test_a_forged_forwarded_for_header_does_not_escape_the_limit(client, settings):
    settings.SUPPORT_RATE_LIMIT_PER_HOUR = 2
    settings.TRUSTED_PROXY_COUNT = 0
    statuses = [
        submit(client, valid_post(), HTTP_X_FORWARDED_FOR=f"198.51.100.{n}").status_code for n in range(3)
    ]
    assert statuses == [302, 302, 429]


def test_behind_a_trusted_proxy_the_client_is_counted_not_the_proxy(client, settings):
    settings.SUPPORT_RATE_LIMIT_PER_HOUR = 1
    settings.TRUSTED_PROXY_COUNT = 1
    # Two people behind the same proxy; each has their own allowance.
    first = submit(client, valid_post(), REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.5")
    second = submit(client, valid_post(), REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.6")
    # A client cannot pick its own address by writing to the left of the proxy's entry.
    third = submit(
        client, valid_post(), REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="192.0.2.99, 203.0.113.5"
    )
    assert [first.status_code, second.status_code, third.status_code] == [302, 302, 429]


def test_when_the_cache_is_down_the_form_still_accepts_and_logs(client, settings, caplog):
    settings.CACHES = {
        **settings.CACHES,
        "rate_limit": {
            "BACKEND": "django_redis.cache.RedisCache",
            # Nothing listens here: every cache call fails, as in a Redis outage.
            "LOCATION": "redis://127.0.0.1:9/0",
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5},
        },
    }
    with caplog.at_level(logging.WARNING, logger="core.rate_limit"):
        response = submit(client, valid_post())
    assert response.status_code == 302
    assert ContactRequest.objects.count() == 1
    assert "Rate limit contact skipped" in caplog.text
    assert "Margaret" not in caplog.text


def test_the_privacy_notice_states_the_retention_period(client, settings):
    settings.SUPPORT_RETENTION_DAYS = 180
    assert "for 180 days after we close it" in client.get("/privacy/").content.decode()
    assert "180 days after we close your request" in client.get(CONTACT_URL).content.decode()


def test_no_email_is_sent_inside_the_request_before_commit(client):
    # Emails are queued on commit; without a commit nothing is sent.
    submit(client, valid_post())
    assert mail.outbox == []


def test_radio_groups_offer_no_blank_choice(client):
    html = client.get(CONTACT_URL).content.decode()
    assert "---------" not in html


def test_the_error_summary_comes_straight_after_the_heading(client):
    html = submit(client, valid_post(name="")).content.decode()
    assert html.index("<h1>") < html.index("There is a problem") < html.index("If you need help now")


def test_choice_inputs_keep_required_and_the_person_s_choices(client):
    html = client.get(CONTACT_URL).content.decode()
    assert (
        '<input type="radio" name="contact_method" value="call_back" id="id_contact_method_0" required>'
        in html
    )
    assert '<input type="checkbox" name="callback_days" value="mon" id="id_callback_days_0">' in html
    again = submit(client, valid_post(name="")).content.decode()
    assert 'value="call_back" id="id_contact_method_0" required checked>' in again
    assert 'value="wed" id="id_callback_days_2" checked>' in again


def test_a_form_sent_back_shows_what_was_typed_after_the_blank_form_was_kept(client):
    # The blank form's fields are kept rendered; a form with errors must not use them.
    blank = client.get(CONTACT_URL).content.decode()
    data = valid_post(name="Margaret Okafor", message="My husband has a cough that will not go.")
    data.pop("consent")
    response = submit(client, data)
    html = response.content.decode()
    assert response.status_code == 400
    assert 'value="Margaret Okafor"' in html
    assert "My husband has a cough that will not go." in html
    assert 'aria-invalid="true"' in html or "field--error" in html
    assert "Margaret Okafor" not in blank
    # And the next visitor still gets a blank form.
    assert "Margaret Okafor" not in client.get(CONTACT_URL).content.decode()


def test_the_blank_form_keeps_fresh_tokens(client):
    # The CSRF token and the form's start time are outside the kept fields.
    def tokens(html):
        csrf = input_value(html, "csrfmiddlewaretoken")
        started = input_value(html, "form_started")
        return csrf, started

    with time_machine.travel(datetime.datetime(2026, 11, 22, 10, 0, tzinfo=datetime.UTC), tick=False):
        first = tokens(client.get(CONTACT_URL).content.decode())
    with time_machine.travel(datetime.datetime(2026, 11, 22, 10, 5, tzinfo=datetime.UTC), tick=False):
        second = tokens(client.get(CONTACT_URL).content.decode())
    assert first[0] != second[0]
    assert first[1] != second[1]


# --- The form's token: a maximum age, and used once -----------------------------------


def returned_token(response) -> str:
    return input_value(response.content.decode(), "form_started")


def test_a_form_open_too_long_is_given_back_to_send_again(client):
    data = valid_post(form_started=started_token(seconds_ago=3 * 60 * 60), message="Typed before lunch.")
    response = submit(client, data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "This form was open for a long time" in html
    assert "Typed before lunch." in html
    assert not ContactRequest.objects.exists()
    # Pressing Send again at once works: the person has already typed.
    again = submit(client, {**data, "form_started": returned_token(response)})
    assert again.status_code == 302
    assert ContactRequest.objects.get().message == "Typed before lunch."


def test_a_token_sent_twice_stores_one_request(client):
    data = valid_post()
    assert submit(client, data).status_code == 302
    second = submit(client, data)  # a double click: same browser, same session
    assert second.status_code == 302 and second["Location"].endswith("/thank-you/")
    assert ContactRequest.objects.count() == 1


def test_a_token_sent_again_from_elsewhere_shows_the_same_thank_you_and_stores_nothing_new(client):
    from django.test import Client

    data = valid_post(message="Sent once, posted twice.")
    first = Client()
    assert submit(first, data).status_code == 302
    reference = ContactRequest.objects.get().reference
    again = submit(client, data)  # another browser, no session
    assert again.status_code == 302 and again["Location"].endswith("/thank-you/")
    assert reference in client.get(again["Location"]).content.decode()
    assert ContactRequest.objects.count() == 1
