"""
The one outbox (core/outbox.py): every model that owes the outside world
something is an OutboxRow that says how to send one row, and one loop, one
task and one command send them all, once each.
"""

import datetime
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from core import outbox
from core.models import FrontendPurge
from support.models import ContactMessage, SupportEmail
from tests.migrating import latest, migrate_to
from tests.servers.http_server import LinkServer
from tests.support.factories import make_request, support_user
from tests.treatments.factories import ArticleFactory, approver, nurse
from treatments import services
from treatments.models import ArticleNotification

OUTBOXES = {ArticleNotification, SupportEmail, ContactMessage, FrontendPurge}


def test_every_outbox_is_one_kind_of_row_and_says_how_to_send_it():
    assert set(outbox.outbox_models()) == OUTBOXES
    for model in OUTBOXES:
        assert model.send is not outbox.OutboxRow.send, model
        assert model.outbox_name is not outbox.OutboxRow.outbox_name, model
        names = {field.name for field in model._meta.get_fields()}
        assert {"created_at", "sent_at", "attempts", "next_attempt_at", "last_error"} <= names, model
        assert any(index.fields == ["next_attempt_at"] for index in model._meta.indexes), model


def test_the_back_off_doubles_up_to_an_hour():
    assert [outbox.backoff(n).total_seconds() / 60 for n in range(1, 9)] == [1, 2, 4, 8, 16, 32, 60, 60]


@pytest.mark.django_db
def test_an_incoming_message_is_never_sent(django_capture_on_commit_callbacks):
    contact_request = make_request(email="alan@example.org", contact_method="email")
    ContactMessage.objects.create(
        contact_request=contact_request, direction="in", text="Thank you.", message_id="<a@example.org>"
    )
    mail.outbox.clear()
    assert outbox.outbox_deliver_due(ContactMessage) == (0, 0)
    assert mail.outbox == []


BEFORE = [
    ("core", "0002_page_presence"),
    ("treatments", "0021_unfound_search_cleared"),
    ("support", "0021_phone_normal_form"),
]


@pytest.mark.django_db(transaction=True)
def test_every_pending_row_of_each_kind_is_sent_once_after_the_migration(settings, roles):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    writer, checker, staff = nurse(), approver(email="checker@example.org"), support_user()
    article = ArticleFactory(written_by=writer, last_edited_by=writer)
    services.article_submit(article=article, user=writer)
    urgent = make_request(name="Pending Person", email="pending@example.org", contact_method="email")
    done = make_request(name="Done Person", email="done@example.org", contact_method="email")
    reply = ContactMessage.objects.create(
        contact_request=done, direction="out", author=staff, text="Hello.", message_id="<r1@example.org>"
    )

    old = migrate_to(BEFORE)
    now = timezone.now()
    past = now - datetime.timedelta(minutes=1)
    OldRequest = old.get_model("support", "ContactRequest")
    OldRequest.objects.filter(pk=urgent.pk).update(
        urgent=True,
        urgent_alerted_at=None,
        staff_notified_at=None,
        acknowledged_at=None,
        notify_attempts=3,
        notify_after=past,
        notify_last_error="ConnectionRefusedError",
    )
    OldRequest.objects.filter(pk=done.pk).update(staff_notified_at=past, acknowledged_at=past)
    OldNotification = old.get_model("treatments", "ArticleNotification")
    assert (
        OldNotification.objects.filter(recipient_id=checker.pk).update(
            sent_at=None, attempts=2, notify_after=past
        )
        == 1
    )
    old.get_model("support", "ContactMessage").objects.filter(pk=reply.pk).update(
        sent_at=None, send_attempts=1, send_after=past
    )
    old.get_model("core", "FrontendPurge").objects.create(attempts=4, send_after=past)

    migrate_to(latest())
    pending = {
        (email.contact_request_id, email.kind, email.attempts)
        for email in SupportEmail.objects.filter(sent_at__isnull=True)
    }
    assert pending == {(urgent.pk, kind, 3) for kind in ("urgent_alert", "new_request", "acknowledgement")}
    assert set(SupportEmail.objects.filter(contact_request=done).values_list("kind", "sent_at")) == {
        ("new_request", past),
        ("acknowledgement", past),
    }

    mail.outbox.clear()
    with LinkServer() as cache:
        settings.FRONTEND_CACHE_URLS = [cache.base]
        call_command("send_outboxes", stdout=StringIO())
        call_command("send_outboxes", stdout=StringIO())  # a second run sends nothing again
    recipients = sorted(message.to[0] for message in mail.outbox)
    assert recipients == sorted(
        [
            "checker@example.org",
            settings.SUPPORT_URGENT_EMAIL,
            settings.SUPPORT_INBOX_EMAIL,
            "pending@example.org",
            "done@example.org",
        ]
    )
    assert cache.requests == ["BAN / public-pages"]
    for model in OUTBOXES:
        assert not model.objects.unsent().exists(), model
