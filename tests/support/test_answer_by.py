"""The promised answer time, counted in opening hours, skipping weekends and bank holidays."""

import pytest
import time_machine

from support.models import ContactRequest
from support.working_hours import answer_by, working_hours_between
from tests.factories import fresh
from tests.support.factories import make_request, support_user
from tests.support.helpers import at


@pytest.mark.parametrize(
    ("received", "due"),
    [
        # Two working days of 8 hours from Monday 10:00: Wednesday 10:00.
        (at(2026, 11, 23, 10, 0), at(2026, 11, 25, 10, 0)),
        # Friday 15:30 -> 1.5 h on Friday, 8 h on Monday, 6.5 h on Tuesday.
        (at(2026, 11, 27, 15, 30), at(2026, 12, 1, 15, 30)),
        # Saturday: the count starts at Monday's opening.
        (at(2026, 11, 28, 11, 0), at(2026, 12, 1, 17, 0)),
        # Before opening on a weekday: counted from 9am.
        (at(2026, 11, 24, 7, 45), at(2026, 11, 25, 17, 0)),
        # Christmas Eve 16:00 (Thursday): Christmas Day, Boxing Day, the weekend and
        # Boxing Day observed (Monday 28th) are skipped; Tuesday and Wednesday follow.
        (at(2026, 12, 24, 16, 0), at(2026, 12, 30, 16, 0)),
        # Good Friday and Easter Monday 2027 are bank holidays.
        (at(2027, 3, 25, 12, 0), at(2027, 3, 31, 12, 0)),
    ],
)
def test_answer_by_counts_opening_hours_only(received, due):
    assert answer_by(received, working_days=2) == due


def test_working_hours_between_skips_nights_weekends_and_bank_holidays():
    # Friday 16:00 to Tuesday 10:00 around the late August bank holiday 2026 (Monday 31st).
    assert working_hours_between(at(2026, 8, 28, 16, 0), at(2026, 9, 1, 10, 0)) == 2.0
    assert working_hours_between(at(2026, 11, 23, 18, 0), at(2026, 11, 23, 20, 0)) == 0.0


@pytest.mark.django_db
def test_a_new_request_gets_its_answer_by_time_and_is_overdue_after_it(client):
    with time_machine.travel(at(2026, 11, 27, 15, 30), tick=False):
        contact_request = make_request()
    assert contact_request.answer_by == at(2026, 12, 1, 15, 30)
    staff = support_user()
    with time_machine.travel(at(2026, 12, 1, 15, 0), tick=False):
        client.force_login(staff)  # sessions expire: sign in at the time travelled to
        assert not ContactRequest.objects.overdue().exists()
        page = client.get("/admin/support/contactrequest/", {"answer_by": "overdue"}).content.decode()
        assert contact_request.reference not in page
    with time_machine.travel(at(2026, 12, 1, 15, 31), tick=False):
        client.force_login(staff)
        assert list(ContactRequest.objects.overdue()) == [contact_request]
        page = client.get("/admin/support/contactrequest/", {"answer_by": "overdue"}).content.decode()
        assert contact_request.reference in page
        assert '<strong class="overdue-flag">Overdue</strong>' in page
        home = client.get("/admin/").content.decode()
        assert "<strong>1</strong> overdue" in home
        assert "<strong>1</strong> unassigned" in home
        assert "<strong>0</strong> urgent" in home


@pytest.mark.django_db
def test_an_answered_request_is_not_overdue(client):
    from support import services

    with time_machine.travel(at(2026, 11, 23, 10, 0), tick=False):
        contact_request = make_request()
    with time_machine.travel(at(2026, 11, 24, 10, 0), tick=False):
        services.contact_note_add(
            contact_request=contact_request, author=fresh(support_user()), text="Spoke.", call_outcome="spoke"
        )
    with time_machine.travel(at(2026, 11, 30, 10, 0), tick=False):
        assert not ContactRequest.objects.overdue().exists()


@pytest.mark.django_db
def test_the_admin_home_counts_urgent_new_today_and_unassigned(client):
    with time_machine.travel(at(2026, 11, 20, 10, 0), tick=False):
        make_request(message="An old question.")
    with time_machine.travel(at(2026, 11, 23, 10, 0), tick=False):
        make_request(message="He is coughing up blood.")
        make_request(message="A question about trials.")
        client.force_login(fresh(support_user()))
        home = client.get("/admin/").content.decode()
    assert "<strong>1</strong> urgent" in home
    assert "<strong>2</strong> new today" in home
    assert "<strong>3</strong> unassigned" in home
