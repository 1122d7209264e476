"""
Per-client hourly limits kept in the shared cache. They fail open: if the
cache is down the request is allowed and a warning is logged, because
refusing a frightened person's message is worse than letting spam through.
"""

import hashlib
import logging

from django.conf import settings
from django.core.cache import caches

from .client_ip import client_ip

logger = logging.getLogger(__name__)
WINDOW_SECONDS = 3600


def _key(request, scope: str) -> str:
    # Hashed with the secret key, so the cache never holds a raw address.
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{client_ip(request)}".encode()).hexdigest()[:32]
    return f"rate:{scope}:{digest}"


def rate_limited(request, *, scope: str, per_hour: int) -> bool:
    """Count this request against the client's allowance for `scope`; True when over it."""
    cache = caches[settings.RATE_LIMIT_CACHE]
    key = _key(request, scope)
    try:
        cache.add(key, 0, timeout=WINDOW_SECONDS)
        count = cache.incr(key)
    except Exception:
        logger.warning("Rate limit %s skipped: the cache is not answering.", scope, exc_info=True)
        return False
    return count > per_hour
