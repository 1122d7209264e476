import datetime
from io import StringIO

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command

from tests.factories import UserFactory, fresh
from tests.treatments.factories import approver, nurse, published_article
from treatments import services
from treatments.models import ReviewReminder
from treatments.reminders import review_reminder_recipients

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 11, 22)


def reviewed(months_ago_date: datetime.date, **kwargs):
    with time_machine.travel(months_ago_date, tick=False):
        return published_article(**kwargs)


@pytest.fixture
def team():
    writer = nurse(email="writer@example.org")
    checker = approver(email="checker@example.org")
    return writer, checker


def run(days_after=0):
    out = StringIO()
    with time_machine.travel(
        datetime.datetime.combine(TODAY, datetime.time(7)) + datetime.timedelta(days=days_after)
    ):
        call_command("send_review_reminders", stdout=out)
    return out.getvalue()


def test_recipients_are_active_editors_and_approvers_only(team):
    nurse(email="gone@example.org", is_active=False)
    UserFactory(email="support@example.org")  # staff, but no article permissions
    UserFactory(email="root@example.org", is_superuser=True)
    nurse(email="")
    assert review_reminder_recipients() == ["checker@example.org", "writer@example.org"]


def test_the_digest_lists_overdue_and_soon_due_articles(team):
    writer, checker = team
    overdue = reviewed(datetime.date(2023, 1, 1), editor=writer, approver_user=checker, title="Overdue page")
    due_soon = reviewed(datetime.date(2023, 12, 10), editor=writer, approver_user=checker, title="Soon page")
    reviewed(datetime.date(2024, 3, 1), editor=writer, approver_user=checker, title="Later page")
    archived = reviewed(
        datetime.date(2022, 1, 1), editor=writer, approver_user=checker, title="Archived page"
    )
    services.article_archive(article=archived, approver=fresh(checker))

    output = run()
    assert "Sent reminders for 2 article(s) to 2 recipient(s)." in output
    assert sorted(message.to[0] for message in mail.outbox) == ["checker@example.org", "writer@example.org"]
    body = mail.outbox[0].body
    assert "Overdue page: review overdue since" in body
    assert "Soon page: review due 10 December 2026" in body
    assert f"/admin/treatments/article/{overdue.pk}/change/" in body
    assert f"/admin/treatments/article/{due_soon.pk}/change/" in body
    assert "Later page" not in body and "Archived page" not in body
    assert set(ReviewReminder.objects.values_list("article__title", flat=True)) == {
        "Overdue page",
        "Soon page",
    }


def test_no_repeat_for_the_same_due_date_within_seven_days(team):
    writer, checker = team
    reviewed(datetime.date(2023, 1, 1), editor=writer, approver_user=checker)
    assert "for 1 article(s)" in run()
    assert "for 0 article(s)" in run(days_after=1)
    assert "for 0 article(s)" in run(days_after=6)
    assert len(mail.outbox) == 2
    assert "for 1 article(s)" in run(days_after=8)
    assert len(mail.outbox) == 4


def test_a_new_due_date_is_reminded_at_once(team):
    writer, checker = team
    article = reviewed(datetime.date(2023, 1, 1), editor=writer, approver_user=checker)
    run()
    # Interval shortened: a different due date, still overdue.
    article.review_interval_months = 24
    article.save()
    services.article_record_edit(
        article=article,
        editor=fresh(writer),
        changed_fields={"review_interval_months"},
        content_changed=False,
    )
    assert "for 1 article(s)" in run(days_after=1)


def test_dry_run_sends_and_records_nothing(team):
    writer, checker = team
    reviewed(datetime.date(2023, 1, 1), editor=writer, approver_user=checker)
    with time_machine.travel(TODAY):
        output = StringIO()
        call_command("send_review_reminders", "--dry-run", stdout=output)
    assert "Would send reminders for 1 article(s)" in output.getvalue()
    assert mail.outbox == []
    assert not ReviewReminder.objects.exists()


def test_a_failed_send_records_nothing_so_the_next_run_retries(team, settings):
    writer, checker = team
    reviewed(datetime.date(2023, 1, 1), editor=writer, approver_user=checker)
    settings.EMAIL_BACKEND = "tests.treatments.test_reminders.BrokenBackend"
    with pytest.raises(ConnectionError):
        run()
    assert not ReviewReminder.objects.exists()
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert "for 1 article(s)" in run(days_after=1)


class BrokenBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionError("mail server down")
