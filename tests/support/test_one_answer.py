"""
One answer per question: two staff with one request, the person writing while
a reply is drafted, a double Send, a misspelt placeholder, an assignment told
to its assignee once; and every refusal in the support admin in words.
"""

import re

import pytest
from django.apps import apps
from django.core import mail
from django.db.models import UniqueConstraint
from django.test import Client

from support import replies, services
from support.models import CannedReply, ContactMessage, SupportEmail, WarningPhrase
from support.notifications import support_emails_queue
from support.roles import SUPPORT_LEADS, SUPPORT_STAFF
from tests.factories import UserFactory, fresh
from tests.support.factories import make_request, support_user

pytestmark = pytest.mark.django_db


def email_request(**fields):
    return make_request(
        contact_method="email", email="margaret@example.org", phone="", voicemail_ok=None,
        name="Margaret Ellis", **fields,
    )  # fmt: skip


def reply_url(contact_request):
    return f"/admin/support/contactrequest/{contact_request.pk}/reply/"


def opened_with(client, contact_request) -> str:
    """The reply page as its writer opened it: the thread it remembers, from its hidden field."""
    html = client.get(reply_url(contact_request)).content.decode()
    return re.search(r'name="seen" value="(\d+)"', html).group(1)


def replies_to_them():
    return [message for message in mail.outbox if message.to == ["margaret@example.org"]]


def test_two_staff_answering_at_once_send_one_reply_and_the_second_is_shown_the_first(
    django_capture_on_commit_callbacks,
):
    contact_request = email_request()
    jo, sam = Client(), Client()
    jo.force_login(support_user(first_name="Jo", last_name="Patel"))
    sam.force_login(support_user(first_name="Sam", last_name="Okafor"))
    jo_seen, sam_seen = opened_with(jo, contact_request), opened_with(sam, contact_request)

    with django_capture_on_commit_callbacks(execute=True):
        sent = jo.post(reply_url(contact_request), {"text": "Jo's answer.", "send": "1", "seen": jo_seen})
        assert sent.status_code == 302
        refused = sam.post(
            reply_url(contact_request), {"text": "Sam's answer.", "send": "1", "seen": sam_seen}
        )
    assert refused.status_code == 409
    html = refused.content.decode()
    assert "joined the request since you opened this page" in html
    newer = html.split('id="newer-thread"')[1].split("</section>")[0]
    assert "Jo&#x27;s answer." in newer and "Sent to them by Jo Patel" in newer
    assert "Sam&#x27;s answer." in html  # the draft is kept
    assert [m.body for m in replies_to_them()] == ["Jo's answer."]

    # Having read it, Sam sends: the page now remembers Jo's reply as seen.
    seen_now = re.search(r'name="seen" value="(\d+)"', html).group(1)
    with django_capture_on_commit_callbacks(execute=True):
        assert sam.post(reply_url(contact_request), {"text": "Sam's answer.", "send": "1", "seen": seen_now}).status_code == 302  # fmt: skip
    assert [m.body for m in replies_to_them()] == ["Jo's answer.", "Sam's answer."]


def test_an_email_from_them_while_a_reply_is_written_is_shown_before_anything_is_sent(client):
    contact_request = email_request()
    client.force_login(support_user())
    seen = opened_with(client, contact_request)
    replies.contact_message_receive(
        contact_request=contact_request, message_id="<later@example.org>", subject="Re: question",
        text="Please ignore my question, the nurse rang me.", in_reply_to="", not_stored="",
    )  # fmt: skip
    refused = client.post(
        reply_url(contact_request), {"text": "Here is the answer.", "send": "1", "seen": seen}
    )
    assert refused.status_code == 409
    assert "the nurse rang me" in refused.content.decode().split('id="newer-thread"')[1]
    assert not ContactMessage.objects.filter(direction="out").exists()


def test_a_send_without_the_page_s_memory_is_checked_against_the_whole_thread(client):
    contact_request = email_request()
    replies.contact_message_receive(
        contact_request=contact_request, message_id="<first@example.org>", subject="Re: question",
        text="One more thing.", in_reply_to="", not_stored="",
    )  # fmt: skip
    client.force_login(support_user())
    assert client.post(reply_url(contact_request), {"text": "Answer.", "send": "1"}).status_code == 409
    assert not ContactMessage.objects.filter(direction="out").exists()


def test_the_same_draft_sent_twice_is_sent_once(client, django_capture_on_commit_callbacks):
    contact_request = email_request()
    client.force_login(support_user())
    form = {
        "text": "Dear {first_name}, we can help.",
        "send": "1",
        "seen": opened_with(client, contact_request),
    }
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(reply_url(contact_request), form)
        second = client.post(reply_url(contact_request), form)
    assert first.status_code == second.status_code == 302
    assert ContactMessage.objects.filter(direction="out").count() == 1
    assert [m.body for m in replies_to_them()] == ["Dear Margaret, we can help."]


# --- Placeholders --------------------------------------------------------------------------


