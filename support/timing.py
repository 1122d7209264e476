"""Times on the support pages, in words a busy reader takes in at a glance."""

import datetime

from django.conf import settings
from django.utils import timezone
from django.utils.html import format_html

from core.wording import hour_words

from .models import ContactRequest


def short_time(moment: datetime.datetime) -> str:
    """ "Today 14:05", "Yesterday 09:30", "Mon 23 Nov 11:00" (local time)."""
    local = timezone.localtime(moment)
    days = (timezone.localdate() - local.date()).days
    day = {0: "Today", 1: "Yesterday", -1: "Tomorrow"}.get(days, local.strftime("%a %-d %b"))
    if abs(days) > 300:
        day = local.strftime("%-d %b %Y")
    return f"{day} {local:%H:%M}"


def answer_by_text(contact_request: ContactRequest, *, long: bool = False):
    """The answer-by time, and whether it was met, is still to come, or is overdue (in words)."""
    if contact_request.answer_by is None:
        return "–"
    when = short_time(contact_request.answer_by)
    if contact_request.answered_at:
        met = contact_request.answered_at <= contact_request.answer_by
        if long:
            return f"{when}: answered {short_time(contact_request.answered_at)}, {'in' if met else 'after'} time."
        return "Answered"
    if contact_request.status == ContactRequest.Status.CLOSED:
        return f"{when} (closed)"
    if contact_request.answer_by < timezone.now():
        if long:
            return format_html(
                '<strong class="overdue-flag">Overdue</strong> {}. {}', when, answer_by_rule(contact_request)
            )
        return format_html('<strong class="overdue-flag">Overdue</strong> {}', when)
    return f"{when}. {answer_by_rule(contact_request)}" if long else when


def answer_by_rule(contact_request: ContactRequest) -> str:
    """Why the answer-by time is what it is, in words (support/working_hours.py)."""
    if contact_request.urgent:
        return (
            "Urgent: answer by the end of the working day it arrived, or by "
            f"{hour_words(settings.SUPPORT_URGENT_NEXT_MORNING_BY)} the next working morning when it "
            "arrived while the line was closed."
        )
    return f"Answer within {settings.SUPPORT_REPLY_WITHIN} of their latest message, in opening hours."
