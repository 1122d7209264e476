import csv
import datetime
import io
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from support import services, workflow
from support.models import ContactNote, ContactRequest, MonthFigures, StatusChange
from support.summary import monthly_summary
from tests.factories import UserFactory, fresh
from tests.support.factories import make_request, support_user
from tests.treatments.factories import approver, nurse

pytestmark = pytest.mark.django_db
Status = ContactRequest.Status


def change_url(contact_request):
    return reverse("admin:support_contactrequest_change", args=[contact_request.pk])


CHANGELIST = "/admin/support/contactrequest/"


@pytest.mark.parametrize("make_user", [nurse, approver, lambda: UserFactory(is_staff=True)])
def test_other_staff_cannot_see_requests_anywhere(client, make_user):
    contact_request = make_request()
    client.force_login(make_user())
    for url in [
        CHANGELIST,
        CHANGELIST + "?q=Brookes",
        change_url(contact_request),
        reverse("admin:support_contactrequest_summary"),
        reverse("admin:support_contactrequest_summary") + "?format=csv",
        reverse("admin:support_contactrequest_status", args=[contact_request.pk]),
        reverse("admin:support_contactrequest_assign", args=[contact_request.pk]),
    ]:
        response = client.get(url)
        assert response.status_code == 403, url
        assert b"Brookes" not in response.content
    index = client.get("/admin/").content.decode()
    assert "Contact requests" not in index


def test_support_staff_and_superusers_can_see_requests(client, admin_client):
    contact_request = make_request()
    client.force_login(support_user())
    for http in (client, admin_client):
        assert http.get(CHANGELIST).status_code == 200
        page = http.get(change_url(contact_request)).content.decode()
        assert "Private health details." in page
    assert contact_request.reference in client.get(CHANGELIST + "?q=Brookes").content.decode()


def test_the_changelist_shows_no_contact_details_or_message(client):
    make_request(email="alan@example.org")
    client.force_login(support_user())
    html = client.get(CHANGELIST).content.decode()
    assert "01632 960 387" not in html and "alan@example.org" not in html and "Private health" not in html


def test_open_requests_are_shown_by_default_the_longest_waiting_first_and_closed_ones_last(client):
    staff = support_user()
    with time_machine.travel(timezone.now() - datetime.timedelta(days=3)):
        old_closed = make_request(name="Old closed")
    with time_machine.travel(timezone.now() - datetime.timedelta(days=2)):
        old_open = make_request(name="Old open")
    new_open = make_request(name="New open")
    services.contact_request_set_status(
        contact_request=old_closed, actor=fresh(staff), to_status="closed", outcome="spam"
    )
    client.force_login(staff)
    html = client.get(CHANGELIST).content.decode()
    assert html.index(old_open.reference) < html.index(new_open.reference)
    assert old_closed.reference not in html
    everything = client.get(CHANGELIST + "?state=all").content.decode()
    positions = [everything.index(r.reference) for r in (old_open, new_open, old_closed)]
    assert positions == sorted(positions)
    closed = client.get(CHANGELIST + "?state=closed").content.decode()
    assert old_closed.reference in closed and old_open.reference not in closed


def test_the_callbacks_waiting_filter(client):
    staff = support_user()
    waiting = make_request()
    spoken = make_request()
    email = make_request(contact_method="email", email="x@example.org", phone="")
    services.contact_note_add(contact_request=spoken, author=fresh(staff), text="Spoke", call_outcome="spoke")
    client.force_login(staff)
    html = client.get(CHANGELIST + "?callbacks=waiting&state=all").content.decode()
    assert waiting.reference in html
    assert spoken.reference not in html and email.reference not in html


ALL_MOVES = [(a, b) for a in Status.values for b in Status.values if a != b]


@pytest.mark.parametrize(("from_status", "to_status"), ALL_MOVES)
def test_status_moves(from_status, to_status):
    staff = fresh(support_user())
    contact_request = make_request()
    ContactRequest.objects.filter(pk=contact_request.pk).update(
        status=from_status, outcome="spam" if from_status == "closed" else ""
    )
    allowed = workflow.move_allowed(from_status=from_status, to_status=to_status)
    outcome = "called_back" if to_status == "closed" else ""
    if allowed:
        services.contact_request_set_status(
            contact_request=contact_request, actor=staff, to_status=to_status, outcome=outcome
        )
        contact_request.refresh_from_db()
        assert contact_request.status == to_status
        assert StatusChange.objects.filter(contact_request=contact_request, to_status=to_status).exists()
    else:
        with pytest.raises(services.SupportWorkflowError):
            services.contact_request_set_status(
                contact_request=contact_request, actor=staff, to_status=to_status, outcome=outcome
            )
        contact_request.refresh_from_db()
        assert contact_request.status == from_status


