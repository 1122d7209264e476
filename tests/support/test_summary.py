"""The monthly summary: months in words, outcomes, backlog, working-hours percentiles, urgent and spam counts."""

import csv
import datetime
import io
import zoneinfo

import pytest
import time_machine
from django.core.cache import caches

from support import services
from support.models import ContactRequest, MonthFigures, RefusedSubmissions
from support.summary import chart_bars, monthly_summary
from tests.factories import fresh
from tests.support.factories import make_request, support_user
from tests.support.helpers import CONTACT_URL, valid_post

pytestmark = pytest.mark.django_db
LONDON = zoneinfo.ZoneInfo("Europe/London")
SUMMARY_URL = "/admin/support/contactrequest/summary/"


def at(*args):
    return datetime.datetime(*args, tzinfo=LONDON)


@pytest.fixture
def history():
    staff = fresh(support_user())
    requests = []
    # October 2026: ten requests, first answered after 1, 2 ... 10 working hours (Mondays to Fridays, 9 to 17).
    for hours in range(1, 11):
        with time_machine.travel(at(2026, 10, 5, 9, 0), tick=False):
            contact_request = make_request(message="Coughing up blood." if hours == 1 else "A question.")
        day, hour = divmod(hours, 8)
        with time_machine.travel(at(2026, 10, 5 + day, 9 + hour, 0), tick=False):
            services.contact_note_add(
                contact_request=contact_request, author=staff, text="Called.", call_outcome="spoke"
            )
        requests.append(contact_request)
    # Two closed in October, one in November; so seven are open at the end of October, six now.
    for contact_request, when, outcome in [
        (requests[0], at(2026, 10, 20, 10), "called_back"),
        (requests[1], at(2026, 10, 21, 10), "spam"),
        (requests[2], at(2026, 11, 3, 10), "referred"),
    ]:
        with time_machine.travel(when, tick=False):
            services.contact_request_set_status(
                contact_request=contact_request, actor=staff, to_status="closed", outcome=outcome
            )
    RefusedSubmissions.objects.create(month=datetime.date(2026, 10, 1), reason="honeypot", count=4)
    return staff


def test_the_figures_of_a_month(history):
    with time_machine.travel(at(2026, 11, 23, 12), tick=False):
        october = next(summary for summary in monthly_summary() if summary.key == "2026-10")
    assert october.label == "October 2026"
    assert october.total == 10 and october.urgent == 1
    assert october.median_first_response_hours == 5.5
    assert october.p90_first_response_hours == 9.1  # 90th percentile of 1..10 (inclusive method)
    assert october.open_at_end == 8  # ten arrived, two closed in October
    assert october.by_outcome == {"called_back": 1, "spam": 1, "referred": 1}
    assert october.refused_total == 4


def test_the_page_fits_shows_months_in_words_and_a_chart_with_the_same_figures(client, history):
    client.force_login(history)
    with time_machine.travel(at(2026, 11, 23, 12), tick=False):
        client.force_login(history)
        page = client.get(SUMMARY_URL).content.decode()
        bars = chart_bars(monthly_summary())
    assert "October 2026" in page and "2026-10" not in page
    assert '<svg viewBox="0 0 720 230" role="img"' in page
    assert [bar.value for bar in bars][-2:] == [10, 0] and len(bars) == 12
    assert bars[0].label == "December 2025" and bars[-1].label == "November 2026"
    assert "<title>October 2026: 10</title>" in page
    assert "Alan Brookes" not in page and "01632" not in page and "Coughing" not in page


def test_the_csv_has_the_new_columns(client, history):
    with time_machine.travel(at(2026, 11, 23, 12), tick=False):
        client.force_login(history)
        response = client.get(SUMMARY_URL + "?format=csv")
    rows = {row["Month"]: row for row in csv.DictReader(io.StringIO(response.content.decode()))}
    october = rows["2026-10"]
    assert october["Urgent"] == "1" and october["Open at month end"] == "8"
    assert october["90th percentile working hours to first response"] == "9.1"
    assert october["Outcome: Spam"] == "1" and october["Refused: Filled in the hidden field"] == "4"
    assert rows["2026-11"]["Open at month end"] == "7"


