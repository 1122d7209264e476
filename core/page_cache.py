"""
Whole public pages for visitors without a session, served from the cache.

Only views marked with @public_page are stored, only for GET/HEAD requests
without a session or messages cookie, and only 200 responses that set no
cookie, so nobody ever receives a page made for someone else. Every key
is stored with the content generation it was built in; publishing,
withdrawing or re-reviewing an article bumps the generation, so the next
request after a change is built afresh.
"""

import hashlib
import logging
from functools import wraps

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date

logger = logging.getLogger(__name__)
GENERATION_KEY = "page-cache:generation"
MESSAGES_COOKIE = "messages"  # django.contrib.messages' cookie storage


def public_page(view):
    """Mark a view's successful responses as the same for every visitor without a session."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response.is_public_page = True
        return response

    return wrapped


def _cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def public_pages_changed() -> None:
    """Throw away every cached public page, once the current transaction commits."""

    def bump():
        cache = _cache()
        try:
            cache.add(GENERATION_KEY, 0, timeout=None)
            cache.incr(GENERATION_KEY)
        except Exception:
            logger.warning("Could not invalidate the page cache.", exc_info=True)

    transaction.on_commit(bump)


def current_content_value(key: str, build, timeout: int = 3600):
    """
    A value derived from published content, cached until the content next
    changes: stored with the generation it was built in, read together with
    the current generation in one round trip. Built afresh if the cache is down.
    """
    cache = _cache()
    try:
        found = cache.get_many([GENERATION_KEY, key])
    except Exception:
        logger.warning("Cache unavailable; building %s.", key, exc_info=True)
        return build()
    generation = found.get(GENERATION_KEY, 0)
    entry = found.get(key)
    if entry is not None and entry[0] == generation:
        return entry[1]
    value = build()
    try:
        cache.set(key, (generation, value), timeout)
    except Exception:
        logger.warning("Could not cache %s.", key, exc_info=True)
    return value


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not self._may_use_cache(request):
            return self.get_response(request)
        cache = _cache()
        key = self._key(request)
        try:
            # One round trip: the current generation and the stored page together.
            found = cache.get_many([GENERATION_KEY, key])
        except Exception:
            logger.warning("Page cache unavailable; building the page.", exc_info=True)
            return self.get_response(request)
        generation = found.get(GENERATION_KEY, 0)
        entry = found.get(key)
        if entry is not None and entry[0] == generation:
            return self._from_entry(request, entry)

        response = self.get_response(request)
        if self._may_store(response):
            self._prepare(response)
            entry = (generation, list(response.items()), response.content)
            try:
                cache.set(key, entry, settings.PAGE_CACHE_SECONDS)
            except Exception:
                logger.warning("Could not store a page in the cache.", exc_info=True)
        return response

    @staticmethod
    def _from_entry(request, entry):
        _, headers, content = entry
        response = HttpResponse(content)
        for name, value in headers:
            response[name] = value
        return get_conditional_response(request, etag=response["ETag"], response=response) or response

    @staticmethod
    def _may_use_cache(request) -> bool:
        return (
            settings.PAGE_CACHE_SECONDS > 0
            and request.method in ("GET", "HEAD")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and MESSAGES_COOKIE not in request.COOKIES
        )

    @staticmethod
    def _key(request) -> str:
        encoding = "gzip" if "gzip" in request.headers.get("Accept-Encoding", "") else "identity"
        target = hashlib.sha256(f"{request.get_host()}{request.get_full_path()}".encode()).hexdigest()
        return f"page:{encoding}:{target}"

    @staticmethod
    def _may_store(response) -> bool:
        return (
            getattr(response, "is_public_page", False)
            and response.status_code == 200
            and not response.streaming
            and not response.cookies
        )

    @staticmethod
    def _prepare(response) -> None:
        if hasattr(response, "render") and not response.is_rendered:
            response.render()
        response["ETag"] = f'"{hashlib.md5(response.content, usedforsecurity=False).hexdigest()}"'
        response["Last-Modified"] = http_date()
        # Browsers and CDNs may keep it, but must check it is still current (a cheap 304).
        response["Cache-Control"] = "public, max-age=0, must-revalidate"
        patch_vary_headers(response, ["Cookie"])
