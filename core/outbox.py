"""The retry rule every outbox of ours follows: back off after each failure, alert a person after five."""

import datetime

# After this many failed attempts, log at ERROR so monitoring alerts a person.
ALERT_AFTER_ATTEMPTS = 5
MAX_BACKOFF = datetime.timedelta(hours=1)


def backoff(attempts: int) -> datetime.timedelta:
    """1, 2, 4, 8 ... minutes after each failure, at most an hour."""
    return min(datetime.timedelta(minutes=2 ** max(attempts - 1, 0)), MAX_BACKOFF)
