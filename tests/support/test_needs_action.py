"""
The next job first: the support list's default order over requests in every
state, the shorter answer-by time of urgent requests (across an evening, a
weekend and a bank holiday), and the admin home's "what needs doing now".
"""

import re

import pytest
import time_machine

from support import services
from support.models import ContactRequest, NeedsAction
from support.working_hours import urgent_answer_by
from tests.factories import fresh
from tests.support.factories import make_request, support_user
from tests.support.helpers import at

pytestmark = pytest.mark.django_db
CHANGELIST = "/admin/support/contactrequest/"


@pytest.mark.parametrize(
    ("received", "due"),
    [
        # In working hours: by the close of that working day.
        (at(2026, 11, 23, 10, 0), at(2026, 11, 23, 17, 0)),
        (at(2026, 11, 23, 16, 45), at(2026, 11, 23, 17, 0)),
        # An evening: by 11am the next morning.
        (at(2026, 11, 23, 19, 30), at(2026, 11, 24, 11, 0)),
        # Early morning before opening: by 11am that day.
        (at(2026, 11, 24, 6, 10), at(2026, 11, 24, 11, 0)),
        # Friday evening and Saturday: by 11am on Monday.
        (at(2026, 11, 27, 17, 0), at(2026, 11, 30, 11, 0)),
        (at(2026, 11, 28, 14, 0), at(2026, 11, 30, 11, 0)),
        # Christmas Eve evening: Christmas Day, Boxing Day, the weekend and Boxing Day
        # observed (Monday 28th) are skipped: by 11am on Tuesday 29th.
        (at(2026, 12, 24, 18, 0), at(2026, 12, 29, 11, 0)),
        # On a bank holiday itself (Easter Monday 2027): the next working morning.
        (at(2027, 3, 29, 10, 0), at(2027, 3, 30, 11, 0)),
    ],
)
def test_urgent_requests_are_due_the_same_working_day_or_the_next_morning(received, due):
    assert urgent_answer_by(received) == due


def test_the_next_morning_hour_is_a_setting(settings):
    settings.SUPPORT_URGENT_NEXT_MORNING_BY = 10
    assert urgent_answer_by(at(2026, 11, 23, 19, 30)) == at(2026, 11, 24, 10, 0)


def test_an_urgent_request_gets_the_urgent_time_and_marking_one_urgent_brings_its_time_forward(settings):
    settings.SUPPORT_URGENT_EMAIL = "duty@example.org"
    with time_machine.travel(at(2026, 11, 23, 10, 0), tick=False):
        flagged = make_request(message="I am coughing up blood since this morning.")
        ordinary = make_request()
        assert flagged.urgent and flagged.answer_by == at(2026, 11, 23, 17, 0)
        assert ordinary.answer_by == at(2026, 11, 25, 10, 0)
    with time_machine.travel(at(2026, 11, 23, 20, 0), tick=False):
        services.contact_request_set_urgent(
            contact_request=ordinary, actor=fresh(support_user()), urgent=True
        )
    assert ContactRequest.objects.get(pk=ordinary.pk).answer_by == at(2026, 11, 24, 11, 0)


def test_clearing_the_flag_never_moves_the_promise_later():
    staff = fresh(support_user())
    with time_machine.travel(at(2026, 11, 23, 10, 0), tick=False):
        request = make_request()
        services.contact_request_set_urgent(contact_request=request, actor=staff, urgent=True)
        services.contact_request_set_urgent(contact_request=request, actor=staff, urgent=False)
    assert ContactRequest.objects.get(pk=request.pk).answer_by == at(2026, 11, 23, 17, 0)


def requests_in_every_state():
    """Requests received Monday 23 to Wednesday 25 November 2026, in every state."""
    staff = fresh(support_user())
    made = {}

    def received(moment, name, **fields):
        with time_machine.travel(moment, tick=False):
            made[name] = make_request(name=name, **fields)
        return made[name]

    def act(moment, change):
        with time_machine.travel(moment, tick=False):
            change()

    received(at(2026, 11, 23, 9, 0), "Closed")
    act(
        at(2026, 11, 23, 9, 30),
        lambda: services.contact_request_set_status(
            contact_request=made["Closed"], actor=staff, to_status="closed", outcome="called_back"
        ),
    )
    received(at(2026, 11, 23, 9, 15), "Waiting")
    act(
        at(2026, 11, 23, 11, 0),
        lambda: services.contact_request_set_status(
            contact_request=made["Waiting"], actor=staff, to_status="waiting"
        ),
    )
    received(at(2026, 11, 23, 10, 0), "Overdue")  # due Wednesday 10:00
    received(at(2026, 11, 23, 15, 0), "Due today")  # due Wednesday 15:00
    received(at(2026, 11, 24, 9, 0), "Urgent answered", message="I am coughing up blood.")
    act(
        at(2026, 11, 24, 9, 20),
        lambda: services.contact_note_add(
            contact_request=made["Urgent answered"], author=staff, text="Spoke.", call_outcome="spoke"
        ),
    )
    # Picked up (In progress) but not answered: still needs its answer.
    received(at(2026, 11, 24, 16, 0), "In progress")  # due Thursday 16:00
    act(
        at(2026, 11, 24, 16, 5),
        lambda: services.contact_request_set_status(
            contact_request=made["In progress"], actor=staff, to_status="in_progress"
        ),
    )
    received(at(2026, 11, 25, 11, 0), "New")  # due Friday 11:00
    received(at(2026, 11, 25, 11, 30), "Urgent unanswered", message="He is coughing up blood.")
    return made