@pytest.mark.parametrize("from_status", Status.values)
def test_a_requests_status_page_offers_exactly_the_moves_the_table_allows(client, from_status):
    client.force_login(support_user())
    contact_request = make_request()
    ContactRequest.objects.filter(pk=contact_request.pk).update(
        status=from_status, outcome="spam" if from_status == "closed" else ""
    )
    html = client.get(
        reverse("admin:support_contactrequest_status", args=[contact_request.pk])
    ).content.decode()
    offered = {value for value in Status.values if f'<option value="{value}"' in html}
    assert offered == set(workflow.next_statuses(from_status))


def test_closing_needs_an_outcome_posted_directly(client):
    staff = support_user()
    contact_request = make_request()
    client.force_login(staff)
    url = reverse("admin:support_contactrequest_status", args=[contact_request.pk])
    response = client.post(url, {"apply": "1", "status": "closed", "outcome": ""})
    assert response.status_code == 400
    assert "Choose an outcome to close a request." in response.content.decode()
    contact_request.refresh_from_db()
    assert contact_request.status == Status.NEW and contact_request.first_response_at is None

    response = client.post(url, {"apply": "1", "status": "closed", "outcome": "called_back"})
    assert response.status_code == 302
    contact_request.refresh_from_db()
    assert contact_request.status == Status.CLOSED and contact_request.outcome == "called_back"
    assert contact_request.closed_at is not None


def test_the_first_move_out_of_new_is_the_first_response():
    staff = fresh(support_user())
    contact_request = make_request()
    with time_machine.travel(datetime.datetime(2026, 11, 23, 9, 30, tzinfo=datetime.UTC)):
        services.contact_request_set_status(
            contact_request=contact_request, actor=staff, to_status="in_progress"
        )
    with time_machine.travel(datetime.datetime(2026, 11, 24, 9, 30, tzinfo=datetime.UTC)):
        services.contact_request_set_status(contact_request=contact_request, actor=staff, to_status="waiting")
    contact_request.refresh_from_db()
    assert contact_request.first_response_at == datetime.datetime(2026, 11, 23, 9, 30, tzinfo=datetime.UTC)


def test_assign_to_me_action(client):
    staff = support_user()
    first, second = make_request(), make_request()
    client.force_login(staff)
    response = client.post(CHANGELIST, {"action": "assign_to_me", "_selected_action": [first.pk, second.pk]})
    assert response.status_code == 302
    assert set(ContactRequest.objects.values_list("assigned_to", flat=True)) == {staff.pk}


def test_assign_to_a_colleague_and_not_to_a_nurse(client):
    staff, colleague = support_user(), support_user()
    contact_request = make_request()
    client.force_login(staff)
    url = reverse("admin:support_contactrequest_assign", args=[contact_request.pk])
    page = client.get(url).content.decode()
    assert colleague.last_name in page
    response = client.post(url, {"apply": "1", "assignee": nurse().pk})
    assert response.status_code == 400
    contact_request.refresh_from_db()
    assert contact_request.assigned_to is None
    client.post(url, {"apply": "1", "assignee": colleague.pk})
    contact_request.refresh_from_db()
    assert contact_request.assigned_to == colleague


def note_post(contact_request, text, **extra):
    return {
        "notes-TOTAL_FORMS": "0",
        "notes-INITIAL_FORMS": "0",
        "notes-2-TOTAL_FORMS": "1",
        "notes-2-INITIAL_FORMS": "0",
        "notes-2-0-text": text,
        "notes-2-0-call_outcome": "no_answer",
        "changes-TOTAL_FORMS": "0",
        "changes-INITIAL_FORMS": "0",
        **extra,
    }


