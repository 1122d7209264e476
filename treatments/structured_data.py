"""schema.org MedicalWebPage data for an article, as JSON-LD."""

import json

from django.conf import settings
from django.utils.safestring import SafeString, mark_safe

from .diff import format_source


def json_ld(data: dict) -> SafeString:
    """
    JSON for a <script type="application/ld+json"> block. <, > and & are written
    as \\u escapes, so no text in it (a title containing </script>) can end the block.
    """
    text = json.dumps(data, ensure_ascii=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(text)  # noqa: S308 - every character that could end the script is escaped


def medical_web_page(article) -> SafeString:
    version = article.live_version
    review = article.last_review
    url = settings.SITE_URL + article.get_absolute_url()
    data = {
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "@id": url,
        "url": url,
        "name": version.title,
        "description": version.summary,
        "inLanguage": "en-GB",
        "audience": {"@type": "PeopleAudience", "audienceType": "Patients and carers"},
        "publisher": {"@type": "Organization", "name": settings.CHARITY_NAME},
        "citation": [format_source(source) for source in version.sources],
    }
    if article.last_reviewed_on:
        data["lastReviewed"] = article.last_reviewed_on.isoformat()
    if review:
        reviewer = {"@type": "Person", "name": review.reviewer_name}
        if review.reviewer_role:
            reviewer["jobTitle"] = review.reviewer_role
        data["reviewedBy"] = reviewer
    return json_ld(data)