def listed_names(client, query=""):
    html = client.get(CHANGELIST + query).content.decode()
    references = re.findall(r'<th class="field-reference"><a href="[^"]+">(SR-\d{4}-\d{6})</a>', html)
    names = dict(ContactRequest.objects.values_list("reference", "name"))
    return [names[reference] for reference in references]


def test_the_list_puts_the_next_job_first_and_answered_requests_below_every_unanswered_one(client):
    made = requests_in_every_state()
    assert made["Urgent answered"].urgent and made["Urgent unanswered"].urgent
    client.force_login(support_user())
    with time_machine.travel(at(2026, 11, 25, 12, 0), tick=False):
        open_view = listed_names(client)
        everything = listed_names(client, "?state=all")
    unanswered = ["Urgent unanswered", "Overdue", "Due today", "In progress", "New"]
    answered = ["Urgent answered", "Waiting"]  # by their answer-by time (Tuesday 17:00, Wednesday 9:15)
    assert open_view == unanswered + answered
    assert everything == unanswered + answered + ["Closed"]
    stored = {request.name: request.needs_action for request in ContactRequest.objects.all()}
    assert stored["Urgent unanswered"] == NeedsAction.URGENT
    assert stored["Urgent answered"] == stored["Waiting"] == NeedsAction.ANSWERED
    assert stored["Closed"] == NeedsAction.CLOSED


def test_a_reply_from_them_puts_an_answered_request_back_above_the_answered_ones(client):
    made = requests_in_every_state()
    with time_machine.travel(at(2026, 11, 25, 11, 45), tick=False):
        services.contact_request_reopen_on_reply(made["Waiting"], at=at(2026, 11, 25, 11, 45))
    client.force_login(support_user())
    with time_machine.travel(at(2026, 11, 25, 12, 0), tick=False):
        names = listed_names(client)
    # Due two working days after their email (Friday 11:45), after the new request due at 11:00.
    assert names.index("Waiting") == names.index("New") + 1
    assert names[-1] == "Urgent answered"


def test_the_admin_home_says_what_needs_doing_now_and_lists_my_requests(client):
    made = requests_in_every_state()
    jo = support_user(first_name="Jo", last_name="Patel")
    for name in ("New", "Urgent unanswered", "Closed"):
        services.contact_request_assign(contact_request=made[name], actor=fresh(jo), assignee=jo)
    client.force_login(jo)
    with time_machine.travel(at(2026, 11, 25, 12, 0), tick=False):
        html = client.get("/admin/").content.decode()
    counts = {
        label: int(count)
        for count, label in re.findall(
            r"<strong>(\d+)</strong> ([a-z ,]+)</a>", html.split('id="support-dashboard"')[1]
        )
    }
    assert counts["urgent, not answered yet"] == 1
    assert counts["overdue"] == 1
    assert counts["due by the end of today"] == 3  # overdue, due today and the urgent one
    mine = html.split('id="my-requests-heading"')[1].split("</table>")[0]
    assert "Assigned to you (2 open)" in html
    # Next job first; the closed one is not a job.
    assert mine.index(made["Urgent unanswered"].reference) < mine.index(made["New"].reference)
    assert made["Closed"].reference not in mine
    assert "?assigned=me" in html


def test_my_requests_lists_only_what_is_assigned_to_me(client):
    jo, sam = support_user(), support_user()
    mine, theirs, nobodys = (
        make_request(name="Mine"),
        make_request(name="Theirs"),
        make_request(name="Nobody's"),
    )
    services.contact_request_assign(contact_request=mine, actor=fresh(jo), assignee=jo)
    services.contact_request_assign(contact_request=theirs, actor=fresh(sam), assignee=sam)
    client.force_login(jo)
    assert listed_names(client, "?assigned=me") == ["Mine"]
    assert "My requests" in client.get(CHANGELIST).content.decode()
    assert nobodys.reference  # listed under "Nobody", not under anyone's own
    assert listed_names(client, "?assigned=nobody") == ["Nobody's"]
