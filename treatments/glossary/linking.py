"""
Linking a use of each approved term on an article page to its definition:
to "Words explained on this page" at the foot of the same article, where its
approved wording is, with a link back to the place in the text and one to the
term in the A-Z glossary. Plain links, so it works without JavaScript, with a
screen reader and in print.

Each term is linked once a page at most, and only where it helps: never the
page's own subject (a word of its title), never where the sentence explains
the word itself ("a thin tube, called an IPC"; "a biopsy means ..."), and not
at all on a page where a nurse marked a use "Explained here" (the editor's
style, <span class="explained-here">). The first use that is not explained is
the one linked.
"""

import re
from dataclasses import dataclass
from functools import lru_cache

from django.utils.html import escape

from ..models import GlossaryTerm
from ..sanitise import text_pieces

# Inside these, a word is not linked: links already, headings (they are the page's outline),
# citations, and spans (a nurse's "Explained here", or text only screen readers hear).
_NO_LINK_INSIDE = frozenset({"a", "h2", "h3", "h4", "figcaption", "sup", "span"})
_EXPLAINED_HERE = re.compile(r'<span class="explained-here">(.*?)</span>', re.DOTALL)
# The sentence explains the word itself: "... called the pleura", "pleura (the lining ...)",
# "a biopsy means ...", "immunotherapy is a treatment ...".
_EXPLAINED_BEFORE = re.compile(r"\b(?:called|named|known as)\s+(?:(?:an?|the)\s+)?$", re.IGNORECASE)
_EXPLAINED_AFTER = re.compile(
    r"^(?:\s*\(|,?\s+(?:which\s+)?means\b|\s+stands\s+for\b|\s+is\s+(?:an?|the)\s)", re.IGNORECASE
)


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


def _forms_in(text: str, definitions: list[Definition]) -> set[Definition]:
    """The definitions one of whose forms appears in `text` as a whole word."""
    return {
        definition
        for definition in definitions
        if (pattern := _pattern(definition.forms)) is not None and pattern.search(text)
    }


def link_first_uses(
    html: str, definitions: list[Definition], *, subject: str = ""
) -> tuple[str, list[Definition]]:
    """
    Sanitised body HTML with one use of each term linked (the rules above); and
    the terms linked, in order. `subject` is the page's title.
    """
    marked = " ".join(_EXPLAINED_HERE.findall(html))
    left_alone = _forms_in(subject, definitions) | _forms_in(marked, definitions)
    by_form = {
        form.casefold(): definition
        for definition in definitions
        if definition not in left_alone
        for form in definition.forms
    }
    pattern = _pattern(tuple(sorted(by_form)))
    if pattern is None:
        return html, []
    used: list[Definition] = []

    def link(match: re.Match) -> str:
        definition = by_form.get(match.group(1).casefold())
        if definition is None or definition in used:
            return match.group(0)
        text = match.string
        if _EXPLAINED_BEFORE.search(
            text[max(0, match.start() - 40) : match.start()]
        ) or _EXPLAINED_AFTER.match(text[match.end() : match.end() + 30]):
            return match.group(0)  # explained where it stands: a later use may be linked
        used.append(definition)
        anchor = definition.anchor
        return f'<a href="#define-{anchor}" id="use-{anchor}" class="glossary-term">{match.group(0)}</a>'

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
        f'<dd>{escape(d.definition)} <a href="#use-{escape(d.anchor)}">Back to “{escape(d.term)}” in the text</a>. '
        f'<a href="{escape(glossary_url)}#{escape(d.anchor)}">“{escape(d.term)}” in the A to Z of words</a></dd>'
        for d in used
    )
    return f'<dl class="words-explained">{items}</dl>'
