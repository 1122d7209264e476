"""
HTML fragments of an approved version that change only when a new version is
approved: the body with its section anchors, the "On this page" list and the
numbered sources. Computed once at approval and stored with the version.
"""

import datetime

from django.template.loader import render_to_string

from .boxes import render_boxes
from .citations import link_citations
from .sanitise import add_section_anchors, sanitise_html


def source_records(sources: list[dict]) -> list[dict]:
    """Approved sources for display, with their accessed date as a date."""
    return [
        {
            **source,
            "accessed_on": datetime.date.fromisoformat(source["accessed_on"])
            if source.get("accessed_on")
            else None,
        }
        for source in sources
    ]


def render_version_fragments(*, body: str, sources: list[dict]) -> dict:
    cited_html, places = link_citations(render_boxes(sanitise_html(body)), len(sources))
    body_html, sections = add_section_anchors(cited_html)
    records = [
        {**record, "number": number, "cited_at": places.get(number, [])}
        for number, record in enumerate(source_records(sources), 1)
    ]
    sources_html = render_to_string("treatments/includes/sources.html", {"sources": records})
    return {"body_html": body_html, "sections": sections, "sources_html": sources_html.strip()}
