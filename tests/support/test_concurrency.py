import threading

import pytest
from django.core.cache import caches
from django.db import connection
from django.test import Client

from support.models import ContactRequest
from tests.support.helpers import CONTACT_URL, valid_post

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
