"""
Whole public pages for visitors without a session, served from the cache.

Only views marked with @public_page are stored, only for GET/HEAD requests
without a session or messages cookie, and only 200 responses that set no
cookie, so nobody ever receives a page made for someone else. Every key
is stored with the content generation it was built in; publishing,
withdrawing or re-reviewing an article bumps the generation, so the next
request after a change is built afresh.

Keys are canonical: a public page declares the query parameters it reads,
with the function that puts each value in canonical form (search: case and
spacing), and every other parameter is left out of the key. Any other
parameter cannot change the page, so `?utm_source=x` or junk query strings
are served the one stored page and never add an entry: the cache cannot be
flooded through the query string.
"""

import hashlib
import logging
from collections.abc import Callable
from functools import lru_cache, wraps
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.http import HttpResponse
from django.urls import Resolver404, resolve
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date

from .frontend_cache import PAGE_TAG, frontend_purge_queue

logger = logging.getLogger(__name__)
GENERATION_KEY = "page-cache:generation"
MESSAGES_COOKIE = "messages"  # django.contrib.messages' cookie storage


def public_page(view=None, *, query: dict[str, Callable[[str], str]] | None = None):
    """
    Mark a view's successful responses as the same for every visitor without a
    session. `query` names the query parameters the view reads, each with the
    function that gives its canonical value. A view may set
    `response.is_public_page = False` to keep one response out of the cache.
    """
    if view is None:
        return lambda view: public_page(view, query=query)

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if getattr(response, "is_public_page", None) is None:
            response.is_public_page = True
        return response

    wrapped.page_cache_query = query or {}
    return wrapped


def cache_key_query(request, query: dict[str, Callable[[str], str]]) -> str:
    """The declared parameters, canonical and sorted; empty ones and all others left out."""
    values = []
    for name in sorted(query):
        value = query[name](request.GET.get(name, ""))
        if value:
            values.append((name, value))
    return urlencode(values)


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
        # And in the shared caches in front (Varnish, a CDN), if there are any.
        frontend_purge_queue()

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


@lru_cache(maxsize=4096)
def _declared_query(urlconf, path: str) -> dict | None:
    """
    The query parameters the public page at `path` reads, or None if it is not
    a public page. Remembered per path (bounded): resolving the URL on every
    cache hit cost about a tenth of a cached page.
    """
    try:
        view = resolve(path, urlconf).func
    except Resolver404:
        return None
    return getattr(view, "page_cache_query", None)


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not self._may_use_cache(request):
            return self.get_response(request)
        urlconf = getattr(request, "urlconf", None) or settings.ROOT_URLCONF
        query = _declared_query(urlconf, request.path_info)
        if query is None:  # not a public page: not even a cache round trip
            return self.get_response(request)
        cache = _cache()
        key = self._key(request, query)
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
    def _key(request, query) -> str:
        encoding = "gzip" if "gzip" in request.headers.get("Accept-Encoding", "") else "identity"
        target = f"{request.get_host()}{request.path}?{cache_key_query(request, query)}"
        return f"page:{encoding}:{hashlib.sha256(target.encode()).hexdigest()}"

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
        # Browsers may keep it, but must check it is still current (a cheap 304). Shared
        # caches that we purge on every change may serve it for FRONTEND_CACHE_SECONDS.
        if settings.FRONTEND_CACHE_URLS:
            response["Cache-Control"] = f"public, max-age=0, s-maxage={settings.FRONTEND_CACHE_SECONDS}"
            response["Cache-Tag"] = PAGE_TAG
        else:
            response["Cache-Control"] = "public, max-age=0, must-revalidate"
        patch_vary_headers(response, ["Cookie"])