@pytest.mark.parametrize("misspelt", ["{firstname}", "{First Name}", "{ reference }", "{your name}"])
def test_a_canned_reply_with_a_name_the_site_cannot_fill_is_refused_with_the_names_that_work(
    client, misspelt
):
    client.force_login(UserFactory(groups=[SUPPORT_STAFF, SUPPORT_LEADS]))
    text = f"Dear {misspelt},\n\nThank you for your message."
    response = client.post(
        "/admin/support/cannedreply/add/", {"title": "Thanks", "text": text, "active": "on"}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert f"The site cannot fill in {misspelt}" in page.replace("&#x27;", "'")
    assert "{first_name}, {reference}, {support_phone}, {opening_hours} and {your_name}" in page
    assert "Thank you for your message." in page  # nothing typed is lost
    assert not CannedReply.objects.exists()


def test_braces_that_are_not_a_name_are_text():
    CannedReply(title="Maths", text="The dose is {2 x 5} mg; smile :-{}").full_clean()


def test_a_misspelt_placeholder_is_refused_at_preview_and_at_send_before_any_mail_leaves(
    client, django_capture_on_commit_callbacks
):
    contact_request = email_request()
    # A canned reply saved before the check existed.
    CannedReply.objects.bulk_create([CannedReply(title="Old", text="Dear {firstname},\n\nWe can help.")])
    client.force_login(support_user())
    seen = opened_with(client, contact_request)
    for button in ("preview", "send"):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                reply_url(contact_request),
                {"text": "Dear {firstname},\n\nWe can help.", button: "1", "seen": seen},
            )
        assert response.status_code == 400
        assert "The site cannot fill in {firstname}" in response.content.decode()
    assert not ContactMessage.objects.exists() and replies_to_them() == []


# --- Assignment -------------------------------------------------------------------------


def test_the_assignee_is_emailed_once_with_the_reference_and_a_link_only(django_capture_on_commit_callbacks):
    lead = fresh(support_user(email="lead@example.org"))
    jo = support_user(email="jo@example.org")
    contact_request = make_request(message="My husband is breathless at night.")
    with django_capture_on_commit_callbacks(execute=True):
        assert services.contact_request_assign(contact_request=contact_request, actor=lead, assignee=jo)
        # Again, to the same person (a second click, a second tab): nothing changes, nothing is sent.
        assert not services.contact_request_assign(contact_request=contact_request, actor=lead, assignee=jo)
    notes = [message for message in mail.outbox if message.to == ["jo@example.org"]]
    assert len(notes) == 1
    assert contact_request.reference in notes[0].subject
    assert f"/admin/support/contactrequest/{contact_request.pk}/change/" in notes[0].body
    assert "breathless" not in notes[0].body and "Alan" not in notes[0].body
    assert SupportEmail.objects.get(kind="assigned").sent_at is not None


def test_taking_a_request_yourself_sends_you_nothing(django_capture_on_commit_callbacks):
    jo = fresh(support_user(email="jo@example.org"))
    with django_capture_on_commit_callbacks(execute=True):
        services.contact_request_assign(contact_request=make_request(), actor=jo, assignee=jo)
    assert [m for m in mail.outbox if m.to == ["jo@example.org"]] == []


def test_the_assignment_email_is_owed_once_per_assignment_by_the_database():
    jo = support_user(email="jo@example.org")
    contact_request = make_request()
    services.contact_request_assign(contact_request=contact_request, actor=fresh(support_user()), assignee=jo)
    change = contact_request.changes.get(assigned_to=jo)
    # Owed again for the same assignment (a retry, a second worker): the database keeps one.
    support_emails_queue(contact_request, [SupportEmail.Kind.ASSIGNED], assignment=change)
    assert SupportEmail.objects.filter(assignment=change).count() == 1


# --- Refusals in words -------------------------------------------------------------------


def test_a_duplicate_warning_phrase_is_refused_in_words_and_the_form_keeps_it(client):
    WarningPhrase.objects.create(phrase="Coughing up blood again")
    client.force_login(UserFactory(groups=[SUPPORT_STAFF, SUPPORT_LEADS]))
    response = client.post(
        "/admin/support/warningphrase/add/",
        {"phrase": "coughing up BLOOD again", "kind": "unwell", "source": "Triage tool", "active": "on"},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "already on the list (perhaps with different capital letters)" in page
    assert "Constraint" not in page and "warning_phrase_unique_any_case" not in page
    assert 'value="coughing up BLOOD again"' in page


def test_a_duplicate_canned_reply_title_is_refused_in_words(client):
    CannedReply.objects.create(title="Benefits", text="Hello.")
    client.force_login(UserFactory(groups=[SUPPORT_STAFF, SUPPORT_LEADS]))
    response = client.post(
        "/admin/support/cannedreply/add/", {"title": "Benefits", "text": "Hi.", "active": "on"}
    )
    assert "A canned reply already has this title" in response.content.decode()


def test_every_constraint_and_unique_field_in_support_has_its_own_message():
    default_unique = "%(model_name)s with this %(field_label)s already exists."
    for model in apps.get_app_config("support").get_models():
        for constraint in model._meta.constraints:
            message = constraint.get_violation_error_message()
            assert constraint.name not in message, f"{model.__name__}: {constraint.name}"
            assert not message.startswith("Constraint "), f"{model.__name__}: {constraint.name}"
            if isinstance(constraint, UniqueConstraint):
                assert constraint.violation_error_message, f"{model.__name__}: {constraint.name}"
        for field in model._meta.concrete_fields:
            if field.unique and not field.primary_key:
                assert field.error_messages["unique"] != default_unique, f"{model.__name__}.{field.name}"
