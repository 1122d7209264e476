"""Subject access, erasure and the viewed-by audit: every row a person has, and none after erasure."""

import json
import logging

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.core.exceptions import PermissionDenied

from support import data_rights, replies, services
from support.models import ContactRequest, Erasure, RequestView
from tests.factories import fresh
from tests.support.factories import make_request, support_user
from tests.treatments.factories import nurse

pytestmark = pytest.mark.django_db
PERSON_URL = "/admin/support/contactrequest/person/"


@pytest.fixture
def person():
    """Two requests by one person (one by email, one by phone written another way), with a row in every table."""
    staff = fresh(support_user())
    by_email = make_request(
        contact_method="email",
        email="Margaret@Example.org",
        phone="",
        voicemail_ok=None,
        name="Margaret Ellis",
    )
    by_phone = make_request(phone="+44 1632 960 114", email="margaret@example.org", name="Margaret Ellis")
    replies.contact_reply_send(contact_request=by_email, author=staff, text="Hello Margaret.")
    replies.contact_message_receive(
        contact_request=by_email,
        message_id="<m1@example.org>",
        subject="Re",
        text="Thanks",
        in_reply_to="",
        not_stored="",
    )
    services.contact_note_add(contact_request=by_phone, author=staff, text="Spoke.", call_outcome="spoke")
    services.contact_request_assign(contact_request=by_phone, actor=staff, assignee=staff)
    services.request_view_record(contact_request=by_phone, viewer=staff)
    services.enquiry_tag_set(contact_request=by_email, actor=staff, missing_topic="Margaret Ellis's pension")
    LogEntry.objects.log_actions(
        user_id=staff.pk, queryset=[by_phone], action_flag=CHANGE, change_message="Note: spoke to Margaret."
    )
    someone_else = make_request(phone="01632 960 999", name="Someone Else")
    services.contact_note_add(contact_request=someone_else, author=staff, text="Other.", call_outcome="spoke")
    return {"requests": [by_email, by_phone], "other": someone_else, "staff": staff}


def rows_in_database(requests) -> dict[str, set[int]]:
    ids = [item.pk for item in requests]
    return {
        table.label: set(table.rows(ids).values_list("pk", flat=True))
        for table in data_rights.PERSONAL_TABLES
    }


def test_the_tables_exported_and_erased_are_every_table_that_points_at_a_request():
    """A new table that points at a request fails here until it is in PERSONAL_TABLES."""
    from django.apps import apps

    pointing = {
        model._meta.label_lower
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if field.is_relation and field.concrete and field.related_model is ContactRequest
    }
    listed = {table.label for table in data_rights.PERSONAL_TABLES}
    assert listed == pointing | {"support.contactrequest", "admin.logentry"}


def test_the_json_export_holds_every_row_the_database_has_for_them_table_by_table(client, person):
    client.force_login(person["staff"])
    response = client.post(
        PERSON_URL, {"email": "margaret@example.org", "phone": "01632 960114", "format": "json"}
    )
    assert response.status_code == 200 and response["Content-Disposition"].startswith("attachment")
    exported = json.loads(response.content)
    expected = rows_in_database(person["requests"])
    assert {label: {row["pk"] for row in rows} for label, rows in exported.items()} == expected
    for label, pks in expected.items():
        assert pks, f"the fixture should have a row in {label}"
    # Every field of each row is there: the message text, the note, the email thread.
    texts = json.dumps(exported)
    assert "Private health details." in texts and "Spoke." in texts and "Hello Margaret." in texts
    assert "Other." not in texts and "Someone Else" not in texts


def test_the_html_page_lists_their_requests_messages_notes_and_history(client, person):
    client.force_login(person["staff"])
    page = client.post(PERSON_URL, {"phone": "01632 960 114"}).content.decode()
    assert person["requests"][1].reference in page
    assert "Spoke." in page and "Assigned to" in page
    assert person["other"].reference not in page


