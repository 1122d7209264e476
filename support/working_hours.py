"""
The support line's working time: Monday to Friday, between SUPPORT_OPENS_AT
and SUPPORT_CLOSES_AT (local time), not on bank holidays in England and Wales.
A request's "answer by" time and the time to first response are counted in it.
"""

import datetime
from functools import lru_cache

import holidays
from django.conf import settings
from django.utils import timezone

# England and Wales share their bank holidays; "ENG" is the holidays package's name for both.
_SUBDIVISION = "ENG"


@lru_cache(maxsize=64)
def _bank_holidays(year: int) -> holidays.HolidayBase:
    return holidays.country_holidays("GB", subdiv=_SUBDIVISION, years=year)


def is_working_day(day: datetime.date) -> bool:
    return day.weekday() < 5 and day not in _bank_holidays(day.year)


def _window(day: datetime.date) -> tuple[datetime.datetime, datetime.datetime]:
    """The day's opening and closing times, naive local time."""
    opens = datetime.datetime.combine(day, datetime.time(settings.SUPPORT_OPENS_AT))
    closes = datetime.datetime.combine(day, datetime.time(settings.SUPPORT_CLOSES_AT))
    return opens, closes


def _local_naive(moment: datetime.datetime) -> datetime.datetime:
    return timezone.localtime(moment).replace(tzinfo=None)


def working_day_hours() -> int:
    return settings.SUPPORT_CLOSES_AT - settings.SUPPORT_OPENS_AT


def answer_by(received_at: datetime.datetime, working_days: int | None = None) -> datetime.datetime:
    """
    When a request received at `received_at` is due an answer: the promised
    number of working days, counted in opening hours from when it arrived (or
    from the next opening, if it arrived while the line was closed).
    """
    if working_days is None:
        working_days = settings.SUPPORT_REPLY_WITHIN_WORKING_DAYS
    return _after_working_time(received_at, datetime.timedelta(hours=working_days * working_day_hours()))


def urgent_answer_by(received_at: datetime.datetime) -> datetime.datetime:
    """
    When an urgent request is due an answer: by the close of the working day it
    arrived in; arriving while the line is closed (evening, weekend, bank
    holiday, early morning), by SUPPORT_URGENT_NEXT_MORNING_BY o'clock on the
    next working morning. A red flag waits for nobody's second day.
    """
    moment = _local_naive(received_at)
    opens, closes = _window(moment.date())
    if is_working_day(moment.date()) and opens <= moment < closes:
        return timezone.make_aware(closes)
    morning_hours = (
        min(
            max(settings.SUPPORT_URGENT_NEXT_MORNING_BY, settings.SUPPORT_OPENS_AT),
            settings.SUPPORT_CLOSES_AT,
        )
        - settings.SUPPORT_OPENS_AT
    )
    return _after_working_time(received_at, datetime.timedelta(hours=morning_hours))


def request_answer_by(received_at: datetime.datetime, *, urgent: bool) -> datetime.datetime:
    """The answer-by time for words from the person that arrived at `received_at`."""
    return urgent_answer_by(received_at) if urgent else answer_by(received_at)


def _after_working_time(start: datetime.datetime, remaining: datetime.timedelta) -> datetime.datetime:
    """The moment `remaining` opening time has passed since `start`."""
    moment = _local_naive(start)
    day = moment.date()
    while True:
        opens, closes = _window(day)
        if is_working_day(day) and moment < closes:
            begin = max(moment, opens)
            if begin + remaining <= closes:
                return timezone.make_aware(begin + remaining)
            remaining -= closes - begin
        day += datetime.timedelta(days=1)
        moment = datetime.datetime.combine(day, datetime.time())


def working_hours_between(start: datetime.datetime, end: datetime.datetime) -> float:
    """Hours of opening time between two moments (0 if `end` is not after `start`)."""
    start, end = _local_naive(start), _local_naive(end)
    total = datetime.timedelta()
    day = start.date()
    while day <= end.date():
        if is_working_day(day):
            opens, closes = _window(day)
            overlap = min(closes, end) - max(opens, start)
            if overlap > datetime.timedelta():
                total += overlap
        day += datetime.timedelta(days=1)
    return total.total_seconds() / 3600