def test_a_refused_form_is_counted_with_no_personal_data(client):
    caches["default"].clear()
    client.post(CONTACT_URL, valid_post(website="http://spam.example"))
    counter = RefusedSubmissions.objects.get()
    assert counter.reason == "honeypot" and counter.count == 1
    assert {field.name for field in RefusedSubmissions._meta.get_fields()} == {
        "id",
        "month",
        "reason",
        "count",
    }


def test_settled_months_are_kept_once_and_only_the_months_still_changing_are_counted(history):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    staff = fresh(support_user())
    for month in range(1, 6):  # more requests as the months go by, answered and closed
        with time_machine.travel(at(2027, month, 4, 10, 0), tick=False):
            for _ in range(3):
                request = make_request()
                services.contact_request_set_status(
                    contact_request=request, actor=staff, to_status="closed", outcome="called_back"
                )

    def summary_and_queries(now):
        with CaptureQueriesContext(connection) as captured:
            summaries = monthly_summary(now=now)
        return summaries, len(captured)

    first, _ = summary_and_queries(at(2027, 6, 1, 12, 0))
    # October 2026 to April 2027 are settled (the month after each has ended); May and June are not.
    assert sorted(MonthFigures.objects.values_list("month", flat=True)) == [
        datetime.date(2026, 10, 1),
        datetime.date(2026, 11, 1),
        datetime.date(2026, 12, 1),
        datetime.date(2027, 1, 1),
        datetime.date(2027, 2, 1),
        datetime.date(2027, 3, 1),
        datetime.date(2027, 4, 1),
    ]
    again, queries = summary_and_queries(at(2027, 6, 1, 12, 0))
    assert [summary.figures() for summary in again] == [summary.figures() for summary in first]
    # Kept figures, this month and last, those open at each month's end (open now, and closed
    # since), the refusals (and on SQLite the response times): the same few however long the history.
    assert queries <= 6
    with time_machine.travel(at(2027, 6, 10, 10, 0), tick=False):
        make_request()
    later, later_queries = summary_and_queries(at(2027, 6, 20, 12, 0))
    assert later_queries == queries
    assert next(summary for summary in later if summary.key == "2027-06").total == 1


def test_kept_months_outlive_their_requests(history):
    """Requests deleted at the end of their retention leave their month's figures as they were."""
    with time_machine.travel(at(2027, 1, 5, 12), tick=False):
        before = {summary.key: summary.figures() for summary in monthly_summary()}
    assert before["2026-10"]["total"] == 10 and before["2026-10"]["by_outcome"] == {
        "called_back": 1,
        "spam": 1,
        "referred": 1,
    }
    ContactRequest.objects.filter(status=ContactRequest.Status.CLOSED).delete()
    with time_machine.travel(at(2027, 1, 5, 12), tick=False):
        after = {summary.key: summary.figures() for summary in monthly_summary()}
    assert after["2026-10"] == before["2026-10"] and after["2026-11"] == before["2026-11"]
    # December is not settled yet: counted from what is left (the open requests, still open).
    assert after["2026-12"]["open_at_end"] == before["2026-12"]["open_at_end"] == 7


def test_the_first_response_hours_are_kept_when_the_first_response_is_recorded():
    with time_machine.travel(at(2026, 11, 27, 16, 0), tick=False):  # a Friday, an hour before closing
        request = make_request()
    with time_machine.travel(at(2026, 11, 30, 10, 30), tick=False):  # Monday
        services.contact_request_set_status(
            contact_request=request, actor=fresh(support_user()), to_status="waiting"
        )
    request.refresh_from_db()
    assert request.first_response_hours == 2.5
