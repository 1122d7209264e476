"""
Citations in an article's text. A nurse types the number of a source in
square brackets where a statement rests on it: "[2]", "[1, 3]" or "[2-4]".
At approval each marker becomes a superscript link to that numbered source,
and each source links back to every place it is cited. Plain links and text,
so they work without JavaScript, with a screen reader and in print.
"""

import re
from dataclasses import dataclass, field

from .sanitise import text_pieces

# "[2]", "[1, 3]", "[2-4]" (or with an en dash): numbers of sources, in brackets, in the text.
_MARKER = re.compile(r"\[(\d{1,3}(?:\s*(?:,|-|\u2013)\s*\d{1,3})*)\]")
# Text already inside a link is not a citation.
_NOT_IN = frozenset({"a"})


def marker_numbers(inside: str) -> list[int]:
    """ "1, 3" -> [1, 3]; "2-4" -> [2, 3, 4]."""
    numbers: list[int] = []
    for part in re.split(r"\s*,\s*", inside.strip()):
        low, _, high = re.sub(r"\s*[-\u2013]\s*", "-", part).partition("-")
        if high:
            start, end = int(low), int(high)
            numbers.extend(range(start, end + 1) if 0 <= end - start < 50 else [start, end])
        else:
            numbers.append(int(low))
    return numbers


def cited_numbers(html: str) -> list[int]:
    """Every source number the text cites, in order, repeats included."""
    found: list[int] = []
    for is_text, piece in text_pieces(html, _NOT_IN):
        if is_text:
            for marker in _MARKER.finditer(piece):
                found.extend(marker_numbers(marker.group(1)))
    return found


@dataclass
class CitationProblems:
    missing: list[int] = field(default_factory=list)  # cited, but there is no such source: blocks approval
    uncited: list[int] = field(default_factory=list)  # sources nothing cites: advisory


def citation_problems(html: str, source_count: int) -> CitationProblems:
    cited = set(cited_numbers(html))
    return CitationProblems(
        missing=sorted(number for number in cited if not 1 <= number <= source_count),
        uncited=[number for number in range(1, source_count + 1) if number not in cited] if cited else [],
    )


def link_citations(html: str, source_count: int) -> tuple[str, dict[int, list[str]]]:
    """
    Sanitised body HTML with its markers linked to the sources, and for each
    source number the ids of the places that cite it (for its back-links).
    Markers naming no source are left as typed (approval refuses them).
    """
    places: dict[int, list[str]] = {}

    def link(number: int) -> str:
        anchor = f"cite-{number}-{len(places.setdefault(number, [])) + 1}"
        places[number].append(anchor)
        return f'<a href="#source-{number}" id="{anchor}"><span class="visually-hidden">source </span>{number}</a>'

    def replace(marker: re.Match) -> str:
        numbers = marker_numbers(marker.group(1))
        if not numbers or any(not 1 <= number <= source_count for number in numbers):
            return marker.group(0)
        return '<sup class="citation">[' + ", ".join(link(number) for number in numbers) + "]</sup>"

    pieces = [
        _MARKER.sub(replace, piece) if is_text else piece for is_text, piece in text_pieces(html, _NOT_IN)
    ]
    return "".join(pieces), places
