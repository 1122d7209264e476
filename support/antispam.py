"""
Keeping bots out of the contact form without a captcha, which would shut out
the people we serve: a honeypot field, a signed start time with a minimum
fill time, and a per-client rate limit that fails open.
"""

import time

from django.conf import settings
from django.core import signing

from core.rate_limit import rate_limited as shared_rate_limited

_SALT = "support.contact-form.started"


def form_started_token() -> str:
    return signing.TimestampSigner(salt=_SALT).sign(str(int(time.time())))


def filled_too_fast(token: str) -> bool:
    """True when the token is missing, forged, or the form came back faster than a person types."""
    try:
        started = int(signing.TimestampSigner(salt=_SALT).unsign(token))
    except (signing.BadSignature, ValueError):
        return True
    return time.time() - started < settings.SUPPORT_FORM_MIN_SECONDS


def rate_limited(request) -> bool:
    """The contact form's allowance per client (SUPPORT_RATE_LIMIT_PER_HOUR); fails open."""
    return shared_rate_limited(request, scope="contact", per_hour=settings.SUPPORT_RATE_LIMIT_PER_HOUR)
