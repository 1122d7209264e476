"""
Journey 4: a person asks to be emailed; support staff answer with a canned
reply; the email reaches a real mail server once, the person's answer arrives
in a real IMAP mailbox, and fetch_support_replies threads it onto the request.
"""

import re
from email.message import EmailMessage
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from support.models import CannedReply, ContactMessage, ContactRequest
from support.roles import SUPPORT_STAFF
from tests.browser.pages import sign_in
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)
SCREENSHOTS = Path(__file__).parent / "screenshots"


def test_support_answers_by_email_and_the_persons_reply_joins_the_thread(
    visit, smtp_sink, imap_server, settings
):
    for name, value in imap_server.settings().items():
        setattr(settings, name, value)
    UserFactory(username="jo", first_name="Jo", last_name="Patel", groups=[SUPPORT_STAFF])
    CannedReply.objects.create(
        title="Side effects: call your acute oncology line",
        text="Dear {first_name},\n\nPlease call the acute oncology line on your treatment card now.\n\n{your_name}",
    )

    # The person asks to be emailed.
    visitor = visit()
    visitor.goto("/support/contact/")
    visitor.get_by_label("Your name").fill("Rachel Evans")
    visitor.get_by_label("An email").check()
    visitor.get_by_label("Email address").fill("rachel.evans@example.org")
    visitor.get_by_label("I am a family member or carer").check()
    visitor.get_by_label("Symptoms and side effects").check()
    visitor.get_by_label("Your message").fill("He has new diarrhoea a week after starting immunotherapy.")
    visitor.get_by_label(re.compile("^I agree that the charity")).check()
    visitor.get_by_role("button", name="Send").click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text("We have your message")
    stored = ContactRequest.objects.get()
    assert stored.urgent

    # Support staff find it first in the list, marked urgent, and answer it.
    staff = visit(viewport={"width": 1280, "height": 900})
    sign_in(staff, "jo")
    staff.goto("/admin/support/contactrequest/")
    first_row = staff.locator("#result_list tbody tr").first
    expect(first_row).to_contain_text(stored.reference)
    expect(first_row).to_contain_text("Urgent")
    staff.screenshot(path=str(SCREENSHOTS / "support-list-1280.png"), full_page=True)
    assert staff.evaluate("document.documentElement.scrollWidth") <= 1280
    first_row.get_by_role("link", name=stored.reference).click()
    staff.get_by_role("link", name="Reply by email").click()
    staff.get_by_label("Start from a canned reply").select_option(
        label="Side effects: call your acute oncology line"
    )
    staff.get_by_role("button", name="Add it to the reply").click()
    # The placeholders are filled once, when it is sent; the preview shows the email as it will go.
    expect(staff.get_by_label("Your reply")).to_have_value(re.compile(r"^Dear \{first_name\},"))
    staff.get_by_role("button", name="Preview").click()
    expect(staff.locator(".reply-preview")).to_contain_text("Dear Rachel,")
    expect(staff.locator(".reply-preview")).to_contain_text("Jo Patel")
    staff.get_by_role("button", name="Send").click()
    expect(staff.get_by_text(f"Your reply to {stored.reference} is on its way.")).to_be_visible()

    sent = [message for message in smtp_sink.messages if stored.reference in message["Subject"] and message["To"] == "rachel.evans@example.org" and "Your message to" in message["Subject"]]  # fmt: skip
    assert len(sent) == 1
    assert sent[0]["Message-ID"] == ContactMessage.objects.get(direction="out").message_id

    # Her answer arrives in the support mailbox, as a reply to ours.
    answer = EmailMessage()
    answer["From"] = "Rachel Evans <rachel.evans@example.org>"
    answer["To"] = "support@example.org"
    answer["Subject"] = "Re: " + sent[0]["Subject"]
    answer["In-Reply-To"] = sent[0]["Message-ID"]
    answer["Message-ID"] = "<answer-1@example.org>"
    answer.set_content("Thank you. We called them and he is going in to be checked.\n\n> Dear Rachel,")
    imap_server.deliver(answer.as_bytes())
    out = StringIO()
    call_command("fetch_support_replies", stdout=out)
    assert f"Replies stored: 1 ({stored.reference})" in out.getvalue()

    staff.reload()
    thread = staff.locator("#thread .thread-message")
    expect(thread).to_have_count(2)
    expect(thread.nth(0)).to_contain_text("Sent to them by Jo Patel")
    expect(thread.nth(1)).to_contain_text("From them")
    expect(thread.nth(1)).to_contain_text("he is going in to be checked")
    staff.screenshot(path=str(SCREENSHOTS / "support-request-thread-1280.png"), full_page=True)
    assert staff.evaluate("document.documentElement.scrollWidth") <= 1280

    staff.goto("/admin/support/contactrequest/summary/")
    staff.screenshot(path=str(SCREENSHOTS / "support-summary-1280.png"), full_page=True)
    assert staff.evaluate("document.documentElement.scrollWidth") <= 1280
