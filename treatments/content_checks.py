"""
Advisory checks of an article's working copy, shown to nurses and approvers
beside the reading age: things that make a page harder to use for people with
screen readers or low literacy. Listed, never blocking.
"""

import re
from dataclasses import dataclass
from html.parser import HTMLParser

from .citations import citation_problems
from .sanitise import html_to_text, sanitise_html

LONG_SENTENCE_WORDS = 25
VAGUE_LINK_TEXT = {
    "click here",
    "here",
    "read more",
    "more",
    "link",
    "this link",
    "this page",
    "find out more",
}
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_URL_LIKE = re.compile(r"^(https?://|www\.)\S+$", re.I)


@dataclass(frozen=True)
class Finding:
    check: str
    message: str


class _Structure(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.headings: list[tuple[int, str]] = []
        self.images_without_alt = 0
        self.links: list[str] = []
        self.tables = 0
        self.tables_with_header = 0
        self._heading: int | None = None
        self._link: list[str] | None = None
        self._text: list[str] = []
        self._table_has_header: list[bool] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in {"h2", "h3", "h4"}:
            self._heading, self._text = int(tag[1]), []
        elif tag == "img" and not (attributes.get("alt") or "").strip():
            self.images_without_alt += 1
        elif tag == "a":
            self._link = []
        elif tag == "table":
            self.tables += 1
            self._table_has_header.append(False)
        elif tag == "th" and self._table_has_header:
            self._table_has_header[-1] = True

    def handle_endtag(self, tag):
        if tag in {"h2", "h3", "h4"} and self._heading is not None:
            self.headings.append((self._heading, " ".join("".join(self._text).split())))
            self._heading = None
        elif tag == "a" and self._link is not None:
            self.links.append(" ".join("".join(self._link).split()))
            self._link = None
        elif tag == "table" and self._table_has_header:
            self.tables_with_header += self._table_has_header.pop()

    def handle_data(self, data):
        if self._heading is not None:
            self._text.append(data)
        if self._link is not None:
            self._link.append(data)


def content_findings(body: str, sources: list[dict]) -> list[Finding]:
    html = sanitise_html(body)
    structure = _Structure()
    structure.feed(html)
    structure.close()
    findings: list[Finding] = []

    if structure.images_without_alt:
        count = structure.images_without_alt
        findings.append(
            Finding(
                "image-alt",
                f"{count} image{'s' if count != 1 else ''} without a description (alternative text).",
            )
        )
    previous = 1  # the page title is the h1
    for level, text in structure.headings:
        if not text:
            findings.append(Finding("empty-heading", f"An empty Heading {level}."))
        if level > previous + 1:
            findings.append(
                Finding(
                    "heading-skip", f"“{text or '(empty)'}” is a Heading {level} after a Heading {previous}."
                )
            )
        previous = level
    for text in structure.links:
        if text.lower().strip(" .") in VAGUE_LINK_TEXT:
            findings.append(Finding("link-text", f"A link reads “{text}”: say where it goes."))
        elif _URL_LIKE.match(text):
            findings.append(
                Finding("link-text", f"A link shows a bare web address ({text[:60]}): say where it goes.")
            )
    if structure.tables > structure.tables_with_header:
        count = structure.tables - structure.tables_with_header
        findings.append(
            Finding("table-header", f"{count} table{'s' if count != 1 else ''} without a header row.")
        )
    for sentence in _SENTENCE_END.split(html_to_text(html).replace("\n", " ")):
        words = len(sentence.split())
        if words > LONG_SENTENCE_WORDS:
            findings.append(Finding("long-sentence", f"A sentence of {words} words: “{sentence[:80]}…”"))
    citations = citation_problems(html, len(sources))
    for number in citations.missing:
        findings.append(
            Finding(
                "citation-missing",
                f"The text cites [{number}], but there is no source {number}: approval is refused until it is fixed.",
            )
        )
    for number in citations.uncited:
        findings.append(Finding("citation-unused", f"Nothing in the text cites source {number}."))
    for number, source in enumerate(sources, 1):
        if not source.get("year"):
            findings.append(Finding("source-year", f"Source {number} has no year."))
        if source.get("url") and not source.get("accessed_on"):
            findings.append(
                Finding("source-accessed", f"Source {number} has a link but no date it was checked.")
            )
    return findings
