"""
A text's readability and content checks, worked out once per text in each
worker: the article page, the approve page and the production record all show
them, and they take a sanitise and two passes over the text (most of an edit
page's time before they were kept). Kept by the text's own hash, so a changed
word or source is a new entry; a new release starts every worker afresh.
"""

import hashlib
import json
from dataclasses import dataclass

from django.core.cache import caches

from .content_checks import Finding, content_findings
from .readability import Readability, readability_of


@dataclass(frozen=True)
class TextChecks:
    readability: Readability | None
    findings: list[Finding]


def text_checks(body: str, sources: list[dict]) -> TextChecks:
    """readability_of(body) and content_findings(body, sources), from this worker's cache when seen before."""
    key = "text-checks:" + hashlib.sha256(json.dumps([body, sources], default=str).encode()).hexdigest()
    cache = caches["this_process"]
    checks = cache.get(key)
    if checks is None:
        checks = TextChecks(readability_of(body), content_findings(body, sources))
        cache.set(key, checks)
    return checks
