"""
Security events as one structured line each, on the "security" logger:
`event=<name> key=value ...`. Callers pass ids, counts and codes only, never
names, email addresses, typed usernames or message text.
"""

import logging
import re

logger = logging.getLogger("security")
_SAFE_VALUE = re.compile(r"^[A-Za-z0-9_.:/@+-]{1,80}$")


def _format(value) -> str:
    text = str(value)
    # Anything outside a plain token is quoted with its control characters
    # escaped, so a value can never forge a second log line.
    return text if _SAFE_VALUE.match(text) else repr(text[:80])


def security_event(event: str, *, level: int = logging.INFO, **fields) -> None:
    details = " ".join(f"{key}={_format(value)}" for key, value in fields.items())
    logger.log(level, "event=%s %s", event, details)
