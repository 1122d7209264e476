"""
Same-origin check for small anonymous forms on cached pages.

A cached page cannot carry a per-visitor CSRF token. Browsers send an Origin
header with every form POST (or at least a Referer), so a POST whose origin
is not this site, or not listed in CSRF_TRUSTED_ORIGINS, is refused: the
protection a token would give against cross-site requests.
"""

from django.conf import settings


def is_same_origin(request) -> bool:
    allowed = {f"{request.scheme}://{request.get_host()}", *settings.CSRF_TRUSTED_ORIGINS}
    origin = request.headers.get("Origin")
    if origin:
        return origin in allowed
    referer = request.headers.get("Referer", "")
    return any(referer.startswith(f"{site}/") for site in allowed)
