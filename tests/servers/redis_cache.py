"""A test's own Redis cache: cleared before and after, or the test skipped (an error in CI) without Redis."""

import os

import pytest


def redis_test_cache(url: str):
    """For a fixture to yield from: a django-redis cache on `url`, empty before and after the test."""
    from django_redis.cache import RedisCache

    cache = RedisCache(url, {"OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 1}})
    yield cleared_or_skipped(cache, url)
    cache.clear()


def cleared_or_skipped(cache, url: str):
    try:
        cache.clear()
    except Exception:
        if os.environ.get("CI"):
            raise
        pytest.skip(f"no Redis at {url}")
    return cache
