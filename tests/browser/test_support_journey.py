"""Journey 2: a visitor asks for a call back, fixes a mistake, and support staff answer and close it."""

import re

import pytest
from playwright.sync_api import expect

from support.models import ContactNote, ContactRequest
from support.roles import SUPPORT_STAFF
from tests.browser.pages import sign_in
from tests.factories import UserFactory
from tests.treatments.factories import published_article

pytestmark = pytest.mark.django_db(transaction=True)


def test_visitor_asks_for_a_call_back_and_support_closes_it(visit):
    article = published_article(title="Chemotherapy for mesothelioma")
    staff = UserFactory(username="jo", first_name="Jo", last_name="Patel", groups=[SUPPORT_STAFF])

    visitor = visit()
    visitor.goto(article.get_absolute_url())
    visitor.locator(".support-cta").get_by_role("link", name="Ask us to call you back").click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text("Contact us")

    # Filled in with one mistake: a call back, but no phone number.
    visitor.get_by_label("Your name").fill("Margaret Ellis")
    visitor.get_by_label("A call back").check()
    visitor.get_by_label("Tuesday").check()
    visitor.get_by_label("Morning (9am to 12 noon)").check()
    visitor.locator("#id_voicemail_ok_group").get_by_label("Yes").check()
    visitor.get_by_label("I have mesothelioma").check()
    visitor.get_by_label("Treatment", exact=True).check()
    visitor.get_by_label("Your message").fill("Can a nurse explain what happens at each chemotherapy cycle?")
    visitor.get_by_label(re.compile("^I agree that the charity")).check()
    visitor.get_by_role("button", name="Send").click()

    summary = visitor.locator(".error-summary")
    expect(summary).to_contain_text("There is a problem")
    expect(
        summary.get_by_role("link", name="Enter your phone number, so we can call you back.")
    ).to_be_visible()
    # Everything else is still there; only the phone number is typed.
    expect(visitor.get_by_label("Your name")).to_have_value("Margaret Ellis")
    expect(visitor.get_by_label("Your message")).to_have_value(
        "Can a nurse explain what happens at each chemotherapy cycle?"
    )
    expect(visitor.get_by_label("A call back")).to_be_checked()
    expect(visitor.get_by_label("Tuesday")).to_be_checked()
    assert not ContactRequest.objects.exists()

    summary.get_by_role("link", name="Enter your phone number, so we can call you back.").click()
    expect(visitor.get_by_label("Phone number")).to_be_focused()
    visitor.get_by_label("Phone number").fill("01632 960 114")
    visitor.get_by_role("button", name="Send").click()

    expect(visitor.get_by_role("heading", level=1)).to_have_text("We have your message")
    reference = visitor.locator(".reference").inner_text().strip()
    assert re.fullmatch(r"SR-\d{4}-\d{6}", reference)
    stored = ContactRequest.objects.get()
    assert stored.reference == reference and stored.phone == "01632 960 114"
    assert stored.callback_days == ["tue"]
    assert "Margaret" not in visitor.url and reference not in visitor.url

    # Support staff find it by its reference, take it, note the call and close it.
    support = visit()
    sign_in(support, staff.username)
    support.goto("/admin/support/contactrequest/")
    support.get_by_role("textbox", name="Search").fill(reference)
    support.keyboard.press("Enter")
    support.get_by_role("link", name=reference).click()
    expect(
        support.get_by_text("Can a nurse explain what happens at each chemotherapy cycle?")
    ).to_be_visible()

    support.get_by_role("link", name="Assign").click()
    support.get_by_label("Assign to").select_option(label="Jo Patel")
    support.get_by_role("button", name="Save").click()
    expect(support.get_by_text("Updated 1 request")).to_be_visible()

    # The "add a note" inline; its hidden template row has the same labels.
    support.locator("#id_notes-2-0-call_outcome").select_option(label="Called: spoke to them")
    support.locator("#id_notes-2-0-text").fill("Talked through a chemotherapy cycle and side effects.")
    support.get_by_role("button", name="Save and continue editing").click()
    expect(support.locator(".inline-group").first).to_contain_text("Talked through a chemotherapy cycle")

    support.get_by_role("link", name="Change status").click()
    support.get_by_label("New status").select_option(label="Closed")
    support.get_by_label("Outcome (needed to close)").select_option(label="Called back")
    support.get_by_role("button", name="Save").click()
    expect(support.get_by_text("Updated 1 request")).to_be_visible()

    stored.refresh_from_db()
    assert stored.status == ContactRequest.Status.CLOSED
    assert stored.outcome == ContactRequest.Outcome.CALLED_BACK
    assert stored.assigned_to == staff
    assert stored.first_response_at is not None
    note = ContactNote.objects.get()
    assert note.author == staff and note.call_outcome == "spoke"
