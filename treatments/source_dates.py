"""
A source's publication date, from its DOI (Crossref) or PubMed ID (NCBI
E-utilities), for sources whose date nobody has entered. The earliest date
either gives is kept: online-first comes before the printed issue. Called by
check_sources; a nurse can always correct what it found.
"""

import datetime
import json
import logging
import re
import urllib.parse
import urllib.request

from django.conf import settings

logger = logging.getLogger(__name__)

_MONTHS = {name: number for number, name in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1
)}  # fmt: skip
MAX_BYTES = 2 * 1024 * 1024


def _get_json(url: str, timeout: float) -> dict | None:
    # Both services ask callers to name themselves and a contact address.
    agent = f"{settings.CHARITY_NAME} source dates (mailto:{settings.SUPPORT_EMAIL})"
    agent = agent.encode("ascii", "ignore").decode()  # a header: a Welsh ŵ would not go
    # The two API addresses are settings, never a nurse's input.
    request = urllib.request.Request(url, headers={"User-Agent": agent})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            return json.loads(response.read(MAX_BYTES))
    except (OSError, ValueError) as error:
        logger.warning("Publication date lookup failed: %s", type(error).__name__)
        return None


def _from_date_parts(value) -> datetime.date | None:
    """Crossref's {"date-parts": [[2014, 2, 11]]}; a missing day or month is taken as the first."""
    try:
        parts = value["date-parts"][0]
        return datetime.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except (KeyError, IndexError, TypeError, ValueError):
        return None


def crossref_published_on(doi: str, *, timeout: float = 10) -> datetime.date | None:
    data = _get_json(f"{settings.CROSSREF_API_URL}/works/{urllib.parse.quote(doi, safe='/')}", timeout)
    work = (data or {}).get("message") or {}
    dates = [_from_date_parts(work.get(key)) for key in ("published-online", "published-print", "issued")]
    return min((day for day in dates if day), default=None)


def _from_pubmed_text(text: str) -> datetime.date | None:
    """PubMed's "2011 Dec 5", "2012 Jan", "1968" (or "2012 Jan-Feb", "2012 Winter": the first month or the year)."""
    match = re.match(r"(\d{4})(?: (\w{3})\w*(?: (\d{1,2}))?)?", text or "")
    if not match:
        return None
    month = _MONTHS.get((match[2] or "jan").lower(), 1)
    try:
        return datetime.date(int(match[1]), month, int(match[3] or 1))
    except ValueError:
        return None


def pubmed_published_on(pubmed_id: str, *, timeout: float = 10) -> datetime.date | None:
    query = urllib.parse.urlencode({"db": "pubmed", "id": pubmed_id, "retmode": "json"})
    data = _get_json(f"{settings.PUBMED_API_URL}/esummary.fcgi?{query}", timeout)
    record = ((data or {}).get("result") or {}).get(pubmed_id) or {}
    dates = [_from_pubmed_text(record.get(key, "")) for key in ("epubdate", "pubdate")]
    return min((day for day in dates if day), default=None)


def published_on_lookup(*, doi: str, pubmed_id: str, timeout: float = 10) -> datetime.date | None:
    """The earliest publication date the DOI or PubMed ID gives, or None."""
    found = []
    if doi:
        found.append(crossref_published_on(doi, timeout=timeout))
    if pubmed_id:
        found.append(pubmed_published_on(pubmed_id, timeout=timeout))
    return min((day for day in found if day), default=None)


def sources_dates_fill(*, timeout: float = 10) -> int:
    """Fill in the publication date of every source with a DOI or PubMed ID and none yet. Returns how many."""
    from .models import Source

    filled = 0
    pending = Source.objects.filter(published_on__isnull=True).exclude(doi="", pubmed_id="")
    # One lookup per identifier, however many pages cite it.
    for doi, pubmed_id in pending.values_list("doi", "pubmed_id").distinct():
        day = published_on_lookup(doi=doi, pubmed_id=pubmed_id, timeout=timeout)
        if day:
            filled += pending.filter(doi=doi, pubmed_id=pubmed_id).update(published_on=day)
    return filled
