"""
Keeping bots out of the contact form without a captcha, which would shut out
the people we serve: a honeypot field, a signed start time with a minimum
fill time and a maximum age (used once: see ContactRequest.form_token_hash),
and a per-client rate limit that fails open: refusing a frightened person's
message is worse than letting spam through.
"""

import enum
import secrets
import time

from django.conf import settings
from django.core import signing

from core.rate_limit import rate_limited as shared_rate_limited

_SALT = "support.contact-form.started"


class TokenProblem(enum.Enum):
    BOT = "missing, forged, or sent back faster than a person types"
    EXPIRED = "the form was open longer than SUPPORT_FORM_MAX_AGE_SECONDS"


def form_started_token(*, already_typing: bool = False) -> str:
    """
    The signed time the form was shown. A form given back to someone who has
    already typed (after an expired or repeated token) counts as started long
    enough ago, so pressing Send again at once is not taken for a bot.
    """
    started = int(time.time()) - (settings.SUPPORT_FORM_MIN_SECONDS if already_typing else 0)
    # A random part: two people who open the form in the same second get different tokens.
    return signing.TimestampSigner(salt=_SALT).sign(f"{started}:{secrets.token_urlsafe(8)}")


def form_token_problem(token: str) -> TokenProblem | None:
    try:
        started = int(signing.TimestampSigner(salt=_SALT).unsign(token).split(":")[0])
    except (signing.BadSignature, ValueError):
        return TokenProblem.BOT
    age = time.time() - started
    if age < settings.SUPPORT_FORM_MIN_SECONDS:
        return TokenProblem.BOT
    if age > settings.SUPPORT_FORM_MAX_AGE_SECONDS:
        return TokenProblem.EXPIRED
    return None


def rate_limited(request) -> bool:
    """The contact form's allowance per client (SUPPORT_RATE_LIMIT_PER_HOUR); fails open."""
    return shared_rate_limited(request, scope="contact", per_hour=settings.SUPPORT_RATE_LIMIT_PER_HOUR)
