"""
Advisory checks of an article's working copy, shown to nurses and approvers
beside the reading age: things that make a page harder to use for people with
screen readers or low literacy. Listed, never blocking.
"""

import re
from dataclasses import dataclass
from html.parser import HTMLParser

from .citations import citation_problems
from .sanitise import is_our_media, sanitise_html
from .text_blocks import HEADING_TAGS, opening_words, place, text_blocks

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
_URL_LIKE = re.compile(r"^(https?://|www\.)\S+$", re.I)
_IMAGE_SOURCE = re.compile(r"<img\b(?:[^>]*?\ssrc\s*=\s*[\"']?([^\"'\s>]*))?", re.IGNORECASE)
# Alternative text nobody wrote: a file path or name (Word keeps the one it was inserted from,
# e.g. "Macintosh HD:Users:...:scan.png"), or Word's own guess at a description.
_GENERATED_ALT = re.compile(
    r"(^[a-z]:\\|^macintosh hd:|^/(users|home|var|tmp)/|^file:|[\\/:][^\s\\/:]+\.(png|jpe?g|gif|bmp|tiff?|emf|wmf|webp|heic)$"
    r"|^[^\s]+\.(png|jpe?g|gif|bmp|tiff?|emf|wmf|webp|heic)$|description automatically generated"
    r"|^a picture containing\b|^an? (picture|image|photo) of\b.*generated)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Finding:
    check: str
    message: str
    where: str = ""  # the heading it is under, in words (text_blocks.place), when it has a place


class _Structure(HTMLParser):
    """Images, links and tables of sanitised HTML, each with the heading it sits under."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.images_without_alt: list[str] = []
        self.images_with_generated_alt: list[tuple[str, str]] = []  # (alt, heading)
        self.links: list[tuple[str, str]] = []
        self.tables: list[tuple[bool, str]] = []  # (has a header cell, heading)
        self._heading = ""
        self._heading_text: list[str] | None = None
        self._link: list[str] | None = None
        self._table_has_header: list[bool] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in HEADING_TAGS:
            self._heading_text = []
        elif tag == "img" and not (attributes.get("alt") or "").strip():
            self.images_without_alt.append(self._heading)
        elif tag == "img" and _GENERATED_ALT.search(attributes["alt"].strip()):
            self.images_with_generated_alt.append((attributes["alt"].strip(), self._heading))
        elif tag == "a":
            self._link = []
        elif tag == "table":
            self._table_has_header.append(False)
        elif tag == "th" and self._table_has_header:
            self._table_has_header[-1] = True

    def handle_endtag(self, tag):
        if tag in HEADING_TAGS and self._heading_text is not None:
            self._heading = " ".join("".join(self._heading_text).split())
            self._heading_text = None
        elif tag == "a" and self._link is not None:
            self.links.append((" ".join("".join(self._link).split()), self._heading))
            self._link = None
        elif tag == "table" and self._table_has_header:
            self.tables.append((self._table_has_header.pop(), self._heading))

    def handle_data(self, data):
        if self._heading_text is not None:
            self._heading_text.append(data)
        if self._link is not None:
            self._link.append(data)


def _images_without_source(body: str) -> int:
    """Images in the draft the page cannot show: a file on someone's computer, or no source at all."""
    sources = _IMAGE_SOURCE.findall(body)
    return sum(1 for source in sources if not source or not is_our_media(source))


def content_findings(body: str, sources: list[dict]) -> list[Finding]:
    """What is worth a look in `body` as the public will see it (sanitised), each with its place."""
    html = sanitise_html(body)
    lost = _images_without_source(body)
    findings_before: list[Finding] = []
    if lost:
        findings_before.append(
            Finding(
                "image-source",
                f"{lost} image{'s' if lost > 1 else ''} in the text cannot be shown (pasted from a document, "
                "the picture stayed on the computer it came from), so the page leaves "
                f"{'them' if lost > 1 else 'it'} out: insert each with the image button.",
            )
        )
    structure = _Structure()
    structure.feed(html)
    structure.close()
    blocks = text_blocks(html)
    findings: list[Finding] = findings_before

    for heading in structure.images_without_alt:
        findings.append(
            Finding("image-alt", "An image without a description (alternative text).", place(heading))
        )
    for alt, heading in structure.images_with_generated_alt:
        findings.append(
            Finding(
                "image-alt",
                f"An image described only as “{alt[:80]}”: a file name or a description nobody "
                "wrote. Say what the image shows.",
                place(heading),
            )
        )
    previous, above = 1, ""  # the page title is the h1
    for block in blocks:
        if not block.is_heading:
            continue
        level = int(block.tag[1])
        if level > previous + 1:
            findings.append(
                Finding(
                    "heading-skip",
                    f"“{block.text or '(empty)'}” is a Heading {level} after a Heading {previous}.",
                    place(above),
                )
            )
        previous, above = level, block.text or above
    for text, heading in structure.links:
        if text.lower().strip(" .") in VAGUE_LINK_TEXT:
            findings.append(
                Finding("link-text", f"A link reads “{text}”: say where it goes.", place(heading))
            )
        elif _URL_LIKE.match(text):
            findings.append(
                Finding(
                    "link-text",
                    f"A link shows a bare web address ({text[:60]}): say where it goes.",
                    place(heading),
                )
            )
    for has_header, heading in structure.tables:
        if not has_header:
            findings.append(Finding("table-header", "A table without a header row.", place(heading)))
    for block in blocks:
        for sentence in block.sentences():
            words = len(sentence.split())
            if words > LONG_SENTENCE_WORDS:
                findings.append(
                    Finding(
                        "long-sentence",
                        f"A sentence of {words} words: “{opening_words(sentence)}”",
                        place(block.heading if not block.is_heading else ""),
                    )
                )
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
