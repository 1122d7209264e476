"""
Journey 5: a red flag by email. Support staff answer a routine request from
the site (a real SMTP sink receives it); the person writes back, through a
real IMAP mailbox (dovecot), that they are coughing up blood;
fetch_support_replies takes it onto the request. The request is urgent, first
in the list, needs a response again, and the duty address has one alert that
does not carry their words. A colleague opening the request is named on it.
"""

import datetime
import re
from email.message import EmailMessage
from io import StringIO
from pathlib import Path

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from staff.models import StaffProfile
from support import services
from support.models import ContactRequest
from support.roles import SUPPORT_STAFF
from tests.browser.pages import serious_violations, sign_in
from tests.factories import UserFactory
from tests.support.factories import make_request

pytestmark = pytest.mark.django_db(transaction=True)
SCREENSHOTS = Path(__file__).parent / "screenshots"
RED_FLAG = "Since last night I have been coughing up blood, more each time."


def test_a_red_flag_in_an_emailed_answer_puts_the_request_first_and_alerts_the_duty_address_once(
    visit, smtp_sink, imap_server, settings
):
    for name, value in imap_server.settings().items():
        setattr(settings, name, value)
    settings.SUPPORT_URGENT_EMAIL = "duty@example.org"
    jo = UserFactory(
        username="jo",
        first_name="Jo",
        last_name="Patel",
        email="jo.patel@example.org",
        groups=[SUPPORT_STAFF],
    )
    sam = UserFactory(username="sam", first_name="Sam", last_name="Okafor", groups=[SUPPORT_STAFF])
    StaffProfile.objects.create(user=sam, public_name="Sam Okafor", role_title="Support worker")
    # Two routine requests that came in earlier and wait for an answer.
    with time_machine.travel(timezone.now() - datetime.timedelta(days=1)):
        waiting = [make_request(name=f"Earlier {n}") for n in range(2)]
        request = make_request(
            name="Rachel Evans", contact_method="email", email="rachel.evans@example.org", phone="",
            voicemail_ok=None, message="What does maintenance chemotherapy mean?",
        )  # fmt: skip
    assert not request.urgent

    # Jo answers it from the site, and moves it to "Waiting for reply".
    staff = visit(viewport={"width": 1280, "height": 900})
    sign_in(staff, "jo")
    staff.goto(f"/admin/support/contactrequest/{request.pk}/reply/")
    staff.get_by_label("Your reply").fill(
        "Dear {first_name},\n\nMaintenance means carrying on with one drug."
    )
    staff.get_by_role("button", name="Send").click()
    expect(staff.get_by_text(f"Your reply to {request.reference} is on its way.")).to_be_visible()
    services.contact_request_set_status(contact_request=request, actor=jo, to_status="waiting")
    [ours] = [m for m in smtp_sink.messages if m["To"] == "rachel.evans@example.org" and "Your message to" in m["Subject"]]  # fmt: skip
    duty_before = [m for m in smtp_sink.messages if m["To"] == "duty@example.org"]
    assert duty_before == []

    # Her answer, with a red flag, arrives in the support mailbox.
    answer = EmailMessage()
    answer["From"] = "Rachel Evans <rachel.evans@example.org>"
    answer["To"] = "support@example.org"
    answer["Subject"] = "Re: " + ours["Subject"]
    answer["In-Reply-To"] = ours["Message-ID"]
    answer["Message-ID"] = "<red-flag-1@example.org>"
    answer.set_content(
        f"Thank you.\n\n{RED_FLAG}\n\n> Dear Rachel,\n> Maintenance means carrying on with one drug."
    )
    imap_server.deliver(answer.as_bytes())
    call_command("fetch_support_replies", stdout=StringIO())
    call_command("fetch_support_replies", stdout=StringIO())  # a second run stores and alerts nothing more
    call_command("send_outboxes", stdout=StringIO())

    stored = ContactRequest.objects.get(pk=request.pk)
    assert stored.urgent and stored.status == "in_progress" and stored.answered_at is None
    alerts = [m for m in smtp_sink.messages if m["To"] == "duty@example.org"]
    assert len(alerts) == 1
    alert_text = alerts[0].get_payload(decode=True).decode()
    assert (
        stored.reference in alerts[0]["Subject"]
        and f"/admin/support/contactrequest/{stored.pk}/change/" in alert_text
    )
    assert "coughing" not in alert_text.lower() and "blood" not in alert_text.lower()

    # First in the list, flagged in words, above the requests that waited longer.
    staff.goto("/admin/support/contactrequest/")
    rows = staff.locator("#result_list tbody tr")
    expect(rows.first).to_contain_text(stored.reference)
    expect(rows.first).to_contain_text("Urgent")
    expect(rows.nth(1)).to_contain_text(waiting[0].reference)
    assert staff.evaluate("document.documentElement.scrollWidth") <= 1280
    staff.screenshot(path=str(SCREENSHOTS / "support-list-red-flag-by-email-1280.png"), full_page=True)
    assert serious_violations(staff, "#changelist-form", "#changelist-filter", ".object-tools") == []

    # Sam opens it too; Jo's page names Sam within a heartbeat.
    colleague = visit(viewport={"width": 1280, "height": 900})
    sign_in(colleague, "sam")
    colleague.goto(f"/admin/support/contactrequest/{stored.pk}/change/")
    staff.goto(f"/admin/support/contactrequest/{stored.pk}/change/")
    expect(staff.locator("#page-presence")).to_contain_text(
        "Sam Okafor has had this page open since", timeout=30000
    )
    urgent_field = staff.locator(".field-urgent_display")
    expect(urgent_field).to_contain_text("An email from them matched")
    expect(staff.locator(".field-answer_by_display")).to_contain_text(
        "Urgent: answer by the end of the working day"
    )
    expect(staff.locator("#thread .thread-urgent")).to_contain_text("coughing up blood")
    expect(staff.locator(".field-status")).to_contain_text("In progress")
    staff.screenshot(path=str(SCREENSHOTS / "support-request-red-flag-by-email-1280.png"), full_page=True)
    assert staff.evaluate("document.documentElement.scrollWidth") <= 1280
    assert serious_violations(staff, "#content-main fieldset", "#page-presence") == []

    # Both open the reply page; Sam sends first; Jo's Send shows Sam's reply and sends nothing.
    staff.goto(f"/admin/support/contactrequest/{stored.pk}/reply/")
    colleague.goto(f"/admin/support/contactrequest/{stored.pk}/reply/")
    colleague.get_by_label("Your reply").fill("Please call 999 now, or go to A&E.")
    colleague.get_by_role("button", name="Send").click()
    expect(colleague.get_by_text("is on its way")).to_be_visible()
    staff.get_by_label("Your reply").fill("Please ring your acute oncology line now.")
    staff.get_by_role("button", name="Send").click()
    expect(staff.locator(".newer-messages")).to_contain_text("joined the request since you opened this page")
    expect(staff.locator("#newer-thread")).to_contain_text("Please call 999 now")
    expect(staff.get_by_label("Your reply")).to_have_value("Please ring your acute oncology line now.")
    staff.screenshot(path=str(SCREENSHOTS / "support-reply-newer-message-1280.png"), full_page=True)
    assert serious_violations(staff, "#content-main") == []
    to_her = [m for m in smtp_sink.messages if m["To"] == "rachel.evans@example.org" and "Your message to" in m["Subject"]]  # fmt: skip
    assert len(to_her) == 2  # ours, then Sam's: Jo's waits for a second Send
    assert re.search("Please call 999", to_her[-1].get_payload(decode=True).decode())

    # Sam gives the request to Jo: Jo is emailed once (reference and link), and Jo's admin home lists it.
    services.contact_request_assign(contact_request=stored, actor=sam, assignee=jo)
    call_command("send_outboxes", stdout=StringIO())
    [note] = [m for m in smtp_sink.messages if m["To"] == "jo.patel@example.org"]
    assert stored.reference in note["Subject"] and "blood" not in note.get_payload(decode=True).decode()
    staff.goto("/admin/")
    mine = staff.locator("#support-dashboard")
    expect(mine).to_contain_text("Assigned to you (1 open)")
    expect(mine.get_by_role("link", name=stored.reference)).to_be_visible()
    expect(mine).to_contain_text("0 urgent, not answered yet")  # Sam's reply answered it
    expect(mine.locator("table")).to_contain_text("Answered")
    staff.screenshot(path=str(SCREENSHOTS / "admin-home-support-1280.png"), full_page=True)
    assert serious_violations(staff, "#support-dashboard") == []
