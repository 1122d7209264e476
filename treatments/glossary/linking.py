"""
Linking the first use of each approved term on an article page to its
definition: to "Words explained on this page" at the foot of the same
article, where its approved wording is, with a link to the term in the A-Z
glossary. Plain links, so it works without JavaScript, with a screen reader
and in print. Later uses are left as they are.
"""

import re
from dataclasses import dataclass
from functools import lru_cache

from django.utils.html import escape

from ..models import GlossaryTerm
from ..sanitise import text_pieces

# Inside these, a word is not linked: links already, headings (they are the page's outline).
_NO_LINK_INSIDE = frozenset({"a", "h2", "h3", "h4", "figcaption", "sup"})


@dataclass(frozen=True)
class Definition:
    anchor: str
    term: str
    forms: tuple[str, ...]
    definition: str


def approved_definitions() -> list[Definition]:
    """Every approved term, with only its approved wording (its live version)."""
    rows = GlossaryTerm.objects.filter(live_version__isnull=False).values_list(
        "anchor", "live_version__term", "live_version__other_forms", "live_version__definition"
    )
    return [
        Definition(anchor, term, tuple(GlossaryTerm.forms_of(term, forms)), definition)
        for anchor, term, forms, definition in rows
    ]


@lru_cache(maxsize=32)
def _pattern(forms: tuple[str, ...]) -> re.Pattern | None:
    if not forms:
        return None
    ordered = sorted(forms, key=len, reverse=True)
    return re.compile(r"(?<!\w)(" + "|".join(re.escape(form) for form in ordered) + r")(?!\w)", re.IGNORECASE)


def link_first_uses(html: str, definitions: list[Definition]) -> tuple[str, list[Definition]]:
    """Sanitised body HTML with the first use of each term linked; and the terms used, in order."""
    by_form = {form.casefold(): definition for definition in definitions for form in definition.forms}
    pattern = _pattern(tuple(sorted(by_form)))
    if pattern is None:
        return html, []
    used: list[Definition] = []

    def link(match: re.Match) -> str:
        definition = by_form.get(match.group(1).casefold())
        if definition is None or definition in used:
            return match.group(0)
        used.append(definition)
        return f'<a href="#define-{definition.anchor}" class="glossary-term">{match.group(0)}</a>'

    pieces = [
        pattern.sub(link, piece) if is_text else piece
        for is_text, piece in text_pieces(html, _NO_LINK_INSIDE)
    ]
    return "".join(pieces), used


def words_explained_html(used: list[Definition], glossary_url: str) -> str:
    """The "Words explained on this page" list for the terms an article uses."""
    if not used:
        return ""
    items = "".join(
        f'<dt id="define-{escape(d.anchor)}">{escape(d.term)}</dt>'
        f'<dd>{escape(d.definition)} <a href="{escape(glossary_url)}#{escape(d.anchor)}">'
        f"“{escape(d.term)}” in the A to Z of words</a></dd>"
        for d in used
    )
    return f'<dl class="words-explained">{items}</dl>'
