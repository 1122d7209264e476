import datetime
import threading

import pytest
import time_machine
from django.core.cache import caches
from django.db import connection
from django.test import Client
from django.utils import timezone

from support.models import ContactMessage, ContactRequest, MonthFigures
from support.summary import monthly_summary
from tests.support.factories import make_request, support_user
from tests.support.helpers import CONTACT_URL, valid_post
from tests.threads import at_once

SUBMISSIONS = 50


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_fifty_simultaneous_submissions_each_store_one_request(settings, roles):
    settings.SUPPORT_RATE_LIMIT_PER_HOUR = SUBMISSIONS * 2
    caches["default"].clear()
    barrier = threading.Barrier(SUBMISSIONS)
    statuses = []

    def submit(n):
        try:
            data = valid_post(name=f"Person {n}")
            client = Client(REMOTE_ADDR=f"198.51.100.{n}")
            barrier.wait()
            statuses.append(client.post(CONTACT_URL, data).status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=submit, args=(n,)) for n in range(SUBMISSIONS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert statuses == [302] * SUBMISSIONS
    rows = list(ContactRequest.objects.values_list("name", "reference"))
    assert len(rows) == SUBMISSIONS
    assert len({name for name, _ in rows}) == SUBMISSIONS
    references = [reference for _, reference in rows]
    assert None not in references
    assert len(set(references)) == SUBMISSIONS


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_twenty_simultaneous_posts_of_one_form_make_one_request(settings, roles):
    settings.SUPPORT_RATE_LIMIT_PER_HOUR = 100
    caches["default"].clear()
    data = valid_post(message="One form, sent twenty times at once.")
    barrier = threading.Barrier(20)
    answers = []

    def submit():
        try:
            client = Client()
            barrier.wait()
            response = client.post(CONTACT_URL, data)
            answers.append(
                (
                    response.status_code,
                    response.get("Location"),
                    client.get("/support/contact/thank-you/").content.decode(),
                )
            )
        finally:
            connection.close()

    threads = [threading.Thread(target=submit) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    stored = ContactRequest.objects.get()  # exactly one
    assert {(status, location) for status, location, _ in answers} == {(302, "/support/contact/thank-you/")}
    assert all(stored.reference in page for _, _, page in answers)  # the same thank-you page each time


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_ten_staff_sending_at_once_from_pages_opened_together_send_one_reply(roles):
    contact_request = make_request(
        contact_method="email", email="margaret@example.org", phone="", voicemail_ok=None
    )
    writers = [support_user() for _ in range(10)]
    barrier = threading.Barrier(len(writers))
    statuses = []

    def send(writer):
        try:
            client = Client()
            client.force_login(writer)
            url = f"/admin/support/contactrequest/{contact_request.pk}/reply/"
            barrier.wait()
            statuses.append(
                client.post(url, {"text": f"From {writer.pk}.", "send": "1", "seen": "0"}).status_code
            )
        finally:
            connection.close()

    threads = [threading.Thread(target=send, args=(writer,)) for writer in writers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    # The row lock orders them: the first sends, each other is shown its reply first.
    assert sorted(statuses) == [302] + [409] * (len(writers) - 1)
    assert ContactMessage.objects.filter(direction="out").count() == 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_summaries_viewed_at_once_keep_each_settled_month_once(roles):
    now = timezone.now()
    for days in (95, 70, 40):
        with time_machine.travel(now - datetime.timedelta(days=days), tick=False):
            make_request()
    results = []

    def view():
        results.append([summary.figures() for summary in monthly_summary(now=now)])

    errors = [outcome for outcome in at_once(*[view] * 8) if outcome != "done"]

    assert errors == [] and len(results) == 8
    assert all(result == results[0] for result in results)
    months = list(MonthFigures.objects.values_list("month", flat=True))
    assert months and len(months) == len(set(months))
    assert sum(figures["total"] for figures in MonthFigures.objects.values_list("figures", flat=True)) >= 1
