"""Site-wide views that belong to no single app."""

import logging

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpResponseServerError, JsonResponse
from django.template import loader
from django.views.decorators.cache import never_cache

from .context_processors import tel_href

logger = logging.getLogger(__name__)


@never_cache
def healthz(request):
    """200 when the app and its database answer; 503 when the database does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        logger.warning("Health check: the database did not answer.", exc_info=True)
        return JsonResponse({"status": "unavailable", "database": "down"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


def server_error(request):
    """
    The 500 page. It must render when the database, the static-file manifest
    or a context processor is what failed, so it uses none of them.
    """
    template = loader.get_template("500.html")
    context = {
        "charity_name": settings.CHARITY_NAME,
        "support_phone": settings.SUPPORT_PHONE,
        "support_phone_href": tel_href(settings.SUPPORT_PHONE),
        "stylesheet_url": f"{settings.STATIC_URL}css/site.css",
    }
    return HttpResponseServerError(template.render(context))
