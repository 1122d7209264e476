"""The production cache backend (django-redis) against the local Redis (REDIS_TEST_URL)."""

import os

import pytest
from django.core.checks import run_checks
from django_redis.cache import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError

from tests.servers.redis_cache import redis_test_cache

REDIS_TEST_URL = os.environ.get("REDIS_TEST_URL", "redis://127.0.0.1:6379/14")


@pytest.fixture
def redis_cache():
    yield from redis_test_cache(REDIS_TEST_URL)


def test_one_client_serves_every_call(redis_cache):
    first = redis_cache.client.get_client(write=False)
    assert redis_cache.client.get_client(write=False) is first
    assert redis_cache.client.get_client(write=True) is first


def test_values_round_trip(redis_cache):
    redis_cache.set("page", (3, [("Content-Type", "text/html")], b"\x1f\x8b body"), 30)
    redis_cache.add("generation", 0, timeout=None)
    redis_cache.incr("generation")
    assert redis_cache.get_many(["generation", "page", "missing"]) == {
        "generation": 1,
        "page": (3, [("Content-Type", "text/html")], b"\x1f\x8b body"),
    }


def test_an_outage_raises_for_the_callers_to_handle():
    """The page cache and the rate limits fail open on an error, and log it; nothing is swallowed here."""
    down = RedisCache("redis://127.0.0.1:9/0", {"OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.5}})
    with pytest.raises(RedisConnectionError):
        down.get_many(["a", "b"])


def _deploy_warnings():
    return [message.id for message in run_checks(include_deployment_checks=True)]


def test_deploy_check_warns_when_each_worker_keeps_its_own_page_cache(settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    settings.PAGE_CACHE_SECONDS = 300
    assert "core.W001" in _deploy_warnings()


def test_deploy_check_is_quiet_with_a_shared_cache_or_no_page_cache(settings):
    settings.CACHES = {"default": {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": REDIS_TEST_URL}}
    assert "core.W001" not in _deploy_warnings()
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    settings.PAGE_CACHE_SECONDS = 0
    assert "core.W001" not in _deploy_warnings()