def test_erasure_needs_the_typed_word_and_a_second_confirmation_for_open_requests(client, person, caplog):
    client.force_login(person["staff"])
    data = {"email": "margaret@example.org", "phone": "01632 960 114", "erase": "1"}
    refused = client.post(PERSON_URL, {**data, "confirmation": "yes"})
    assert refused.status_code == 400 and "Type ERASE in capitals" in refused.content.decode()
    refused = client.post(PERSON_URL, {**data, "confirmation": "ERASE"})
    assert refused.status_code == 400 and "2 of their requests are still open" in refused.content.decode()
    assert ContactRequest.objects.count() == 3

    with caplog.at_level(logging.INFO, logger="security"):
        done = client.post(PERSON_URL, {**data, "confirmation": "ERASE", "open_confirmed": "on"})
    assert done.status_code == 302
    assert all(not pks for pks in rows_in_database(person["requests"]).values())
    assert list(ContactRequest.objects.all()) == [person["other"]]
    record = Erasure.objects.get()
    assert (
        record.erased_by == person["staff"]
        and record.requests_deleted == 2
        and record.open_requests_deleted == 2
    )
    log = "\n".join(caplog.messages)
    assert "event=support.erasure" in log and "margaret" not in log.lower()


def test_the_erasure_record_counts_every_row_it_removed(person):
    from support.models import EnquiryTag

    held = rows_in_database(person["requests"])
    assert all(held.values()), held  # the fixture has a row in every table
    scrubbed = {table.label for table in data_rights.PERSONAL_TABLES if table.scrub}
    before = sum(len(pks) for label, pks in held.items() if label not in scrubbed)
    record = data_rights.erase(
        user=person["staff"], email="margaret@example.org", confirmation="ERASE", open_confirmed=True
    ).record
    assert record.rows_deleted == before
    # The enquiry tag stays for the content plan, without the words staff typed; the admin's
    # history of the erased requests is gone.
    tag = EnquiryTag.objects.get(pk__in=held["support.enquirytag"])
    assert (tag.contact_request_id, tag.missing_topic) == (None, "")
    assert not LogEntry.objects.filter(pk__in=held["admin.logentry"]).exists()
    assert "Margaret" not in " ".join(LogEntry.objects.values_list("change_message", flat=True))
    assert {field.name for field in Erasure._meta.get_fields()} == {
        "id", "erased_by", "erased_at", "requests_deleted", "rows_deleted", "open_requests_deleted"
    }  # fmt: skip


def test_only_the_support_team_can_export_or_erase(client, person):
    outsider = nurse()
    with pytest.raises(PermissionDenied):
        data_rights.subject_access(user=outsider, email="margaret@example.org")
    with pytest.raises(PermissionDenied):
        data_rights.erase(
            user=outsider, email="margaret@example.org", confirmation="ERASE", open_confirmed=True
        )
    client.force_login(outsider)
    assert client.post(PERSON_URL, {"email": "margaret@example.org", "format": "json"}).status_code == 403
    assert ContactRequest.objects.count() == 3


def test_each_opening_of_a_request_page_is_recorded_and_listed(client, caplog):
    contact_request = make_request()
    jo = support_user(first_name="Jo", last_name="Patel")
    sam = support_user(first_name="Sam", last_name="Lee")
    url = f"/admin/support/contactrequest/{contact_request.pk}/change/"
    with caplog.at_level(logging.INFO, logger="security"):
        for viewer in (jo, sam, jo):
            client.force_login(viewer)
            assert client.get(url).status_code == 200
    views = list(RequestView.objects.filter(contact_request=contact_request).order_by("at", "id"))
    assert [view.viewer for view in views] == [jo, sam, jo]
    assert sum("event=support.request_viewed" in message for message in caplog.messages) == 3
    page = client.get(url).content.decode()
    assert page.count("Jo Patel, ") >= 2 and "Sam Lee, " in page

    client.force_login(nurse())
    assert client.get(url).status_code == 403
    assert RequestView.objects.filter(contact_request=contact_request).count() == 4  # Jo's last look only


# --- Who looked a person up: answerable without keeping what was searched -----------------


