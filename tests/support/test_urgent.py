"""Urgent requests: warning phrases on arrival, first in the list, one duty alert without the message."""

import pytest
from django.core import mail
from django.core.cache import caches
from django.core.exceptions import PermissionDenied
from django.test import override_settings

from core.outbox import outbox_deliver_due
from support import services
from support.models import ContactRequest, StatusChange, WarningPhrase
from support.roles import SUPPORT_LEADS, SUPPORT_STAFF
from support.urgency import matches
from tests.factories import UserFactory, fresh
from tests.support.factories import make_request, support_user
from tests.support.helpers import CONTACT_URL, valid_post

pytestmark = pytest.mark.django_db

CARER_MESSAGE = (
    "My husband started immunotherapy a week ago. Since Saturday he has a rash on his arms and "
    "new diarrhoea, six or seven times a day."
)
LIST_URL = "/admin/support/contactrequest/"


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    caches["default"].clear()


@pytest.mark.parametrize(
    ("phrase", "text"),
    [
        ("chest pain", "He has had CHEST PAINS since Tuesday."),
        ("coughing up blood", "She coughed up some blood this morning."),
        ("self-harm", "I have thoughts of self harm."),
        ("self-harm", "I've been selfharming again."),
        ("can't breathe", "Some nights I can’t breathe lying down."),
        ("breathless", "Getting more breathless every day."),
        ("high temperature", "He had a high temperature of 38.5 last night."),
    ],
)
def test_a_phrase_matches_whole_words_in_any_case_with_common_variants(phrase, text):
    assert [match.phrase for match in matches(text, [(phrase, "unwell")])] == [phrase]


@pytest.mark.parametrize(
    ("phrase", "text"),
    [
        ("fever", "I take feverfew tea."),  # part of another word
        ("chest pain", "Is pain after a chest drain normal?"),  # words in another order
        ("kill myself", "Walking will kill time for me and for myself and everyone."),  # too far apart
    ],
)
def test_a_phrase_does_not_match_parts_of_words_or_scattered_words(phrase, text):
    assert matches(text, [(phrase, "unwell")]) == []


def test_the_seeded_list_is_in_the_database_with_its_source():
    seeded = WarningPhrase.objects.filter(active=True)
    assert seeded.filter(kind=WarningPhrase.Kind.SELF_HARM, phrase="suicidal").exists()
    assert seeded.filter(kind=WarningPhrase.Kind.UNWELL, phrase="diarrhoea").exists()
    assert not seeded.filter(source="").exists()


def test_an_urgent_message_is_flagged_sorted_first_and_alerts_the_duty_address_once(
    client, django_capture_on_commit_callbacks
):
    older = make_request(message="Could you tell me about clinical trials?")
    with override_settings(SUPPORT_URGENT_EMAIL="duty@example.org"):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(CONTACT_URL, valid_post(message=CARER_MESSAGE))
        assert response.status_code == 302
        urgent = ContactRequest.objects.get(message=CARER_MESSAGE)
        assert urgent.urgent and not ContactRequest.objects.get(pk=older.pk).urgent
        assert {"phrase": "diarrhoea", "kind": "unwell"} in urgent.urgent_matches

        alerts = [email for email in mail.outbox if email.to == ["duty@example.org"]]
        assert len(alerts) == 1
        alert = alerts[0]
        assert urgent.reference in alert.subject
        assert f"/admin/support/contactrequest/{urgent.pk}/change/" in alert.body
        text = alert.subject + alert.body
        for word in ("diarrhoea", "rash", "immunotherapy", urgent.name, urgent.phone):
            assert word not in text

        # The cron retry does not alert a second time.
        outbox_deliver_due()
        assert len([email for email in mail.outbox if email.to == ["duty@example.org"]]) == 1

    client.force_login(support_user())
    page = client.get(LIST_URL).content.decode()
    assert page.index(urgent.reference) < page.index(older.reference)
    assert '<strong class="urgent-flag">Urgent</strong>' in page
    only_urgent = client.get(LIST_URL, {"urgent": "yes"}).content.decode()
    assert urgent.reference in only_urgent and older.reference not in only_urgent


