"""Which purge row a change owes: never one whose ban may already have gone out before the change."""

import threading

import pytest
from django.db import connection, transaction

from core.frontend_cache import frontend_purge_queue
from core.models import FrontendPurge

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def unreachable_cache(settings):
    settings.FRONTEND_CACHE_URLS = ["http://127.0.0.1:9"]  # every send fails, so rows stay owed


def test_changes_share_a_purge_that_waits_unsent(unreachable_cache):
    frontend_purge_queue()
    frontend_purge_queue()
    (purge,) = FrontendPurge.objects.all()
    assert purge.sent_at is None and purge.attempts == 2


def test_a_change_made_while_a_purge_is_being_sent_gets_a_purge_of_its_own(unreachable_cache):
    in_flight = FrontendPurge.objects.create()
    locked, release = threading.Event(), threading.Event()

    def sender():
        # What the outbox holds while it bans: the row, locked, not yet marked sent.
        with transaction.atomic():
            FrontendPurge.objects.select_for_update().get(pk=in_flight.pk)
            locked.set()
            release.wait(10)
        connection.close()

    thread = threading.Thread(target=sender)
    thread.start()
    assert locked.wait(10)
    try:
        frontend_purge_queue()
    finally:
        release.set()
        thread.join()

    own = FrontendPurge.objects.exclude(pk=in_flight.pk).get()
    assert own.attempts == 1  # sent (and, here, failed) on its own
    assert FrontendPurge.objects.get(pk=in_flight.pk).attempts == 0
