import secrets

from csp.constants import UNSAFE_INLINE
from csp.middleware import CSPMiddleware
from django.contrib.sessions.middleware import SessionMiddleware as DjangoSessionMiddleware

from .logging import current_request_id

# Staff pages where CKEditor 5 runs: it sets inline styles, previews images
# from data: and blob: URLs, and reads a pasted image's data (fetch of a data:
# or blob: URL, never another site) to upload it. Public pages never get these.
EDITOR_PATH_PREFIXES = ("/admin/", "/editor/")
EDITOR_POLICY = {
    "style-src": [UNSAFE_INLINE],
    "img-src": ["data:", "blob:"],
    "connect-src": ["'self'", "data:", "blob:"],
}


class RequestIdMiddleware:
    """
    Give each request a random id, put it on every log line it causes and in
    an X-Request-ID header; error pages show it so support can find the log.
    Never taken from the request: a client could forge log entries with it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.request_id = secrets.token_hex(6)
        token = current_request_id.set(request.request_id)
        try:
            response = self.get_response(request)
        finally:
            current_request_id.reset(token)
        response["X-Request-ID"] = request.request_id
        return response


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, relaxed for the admin's editor and nowhere else."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if request.path_info.startswith(EDITOR_PATH_PREFIXES):
            parts.update = {**(parts.update or {}), **EDITOR_POLICY}
        return parts


class SessionMiddleware(DjangoSessionMiddleware):
    """
    Django's, except that a request marked `session_passive` never saves the
    session: a page's background heartbeat says who has it open without
    renewing the session, so a page left alone still signs out at the idle
    limit (SESSION_SAVE_EVERY_REQUEST renews on every other request).
    """

    def process_response(self, request, response):
        if getattr(request, "session_passive", False):
            return response
        return super().process_response(request, response)
