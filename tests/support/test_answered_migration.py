"""Requests answered before `answered_at` existed: answered at their last answer, unless the person wrote after it."""

import datetime

import pytest
from django.utils import timezone

from support.models import ContactMessage, ContactRequest
from tests.migrating import latest, migrate_to
from tests.support.factories import make_request, support_user

BEFORE = [("support", "0025_urgent_messages")]


@pytest.mark.django_db(transaction=True)
def test_the_last_answer_is_carried_over_and_a_later_email_from_them_leaves_it_waiting(roles):
    staff = support_user()
    answered, waiting, new = (
        make_request(email=f"p{n}@example.org", contact_method="email") for n in range(3)
    )
    start = timezone.now() - datetime.timedelta(days=2)
    old = migrate_to(BEFORE)
    OldRequest = old.get_model("support", "ContactRequest")
    OldMessage = old.get_model("support", "ContactMessage")
    for request in (answered, waiting):
        OldRequest.objects.filter(pk=request.pk).update(first_response_at=start, status="in_progress")
        OldMessage.objects.create(
            contact_request_id=request.pk, direction="out", author_id=staff.pk, text="Our answer.",
            message_id=f"<out-{request.pk}@example.org>", created_at=start + datetime.timedelta(hours=1),
        )  # fmt: skip
    OldMessage.objects.create(
        contact_request_id=waiting.pk, direction="in", text="Another question.",
        message_id="<in@example.org>", created_at=start + datetime.timedelta(hours=2),
    )  # fmt: skip

    migrate_to(latest())
    assert ContactRequest.objects.get(pk=answered.pk).answered_at == start + datetime.timedelta(hours=1)
    assert ContactRequest.objects.get(pk=waiting.pk).answered_at is None
    assert ContactRequest.objects.get(pk=new.pk).answered_at is None
    assert ContactMessage.objects.count() == 3