def test_a_note_gets_its_author_and_time_from_the_server(client):
    staff, other = support_user(), support_user()
    contact_request = make_request()
    client.force_login(staff)
    response = client.post(
        change_url(contact_request),
        note_post(
            contact_request,
            "Rang, no answer.",
            **{"notes-2-0-author": other.pk, "notes-2-0-created_at": "2001-01-01"},
        ),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    note = ContactNote.objects.get()
    assert note.author == staff
    assert note.created_at.year == timezone.now().year
    assert note.call_outcome == "no_answer"


def test_notes_cannot_be_changed_or_deleted(client):
    staff, other = support_user(), support_user()
    contact_request = make_request()
    note = services.contact_note_add(contact_request=contact_request, author=fresh(other), text="Original")
    client.force_login(staff)
    client.post(
        change_url(contact_request),
        {
            **note_post(contact_request, ""),
            "notes-TOTAL_FORMS": "1",
            "notes-INITIAL_FORMS": "1",
            "notes-0-id": note.pk,
            "notes-0-text": "Rewritten",
            "notes-0-DELETE": "on",
        },
    )
    note.refresh_from_db()
    assert note.text == "Original"
    note.text = "Changed in code"
    with pytest.raises(ValueError, match="append-only"):
        note.save()
    assert not staff.has_perm("support.change_contactnote") and not staff.has_perm(
        "support.delete_contactnote"
    )


def test_nobody_adds_or_deletes_requests_in_the_admin(admin_client):
    contact_request = make_request()
    assert admin_client.get("/admin/support/contactrequest/add/").status_code == 403
    assert admin_client.post(f"/admin/support/contactrequest/{contact_request.pk}/delete/").status_code == 403
    assert ContactRequest.objects.count() == 1


def test_monthly_summary_has_counts_and_no_personal_data(client):
    staff = fresh(support_user())
    with time_machine.travel(datetime.datetime(2026, 10, 5, 9, 0, tzinfo=datetime.UTC)):
        first = make_request(topic="trials", who="bereaved")
    with time_machine.travel(datetime.datetime(2026, 10, 5, 13, 0, tzinfo=datetime.UTC)):
        services.contact_request_set_status(contact_request=first, actor=staff, to_status="in_progress")
    with time_machine.travel(datetime.datetime(2026, 10, 20, 9, 0, tzinfo=datetime.UTC)):
        second = make_request(topic="trials", who="patient")
    with time_machine.travel(datetime.datetime(2026, 10, 21, 9, 0, tzinfo=datetime.UTC)):
        services.contact_request_set_status(contact_request=second, actor=staff, to_status="waiting")
    with time_machine.travel(datetime.datetime(2026, 11, 2, 9, 0, tzinfo=datetime.UTC)):
        make_request(topic="emotional")
    client.force_login(staff)
    response = client.get(reverse("admin:support_contactrequest_summary") + "?format=csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    by_month = {row["Month"]: row for row in rows}
    assert by_month["2026-10"]["Requests"] == "2"
    assert by_month["2026-10"]["Topic: Clinical trials"] == "2"
    assert by_month["2026-10"]["Who: I have been bereaved"] == "1"
    # 4 working hours, and 10:00 to 10:00 the next day: 8 working hours. Median 6.
    assert by_month["2026-10"]["Median working hours to first response"] == "6.0"
    assert by_month["2026-11"]["Topic: Emotional support"] == "1"
    assert by_month["2026-11"]["Median working hours to first response"] == ""
    text = response.content.decode()
    assert "Brookes" not in text and "01632" not in text and "Private" not in text
    assert client.get(reverse("admin:support_contactrequest_summary")).status_code == 200


def test_purge_keeps_open_and_recent_closed_requests(settings):
    settings.SUPPORT_RETENTION_DAYS = 365
    staff = fresh(support_user())
    with time_machine.travel(timezone.now() - datetime.timedelta(days=500)):
        old_closed = make_request(name="Old closed")
        services.contact_request_set_status(
            contact_request=old_closed, actor=staff, to_status="closed", outcome="called_back"
        )
        services.contact_note_add(contact_request=old_closed, author=staff, text="note")
        old_open = make_request(name="Old open")
    recent_closed = make_request(name="Recent closed")
    services.contact_request_set_status(
        contact_request=recent_closed, actor=staff, to_status="closed", outcome="emailed"
    )

    out = StringIO()
    call_command("purge_contact_requests", "--dry-run", stdout=out)
    assert "Would delete 1 closed request(s)" in out.getvalue() and old_closed.reference in out.getvalue()
    assert ContactRequest.objects.count() == 3

    out = StringIO()
    call_command("purge_contact_requests", stdout=out)
    assert "Deleted 1 closed request(s)" in out.getvalue()
    assert set(ContactRequest.objects.values_list("name", flat=True)) == {"Old open", "Recent closed"}
    assert not ContactNote.objects.filter(contact_request_id=old_closed.pk).exists()
    assert old_open.pk in ContactRequest.objects.values_list("pk", flat=True)
    # The month they came in still counts both in the summary: its figures were kept first.
    month = timezone.localtime(old_closed.received_at).date().replace(day=1)
    kept = MonthFigures.objects.get(month=month).figures
    assert kept["total"] == 2 and kept["by_outcome"] == {"called_back": 1}
    shown = next(summary for summary in monthly_summary() if summary.month == month)
    assert shown.total == 2


def test_what_people_wrote_is_shown_in_its_own_direction(client):
    staff = support_user()
    client.force_login(staff)
    contact_request = make_request(
        name="\u0633\u0627\u0631\u0627", message="\u0645\u0631\u062d\u0628\u0627\nline two"
    )
    services.contact_note_add(
        contact_request=contact_request, author=fresh(staff), text="\u05e9\u05dc\u05d5\u05dd"
    )
    html = client.get(change_url(contact_request)).content.decode()
    assert "<bdi>\u0633\u0627\u0631\u0627</bdi>" in html
    assert '<div dir="auto" class="user-text">\u0645\u0631\u062d\u0628\u0627<br>line two</div>' in html
    assert '<div dir="auto" class="user-text">\u05e9\u05dc\u05d5\u05dd</div>' in html


@pytest.mark.parametrize("view_name", ["assign", "status", "change"])
def test_staff_without_support_permission_cannot_tell_which_requests_exist(client, view_name):
    client.force_login(nurse())
    existing = make_request()
    statuses = set()
    for object_id in (existing.pk, existing.pk + 1000):
        url = reverse(f"admin:support_contactrequest_{view_name}", args=[object_id])
        statuses.add((client.get(url).status_code, client.post(url, {"apply": "1"}).status_code))
    assert len(statuses) == 1, statuses
    assert statuses.pop()[0] in {302, 403}


# --- The request page as support staff use it ----------------------------------------


def test_email_and_phone_are_links_and_an_email_request_has_no_call_back_fields(client):
    client.force_login(support_user())
    call = make_request(phone="01632 960 387")
    html = client.get(change_url(call)).content.decode()
    assert '<a href="tel:01632960387">01632 960 387</a>' in html
    assert "Voicemail ok" in html or "voicemail" in html.lower()
    email = make_request(contact_method="email", email="dev@example.org", phone="", voicemail_ok=None)
    html = client.get(change_url(email)).content.decode()
    assert '<a href="mailto:dev@example.org">dev@example.org</a>' in html
    assert (
        "Days that suit" not in html and "Voicemail ok" not in html and "May we leave a voicemail" not in html
    )


def test_a_request_is_found_by_its_number_alone(client):
    client.force_login(support_user())
    wanted, other = make_request(), make_request()
    for term in (str(wanted.pk), f"{wanted.pk:06d}", wanted.reference):
        html = client.get(CHANGELIST, {"q": term, "state": "all"}).content.decode()
        assert wanted.reference in html and other.reference not in html, term


def test_a_short_number_is_a_request_number_never_part_of_a_phone_number(client):
    client.force_login(support_user())
    wanted = make_request()
    other = make_request(phone=f"01632 960 {wanted.pk}")  # its phone contains the other's number
    html = client.get(CHANGELIST, {"q": str(wanted.pk), "state": "all"}).content.decode()
    assert wanted.reference in html and other.reference not in html
    # Six digits or more may be a phone number.
    html = client.get(CHANGELIST, {"q": "01632 960", "state": "all"}).content.decode()
    assert wanted.reference in html and other.reference in html


def test_the_history_says_what_happened_and_the_emails_say_when(client):
    staff = support_user(first_name="Jo", last_name="Patel")
    client.force_login(staff)
    contact_request = make_request()
    services.contact_request_assign(contact_request=contact_request, actor=fresh(staff), assignee=staff)
    html = client.get(change_url(contact_request)).content.decode()
    assert "Assigned to Jo Patel" in html and "New → New" not in html
    assert "Support inbox alert" in html and "they gave no email address" in html


def test_a_first_call_attempt_is_the_first_response(client):
    staff = fresh(support_user())
    contact_request = make_request()
    services.contact_note_add(contact_request=contact_request, author=staff, text="Plain note.")
    contact_request.refresh_from_db()
    assert contact_request.first_response_at is None and contact_request.status == Status.NEW
    services.contact_note_add(
        contact_request=contact_request, author=staff, text="Left a message.", call_outcome="voicemail"
    )
    contact_request.refresh_from_db()
    assert contact_request.first_response_at is not None
    assert contact_request.status == Status.IN_PROGRESS
    assert StatusChange.objects.filter(contact_request=contact_request, to_status=Status.IN_PROGRESS).exists()
