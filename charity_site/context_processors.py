from functools import cache

from django.conf import settings
from django.urls import reverse

from core.links import tel_href

DEFAULT_DESCRIPTION = (
    "Information and support for people affected by mesothelioma, and the people who care for them."
)


def charity(request):
    """The charity's contact details, shown on every page."""
    return {
        "charity_name": settings.CHARITY_NAME,
        "support_phone": settings.SUPPORT_PHONE,
        "support_phone_href": tel_href(settings.SUPPORT_PHONE),
        "support_email": settings.SUPPORT_EMAIL,
        "support_opening_hours": settings.SUPPORT_OPENING_HOURS,
        "support_retention_days": settings.SUPPORT_RETENTION_DAYS,
        "support_reply_within": settings.SUPPORT_REPLY_WITHIN,
        "site_url": settings.SITE_URL,
        "default_description": DEFAULT_DESCRIPTION,
        "urls": site_urls(),
    }


@cache
def site_urls() -> dict[str, str]:
    """The fixed addresses every page links to, worked out once per process."""
    names = {
        "home": "home",
        "treatments": "treatments:index",
        "contact": "support:contact",
        "privacy": "privacy",
        "accessibility": "accessibility",
        "search": "search",
        "glossary": "glossary",
    }
    return {key: reverse(name) for key, name in names.items()}
