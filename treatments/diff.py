"""
What changed between two versions of an article, for the approver: block by
block (headings, paragraphs, list items, table rows), with the words inserted
and deleted inside a changed block, unchanged blocks folded, and sources and
leaflets compared field by field.
"""

import difflib
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

BLOCK_TAGS = {"h2", "h3", "h4", "p", "li", "blockquote", "caption", "figcaption", "tr"}
KIND_NAMES = {
    "h2": "heading",
    "h3": "subheading",
    "h4": "subheading",
    "p": "paragraph",
    "li": "list item",
    "blockquote": "quotation",
    "caption": "table caption",
    "figcaption": "image caption",
    "tr": "table row",
    "text": "line",
}
SOURCE_FIELDS = [
    ("authors", "Authors"),
    ("title", "Title"),
    ("publisher", "Journal or publisher"),
    ("year", "Year"),
    ("volume_pages", "Volume and pages"),
    ("url", "Link"),
    ("accessed_on", "Accessed"),
]
_WORDS = re.compile(r"\w+|[^\w\s]|\s+")


def format_source(source: dict) -> str:
    parts = [
        source.get("authors", ""),
        source.get("title", ""),
        source.get("publisher", ""),
        str(source.get("year") or ""),
        source.get("volume_pages", ""),
        source.get("url", ""),
    ]
    text = ". ".join(part.strip().rstrip(".") for part in parts if part and part.strip())
    if source.get("accessed_on"):
        text += f" (accessed {source['accessed_on']})"
    return text


@dataclass(frozen=True)
class Block:
    kind: str  # a tag from BLOCK_TAGS, or "text"
    text: str

    @property
    def kind_name(self) -> str:
        return KIND_NAMES[self.kind]


class _BlockParser(HTMLParser):
    """Sanitised article HTML as a list of blocks; a table row's cells are joined with " | "."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self._open: list[str] = []
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in BLOCK_TAGS:
            self._flush()
            self._open.append(tag)
        elif tag in {"td", "th"} and self._text:
            self._text.append(" | ")
        elif tag == "br":
            self._text.append(" ")
        elif tag == "img":
            alt = dict(attrs).get("alt") or "no description"
            self._text.append(f"[image: {alt}]")

    def handle_endtag(self, tag):
        if tag in BLOCK_TAGS:
            self._flush()
            if self._open:
                self._open.pop()

    def handle_data(self, data):
        self._text.append(data)

    def _flush(self):
        text = " ".join("".join(self._text).split())
        if text:
            self.blocks.append(Block(self._open[-1] if self._open else "p", text))
        self._text = []

    def close(self):
        super().close()
        self._flush()


def html_blocks(html: str) -> list[Block]:
    parser = _BlockParser()
    parser.feed(html or "")
    parser.close()
    return parser.blocks


@dataclass(frozen=True)
class Segment:
    kind: str  # "same", "ins" or "del"
    text: str


def word_diff(old: str, new: str) -> list[Segment]:
    """The words deleted from `old` and inserted into `new`, with what stayed the same."""
    a, b = _WORDS.findall(old), _WORDS.findall(new)
    segments: list[Segment] = []
    for op, a1, a2, b1, b2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            segments.append(Segment("same", "".join(a[a1:a2])))
            continue
        if op in {"delete", "replace"}:
            segments.append(Segment("del", "".join(a[a1:a2])))
        if op in {"insert", "replace"}:
            segments.append(Segment("ins", "".join(b[b1:b2])))
    return segments


@dataclass(frozen=True)
class BlockChange:
    kind: str  # "same" (folded), "changed", "added" or "removed"
    block: Block | None = None
    segments: list[Segment] = field(default_factory=list)
    folded: list[Block] = field(default_factory=list)  # for "same": the unchanged blocks

    @property
    def folded_summary(self) -> str:
        count = len(self.folded)
        kinds = {block.kind_name for block in self.folded}
        noun = kinds.pop() if len(kinds) == 1 else "block"
        return f"{count} unchanged {noun}{'s' if count != 1 else ''}"


def block_diff(old: list[Block], new: list[Block]) -> list[BlockChange]:
    keys_old = [(block.kind, block.text) for block in old]
    keys_new = [(block.kind, block.text) for block in new]
    changes: list[BlockChange] = []
    matcher = difflib.SequenceMatcher(None, keys_old, keys_new, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            changes.append(BlockChange("same", folded=new[b1:b2]))
            continue
        removed, added = old[a1:a2], new[b1:b2]
        # A replaced run: blocks paired in order are one block edited, shown word by word.
        for before, after in zip(removed, added, strict=False):
            changes.append(BlockChange("changed", after, word_diff(before.text, after.text)))
        changes += [BlockChange("removed", block) for block in removed[len(added) :]]
        changes += [BlockChange("added", block) for block in added[len(removed) :]]
    return changes


@dataclass(frozen=True)
class FieldChange:
    label: str
    old: str
    new: str


@dataclass(frozen=True)
class ItemDiff:
    """One numbered source or leaflet: added, removed, changed (field by field) or the same."""

    number: int
    kind: str
    text: str
    fields: list[FieldChange] = field(default_factory=list)


def _item_text(item: dict, fields) -> str:
    return format_source(item) if fields is SOURCE_FIELDS else item.get("title", "")


def item_diff(old: list[dict], new: list[dict], fields) -> list[ItemDiff]:
    items = []
    for number in range(1, max(len(old), len(new)) + 1):
        before = old[number - 1] if number <= len(old) else None
        after = new[number - 1] if number <= len(new) else None
        if before is None:
            items.append(ItemDiff(number, "added", _item_text(after, fields)))
        elif after is None:
            items.append(ItemDiff(number, "removed", _item_text(before, fields)))
        else:
            changed = [
                FieldChange(label, str(before.get(key) or ""), str(after.get(key) or ""))
                for key, label in fields
                if (before.get(key) or "") != (after.get(key) or "")
            ]
            items.append(
                ItemDiff(number, "changed" if changed else "same", _item_text(after, fields), changed)
            )
    return items


LEAFLET_FIELDS = [("title", "Title"), ("url", "File"), ("size_bytes", "Size in bytes")]


@dataclass(frozen=True)
class ContentDiff:
    title: list[Segment]
    summary: list[Segment]
    body: list[BlockChange]
    sources: list[ItemDiff]
    leaflets: list[ItemDiff]

    @property
    def changed_sections(self) -> dict[str, bool]:
        return {
            "title": any(segment.kind != "same" for segment in self.title),
            "summary": any(segment.kind != "same" for segment in self.summary),
            "body": any(change.kind != "same" for change in self.body),
            "sources": any(item.kind != "same" for item in self.sources),
            "leaflets": any(item.kind != "same" for item in self.leaflets),
        }


def content_diff(old: dict | None, new: dict) -> ContentDiff:
    """
    Compare two content snapshots (title, summary, sanitised body, sources,
    leaflets). With no old snapshot (a first approval) everything is new.
    """
    old = old or {"title": "", "summary": "", "body": "", "sources": [], "resources": []}
    return ContentDiff(
        title=word_diff(old["title"], new["title"]),
        summary=word_diff(old["summary"], new["summary"]),
        body=block_diff(html_blocks(old["body"]), html_blocks(new["body"])),
        sources=item_diff(old["sources"], new["sources"], SOURCE_FIELDS),
        leaflets=item_diff(old.get("resources", []), new.get("resources", []), LEAFLET_FIELDS),
    )