def test_an_ordinary_message_is_not_urgent_and_sends_no_alert(client, django_capture_on_commit_callbacks):
    with (
        override_settings(SUPPORT_URGENT_EMAIL="duty@example.org"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        client.post(CONTACT_URL, valid_post())
    assert not ContactRequest.objects.get().urgent
    assert not [email for email in mail.outbox if email.to == ["duty@example.org"]]


def test_the_thank_you_page_leads_with_samaritans_only_when_the_phrase_is_about_self_harm(client):
    response = client.post(CONTACT_URL, valid_post(message="Some days I feel suicidal."), follow=True)
    page = response.content.decode()
    assert "If you are thinking about ending your life" in page
    assert page.index("116 123") < page.index("Your reference is")

    response = client.post(CONTACT_URL, valid_post(message=CARER_MESSAGE), follow=True)
    page = response.content.decode()
    assert "If you are thinking about ending your life" not in page
    assert "If you are very unwell now, do not wait for us" in page


def test_staff_set_and_clear_the_flag_with_history_and_an_alert_when_set(
    client, django_capture_on_commit_callbacks
):
    contact_request = make_request(message="A question about benefits.")
    staff = support_user(first_name="Jo", last_name="Patel")
    client.force_login(staff)
    url = f"{LIST_URL}{contact_request.pk}/urgent/"
    with override_settings(SUPPORT_URGENT_EMAIL="duty@example.org"):
        with django_capture_on_commit_callbacks(execute=True):
            assert client.post(url, {"urgent": "yes"}).status_code == 302
        assert ContactRequest.objects.get(pk=contact_request.pk).urgent
        assert len([email for email in mail.outbox if email.to == ["duty@example.org"]]) == 1
        with django_capture_on_commit_callbacks(execute=True):
            assert client.post(url, {"urgent": "no"}).status_code == 302
    assert not ContactRequest.objects.get(pk=contact_request.pk).urgent
    history = [str(change) for change in StatusChange.objects.filter(contact_request=contact_request)]
    assert history == ["Marked urgent", "Urgent flag cleared"]
    page = client.get(f"{LIST_URL}{contact_request.pk}/change/").content.decode()
    assert "Marked urgent" in page and "Urgent flag cleared" in page and "Jo Patel" in page


def test_someone_without_the_change_permission_cannot_set_the_flag(client):
    contact_request = make_request(message="A question about benefits.")
    viewer = fresh(support_user())
    viewer.groups.clear()
    with pytest.raises(PermissionDenied):
        services.contact_request_set_urgent(contact_request=contact_request, actor=viewer, urgent=True)
    assert not ContactRequest.objects.get(pk=contact_request.pk).urgent


def test_support_leads_edit_phrases_and_a_new_phrase_flags_the_next_request(client):
    lead = UserFactory(groups=[SUPPORT_STAFF, SUPPORT_LEADS])
    client.force_login(lead)
    response = client.post(
        "/admin/support/warningphrase/add/",
        {"phrase": "lips turning blue", "kind": "unwell", "source": "Team experience", "active": "on"},
    )
    assert response.status_code == 302
    assert make_request(message="His lips looked a bit blue in the cold.").urgent is False
    assert make_request(message="His lips turned blue for a minute.").urgent is True
    assert WarningPhrase.objects.get(phrase="lips turning blue").changed_by == lead

    client.force_login(support_user())
    assert client.get("/admin/support/warningphrase/").status_code == 200
    refused = client.post("/admin/support/warningphrase/add/", {"phrase": "x", "kind": "unwell"})
    assert refused.status_code == 403


# --- Matching in linear time, whatever the leads save ------------------------------------


def test_a_phrase_of_short_repeated_words_is_checked_against_a_long_message():
    """An 11-word phrase like this made one contact POST take 24.9 s with the old patterns."""
    phrase = "a a a a a a a a a a b"
    message = " ".join(["a"] * 2500)  # 5,000 characters of the phrase's first word
    assert len(message) >= 4999
    assert matches(message, [(phrase, "unwell")]) == []
    assert [m.phrase for m in matches(message + " b", [(phrase, "unwell")])] == [phrase]


@pytest.mark.parametrize(
    ("phrase", "text", "found"),
    [
        ("a a a b", "a x a a y b", True),  # each gap at most two words
        ("a a a b", "a x y z a a b", False),  # a gap of three
        ("self-harm", "I self_harm sometimes.", True),
        ("self-harm", "I harm myself.", False),
        ("can't breathe", "I cant breathe.", True),
        ("can't breathe", "I can breathe.", False),
    ],
)
def test_words_in_order_with_bounded_gaps(phrase, text, found):
    assert bool(matches(text, [(phrase, "unwell")])) is found


@pytest.mark.parametrize(
    ("phrase", "error"),
    [
        ("a a a a a a a a a a b", "at most 8 words; this one has 11"),
        ("?! ...", "it has no letters or digits"),
    ],
)
def test_a_phrase_too_long_or_without_words_is_refused_on_save(phrase, error):
    from django.core.exceptions import ValidationError

    entry = WarningPhrase(phrase=phrase, kind=WarningPhrase.Kind.UNWELL)
    with pytest.raises(ValidationError, match=error):
        entry.full_clean()


def test_every_seeded_phrase_is_a_valid_phrase():
    for entry in WarningPhrase.objects.all():
        entry.full_clean()
