"""Requests first answered before the hours were kept get them from the migration, in working hours."""

import datetime
import zoneinfo

import pytest

from support.models import ContactRequest
from tests.migrating import latest, migrate_to
from tests.support.factories import make_request

BEFORE = [("support", "0027_needs_action_and_assignment_notes")]
LONDON = zoneinfo.ZoneInfo("Europe/London")


@pytest.mark.django_db(transaction=True)
def test_the_hours_to_each_first_response_are_filled_in(roles):
    answered, new = make_request(), make_request()
    old = migrate_to(BEFORE)
    OldRequest = old.get_model("support", "ContactRequest")
    friday_four = datetime.datetime(2026, 11, 27, 16, 0, tzinfo=LONDON)
    OldRequest.objects.filter(pk=answered.pk).update(
        received_at=friday_four,
        first_response_at=friday_four + datetime.timedelta(days=3, hours=-5, minutes=-30),
    )  # Monday 10:30: an hour on Friday and an hour and a half on Monday
    migrate_to(latest())
    assert ContactRequest.objects.get(pk=answered.pk).first_response_hours == 2.5
    assert ContactRequest.objects.get(pk=new.pk).first_response_hours is None