def test_each_look_up_records_who_searched_and_a_keyed_hash_never_the_details(client, person, settings):
    from support.models import PersonLookup

    first, second = (
        support_user(first_name="Jo", last_name="Patel"),
        support_user(first_name="Sam", last_name="Lee"),
    )
    client.force_login(first)
    client.post(PERSON_URL, {"email": "margaret@example.org", "phone": ""})
    client.force_login(second)
    # The same person, written another way: the look-up before is found and named.
    page = client.post(PERSON_URL, {"email": "  MARGARET@example.org ", "phone": ""}).content.decode()
    lookups = page.split('id="lookups-heading"', 1)[1].split("</section>", 1)[0]
    assert "Jo Patel" in lookups and "looked up what we hold (2 requests found)" in lookups

    rows = list(
        PersonLookup.objects.order_by("at").values("searched_by", "email_hash", "phone_hash", "purpose")
    )
    assert [row["searched_by"] for row in rows] == [first.pk, second.pk]
    assert rows[0]["email_hash"] == rows[1]["email_hash"] != ""
    # Nothing a person typed is stored: not the address, not a plain hash of it.
    import hashlib

    stored = json.dumps(rows)
    assert "margaret" not in stored.lower()
    assert hashlib.sha256(b"margaret@example.org").hexdigest() not in stored
    assert hashlib.sha256(b"email:margaret@example.org").hexdigest() not in stored
    # Keyed: another key gives another hash.
    settings.PERSON_LOOKUP_KEY = "another-key"
    assert data_rights.person_hashes(email="margaret@example.org")[0] != rows[0]["email_hash"]


def test_a_phone_look_up_matches_however_the_number_was_written(person):
    staff = fresh(support_user())
    data_rights.subject_access(user=staff, phone="+44 1632 960 114")
    assert data_rights.person_lookups(phone="01632 960114").count() == 1
    assert data_rights.person_lookups(phone="01632 960 999").count() == 0


def test_an_erasure_is_recorded_as_a_look_up_and_outlives_the_requests(person):
    from support.models import PersonLookup

    staff = fresh(support_user())
    data_rights.erase(
        user=staff, email="margaret@example.org", phone="", confirmation="ERASE", open_confirmed=True
    )
    lookup = PersonLookup.objects.get()
    assert lookup.purpose == "erasure" and lookup.searched_by == staff and lookup.requests_found == 2
    assert list(data_rights.person_lookups(email="margaret@example.org")) == [lookup]


def test_opening_the_reply_page_is_recorded_like_the_request_page(client, person):
    staff = support_user()
    client.force_login(staff)
    by_email = person["requests"][0]
    before = RequestView.objects.filter(contact_request=by_email, viewer=staff).count()
    assert client.get(f"/admin/support/contactrequest/{by_email.pk}/reply/").status_code == 200
    assert RequestView.objects.filter(contact_request=by_email, viewer=staff).count() == before + 1


def test_erasure_deletes_their_emails_from_the_support_mailbox(imap_server, person, settings):
    from email.message import EmailMessage

    def email(sender, subject):
        message = EmailMessage()
        message["From"], message["To"], message["Subject"] = sender, "support@example.org", subject
        message.set_content("Some words.")
        return message.as_bytes()

    by_phone = person["requests"][1]
    imap_server.deliver(email("Margaret <margaret@example.org>", "Re: my question"))
    imap_server.deliver(email("Her daughter <daughter@example.net>", f"About {by_phone.reference}"))
    imap_server.deliver(email("Someone Else <else@example.org>", "Hello"))
    for name, value in imap_server.settings().items():
        setattr(settings, name, value)
    done = data_rights.erase(
        user=person["staff"], email="Margaret@Example.org", confirmation="ERASE", open_confirmed=True
    )
    assert done.mailbox_deleted == 2
    assert len(imap_server.flags()) == 1  # only someone else's email is left


def test_an_unreachable_mailbox_does_not_undo_the_erasure(person, settings):
    settings.SUPPORT_IMAP_HOST, settings.SUPPORT_IMAP_PORT, settings.SUPPORT_IMAP_SSL = "127.0.0.1", 9, False
    done = data_rights.erase(
        user=person["staff"], email="margaret@example.org", confirmation="ERASE", open_confirmed=True
    )
    assert done.mailbox_deleted is None and done.record.requests_deleted == 2
    assert not ContactRequest.objects.filter(pk__in=[item.pk for item in person["requests"]]).exists()


@pytest.mark.parametrize(
    "written", ["01632 960 734", "+44 (0)1632 960 734", "0044 1632 960734", "+441632960734", "(01632) 960734"]
)
def test_a_phone_number_is_found_however_it_was_written(client, written):
    """Stored and compared in one normal form (E.164): data rights and the admin's search alike."""
    stored = make_request(phone="+44 (0)1632 960 734")
    other = make_request(phone="01632 960 735")
    assert list(data_rights.person_requests(phone=written)) == [stored]
    client.force_login(support_user())
    listing = client.get("/admin/support/contactrequest/", {"q": written, "state": "all"}).content.decode()
    assert stored.reference in listing and other.reference not in listing
