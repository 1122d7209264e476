"""Building blocks for settings.py: environment variables read strictly (a typo stops start-up), cache entries."""

import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

# The project's folder (where manage.py is).
BASE_DIR = Path(__file__).resolve().parent.parent


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default).strip()


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or not value.strip():
        return default
    value = value.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}.")


def env_int(name: str, default: int) -> int:
    value = env_str(name)
    if not value:
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.") from None


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env_str(name, default).split(",") if item.strip()]


def redis_cache(url: str, prefix: str) -> dict:
    """A CACHES entry for the Redis server at `url`."""
    return {
        # django-redis: one client per server for the process (Django's own backend
        # builds a client for every call), replies parsed by hiredis.
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": url,
        "KEY_PREFIX": prefix,
        "TIMEOUT": 300,
        # A cache outage must not hang requests. Errors are raised, not ignored: the
        # page cache and the rate limits catch them and say in the log what they skipped.
        "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 1, "SOCKET_TIMEOUT": 1},
    }
