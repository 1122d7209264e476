"""
Sanitised article HTML read as a reader meets it: block by block (each
paragraph, list item, heading and table cell on its own) with the heading
each block sits under. The reading age and the content checks count
sentences from these blocks, so twelve short list items are twelve short
sentences, not one long one, and every finding can say where it is.
"""

import re
from dataclasses import dataclass
from html.parser import HTMLParser

HEADING_TAGS = frozenset({"h2", "h3", "h4"})
# Each of these holds text a reader reads as a unit of its own.
BLOCK_TAGS = HEADING_TAGS | {"p", "li", "td", "th", "caption", "figcaption", "blockquote", "aside"}
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+")


@dataclass(frozen=True)
class TextBlock:
    tag: str  # a tag from BLOCK_TAGS, or "text" for text outside any of them
    text: str
    heading: str  # the nearest heading above it, "" before the first

    @property
    def is_heading(self) -> bool:
        return self.tag in HEADING_TAGS

    def sentences(self) -> list[str]:
        return [sentence for sentence in _SENTENCE_END.split(self.text) if sentence]


class _BlockParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks: list[TextBlock] = []
        self.heading = ""
        self._open: list[str] = []
        self._text: list[str] = []
        self._block_has_text = False  # whether the innermost open block gave a block yet

    def _flush(self, *, closing: bool = False) -> None:
        text = " ".join("".join(self._text).split())
        self._text = []
        tag = self._open[-1] if self._open else "text"
        # A heading with no text at all counts once, when it closes; other empty runs are nothing.
        empty_heading = closing and tag in HEADING_TAGS and not self._block_has_text
        if not text and not empty_heading:
            return
        self._block_has_text = True
        if tag in HEADING_TAGS:
            self.heading = text
            self.blocks.append(TextBlock(tag, text, text))
        else:
            self.blocks.append(TextBlock(tag, text, self.heading))

    def handle_starttag(self, tag, attrs):
        if tag in BLOCK_TAGS:
            self._flush()
            self._open.append(tag)
            self._block_has_text = False
        elif tag == "br":  # a line break ends a line of reading, as a new block does
            self._flush()

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag in BLOCK_TAGS and tag in self._open:
            self._flush(closing=self._open[-1] == tag)
            while self._open and self._open.pop() != tag:
                pass

    def handle_data(self, data):
        self._text.append(data)

    def close(self):
        super().close()
        self._flush()


def text_blocks(sanitised_html: str) -> list[TextBlock]:
    """The blocks of sanitised HTML in reading order; empty headings are kept (a check reports them)."""
    parser = _BlockParser()
    parser.feed(sanitised_html or "")
    parser.close()
    return parser.blocks


def place(heading: str) -> str:
    """Where a finding is, in words a nurse can find in the editor."""
    return f"under “{heading}”" if heading else "before the first heading"


def opening_words(text: str, words: int = 8) -> str:
    """The start of a sentence, to quote it so it can be found."""
    split = text.split()
    return " ".join(split[:words]) + ("…" if len(split) > words else "")
