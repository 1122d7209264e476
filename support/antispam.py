"""
Keeping bots out of the contact form without a captcha, which would shut out
the people we serve: a honeypot field, a signed start time with a minimum
fill time, and a per-client rate limit that fails open.
"""

import hashlib
import logging
import time

from django.conf import settings
from django.core import signing
from django.core.cache import caches

from charity_site.client_ip import client_ip

logger = logging.getLogger(__name__)

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


def _rate_key(request) -> str:
    # Hashed so the cache never holds a raw address.
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{client_ip(request)}".encode()).hexdigest()[:32]
    return f"support:contact-rate:{digest}"


def rate_limited(request) -> bool:
    """
    Count this submission against the client's hourly allowance. If the cache
    is down, let the submission through and log it: losing a patient's
    message is worse than letting some spam in.
    """
    cache = caches[settings.SUPPORT_RATE_LIMIT_CACHE]
    key = _rate_key(request)
    try:
        cache.add(key, 0, timeout=3600)
        count = cache.incr(key)
    except Exception:
        logger.warning("Contact form rate limit skipped: the cache is not answering.", exc_info=True)
        return False
    return count > settings.SUPPORT_RATE_LIMIT_PER_HOUR
