"""A test's own Redis cache: cleared before and after, or the test skipped (an error in CI) without Redis."""

import os

import pytest


def cleared_or_skipped(cache, url: str):
    try:
        cache.clear()
    except Exception:
        if os.environ.get("CI"):
            raise
        pytest.skip(f"no Redis at {url}")
    return cache
