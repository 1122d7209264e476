"""Site-wide views that belong to no single app."""

import logging
import sys

from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.db.migrations.executor import MigrationExecutor
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.utils.crypto import salted_hmac
from django.views.decorators.cache import never_cache

from core.client_ip import client_ip
from core.links import tel_href
from core.security_log import security_event

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 60


@never_cache
def healthz(request):
    """Liveness: 200 when the app and its database answer; 503 when the database does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        logger.warning("Health check: the database did not answer.", exc_info=True)
        return JsonResponse({"status": "unavailable", "database": "down"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@never_cache
def readyz(request):
    """
    Readiness for a load balancer: the database answers and every migration is
    applied. Mail is deliberately not checked: a mail outage must not take the
    site out of service (contact requests are stored and sent later).
    """
    try:
        executor = MigrationExecutor(connection)
        unapplied = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except DatabaseError:
        logger.warning("Readiness check: the database did not answer.", exc_info=True)
        return JsonResponse({"status": "unavailable", "database": "down"}, status=503)
    if unapplied:
        return JsonResponse({"status": "unavailable", "database": "migrations pending"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


def _client_hash(request) -> str:
    """A short keyed hash of the client address: lets events be correlated, names nobody."""
    return salted_hmac("security-log-client", client_ip(request)).hexdigest()[:12]


def _static_error_context(request) -> dict:
    """Everything the error pages show, from settings alone."""
    return {
        "charity_name": settings.CHARITY_NAME,
        "support_phone": settings.SUPPORT_PHONE,
        "support_phone_href": tel_href(settings.SUPPORT_PHONE),
        "stylesheet_url": f"{settings.STATIC_URL}css/site.css",
        "request_id": getattr(request, "request_id", ""),
    }


def server_error(request):
    """
    The 500 page, or the 503 page when the database is what failed. Both must
    render when the database, the static-file manifest or a context processor
    is the problem, so they use none of them.
    """
    error = sys.exc_info()[1]
    if isinstance(error, OperationalError | InterfaceError):
        template = loader.get_template("503.html")
        response = HttpResponse(template.render(_static_error_context(request)), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    template = loader.get_template("500.html")
    return HttpResponse(template.render(_static_error_context(request)), status=500)


def bad_request(request, exception=None):
    """400: a request we could not read (too large, malformed). Settings-only, like the 500 page."""
    template = loader.get_template("400.html")
    return HttpResponse(template.render(_static_error_context(request)), status=400)


def csrf_failure(request, reason=""):
    """A form sent without a valid CSRF token: a styled page with the phone number, never Django's."""
    security_event("csrf.refused", level=logging.WARNING, path=request.path[:80])
    template = loader.get_template("403_csrf.html")
    return HttpResponse(template.render(_static_error_context(request)), status=403)


def permission_denied(request, exception=None):
    """403, logged as a security event: which user, which path, never any data."""
    security_event(
        "permission.denied",
        level=logging.WARNING,
        user_id=getattr(request.user, "pk", None) or "anonymous",
        path=request.path[:80],
    )
    template = loader.get_template("403.html")
    return HttpResponse(template.render({}, request), status=403)


def locked_out(request, *args, **kwargs):
    """django-axes calls this for each sign-in attempt while an account and address are locked out."""
    security_event(
        "login.locked_out", level=logging.WARNING, client=_client_hash(request), path=request.path[:80]
    )
    context = {
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "cooloff_minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
    }
    return render(request, "registration/locked_out.html", context, status=429)


def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /editor/",
        "Disallow: /search/",
        "Disallow: /support/contact/thank-you/",
        f"Sitemap: {settings.SITE_URL}/sitemap.xml",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
