"""
The support admin's searches and filters can use their indexes on PostgreSQL.
Sequential scans are switched off, so a plan that still reads the whole table
means Django's SQL does not match the index (UPPER(col::text), the partial
conditions): on 100,000 requests that is the difference between a few
milliseconds and a few hundred.
"""

import pytest
from django.contrib import admin
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from support.models import ContactRequest
from tests.factories import UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


def plan_without_seq_scans(queryset) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
    return queryset.explain()


def admin_search(term: str):
    model_admin = admin.site.get_model_admin(ContactRequest)
    request = RequestFactory().get("/admin/support/contactrequest/", {"q": term})
    queryset, _ = model_admin.get_search_results(request, ContactRequest.objects.all(), term)
    return queryset


def test_one_search_box_uses_an_index_for_each_field():
    plan = plan_without_seq_scans(admin_search("margaret"))
    for index in (
        "contact_reference_upper",
        "contact_email_upper",
        "contact_name_trgm",
        "contact_phone_trgm",
    ):
        assert index in plan
    assert "Seq Scan" not in plan


def test_call_backs_waiting_reads_the_open_call_backs_and_spoken_notes_indexes():
    plan = plan_without_seq_scans(ContactRequest.objects.callbacks_waiting().order_by("received_at", "id"))
    assert "contact_callbacks_open" in plan
    assert "contact_note_spoke" in plan
    assert "Seq Scan" not in plan


def list_view(params: dict):
    """The rows a page of the support list reads, as the admin builds its query for `params`."""
    model_admin = admin.site.get_model_admin(ContactRequest)
    request = RequestFactory().get("/admin/support/contactrequest/", params)
    request.user = UserFactory(is_superuser=True, is_staff=True)
    changelist = model_admin.get_changelist_instance(request)
    return changelist.queryset[: model_admin.list_per_page]


@pytest.mark.parametrize(
    ("params", "index"),
    [
        ({}, "contact_needs_action"),
        ({"state": "open"}, "contact_needs_action"),
        ({"state": "all"}, "contact_needs_action"),
        ({"state": "closed"}, "contact_closed_latest"),
        ({"assigned": "me"}, "contact_assigned_needs_action"),
    ],
)
def test_each_view_of_the_list_is_read_in_its_order_from_an_index(params, index):
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_sort = off")  # a plan that still sorts cannot read an index in order
    plan = plan_without_seq_scans(list_view(params))
    assert f"Index Scan using {index}" in plan, plan
    assert "Sort" not in plan.replace("Sort Key", ""), plan


@pytest.mark.parametrize(
    "params",
    [
        {"urgent": "waiting"},
        {"answer_by": "overdue"},
        {"answer_by": "today"},
        {"assigned": "nobody"},
        {"callbacks": "waiting"},
        {"state": "all", "topic__exact": "treatment"},
    ],
)
def test_each_filtered_view_reads_an_index_not_the_whole_table(params):
    plan = plan_without_seq_scans(list_view(params))
    assert "Index" in plan and "Seq Scan" not in plan, plan


def test_my_requests_are_counted_from_the_open_assigned_index_alone():
    """The count above "My requests": a person's open requests, never every request they had."""
    user = UserFactory(is_superuser=True, is_staff=True)
    model_admin = admin.site.get_model_admin(ContactRequest)
    request = RequestFactory().get("/admin/support/contactrequest/", {"assigned": "me"})
    request.user = user
    with CaptureQueriesContext(connection) as queries:
        model_admin.get_changelist_instance(request)
    (count,) = [
        query["sql"] for query in queries.captured_queries if query["sql"].startswith("SELECT COUNT(*)")
    ]
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_bitmapscan = off")
        cursor.execute(f"EXPLAIN {count}")
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "Index Only Scan using contact_open_assigned" in plan, plan


def test_the_summary_counts_those_open_at_each_months_end_from_two_small_indexes():
    """The open requests by arrival, and the recently closed: never a scan of every request kept."""
    from support.summary import monthly_summary
    from tests.support.factories import make_request

    make_request()
    with CaptureQueriesContext(connection) as queries:
        monthly_summary()
    counts = [query["sql"] for query in queries.captured_queries if query["sql"].startswith("SELECT")]
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        plans = []
        for sql in counts:
            cursor.execute(f"EXPLAIN {sql}")
            plans.append("\n".join(row[0] for row in cursor.fetchall()))
    assert any("contact_open_received" in plan for plan in plans), plans
    assert any("contact_closed_latest" in plan for plan in plans), plans
