"""The retry rule every outbox of ours follows: back off after each failure, alert a person after five."""

import datetime
import logging

from django.db import models
from django.utils import timezone

# After this many failed attempts, log at ERROR so monitoring alerts a person.
ALERT_AFTER_ATTEMPTS = 5
MAX_BACKOFF = datetime.timedelta(hours=1)


def backoff(attempts: int) -> datetime.timedelta:
    """1, 2, 4, 8 ... minutes after each failure, at most an hour."""
    return min(datetime.timedelta(minutes=2 ** max(attempts - 1, 0)), MAX_BACKOFF)


def attempt_failed(
    row: models.Model,
    error: Exception,
    *,
    attempts: str = "attempts",
    after: str = "notify_after",
    last_error: str = "last_error",
) -> int:
    """
    Record a failed send on an outbox row: one more attempt, the next try after
    the back-off, and the error's class only (its text can quote addresses).
    Returns the level to log it at: ERROR once a person should look.
    """
    count = getattr(row, attempts) + 1
    setattr(row, attempts, count)
    setattr(row, after, timezone.now() + backoff(count))
    setattr(row, last_error, type(error).__name__[:200])
    row.save(update_fields=[attempts, after, last_error])
    return logging.ERROR if count >= ALERT_AFTER_ATTEMPTS else logging.WARNING
