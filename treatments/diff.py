"""What changed between the live version and the working copy, for the approver."""

import difflib
from dataclasses import dataclass

from .sanitise import html_to_text


@dataclass(frozen=True)
class DiffLine:
    kind: str  # "added", "removed" or "same"
    text: str


@dataclass(frozen=True)
class FieldDiff:
    label: str
    lines: list[DiffLine]

    @property
    def changed(self) -> bool:
        return any(line.kind != "same" for line in self.lines)


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


def _line_diff(old: list[str], new: list[str]) -> list[DiffLine]:
    kinds = {"- ": "removed", "+ ": "added", "  ": "same"}
    return [
        DiffLine(kinds[line[:2]], line[2:])
        for line in difflib.ndiff(old, new)
        if line[:2] in kinds  # "? " lines are ndiff's intraline hints
    ]


def content_diff(old: dict | None, new: dict) -> list[FieldDiff]:
    """
    Compare two content snapshots (title, summary, sanitised body, sources).
    With no old snapshot (a first approval) everything is new.
    """
    old = old or {"title": "", "summary": "", "body": "", "sources": [], "resources": []}

    def lines(snapshot: dict, field: str) -> list[str]:
        if field == "body":
            return html_to_text(snapshot["body"]).splitlines()
        if field == "sources":
            return [f"{n}. {format_source(source)}" for n, source in enumerate(snapshot["sources"], 1)]
        if field == "resources":
            return [f"{item['title']} ({item['url']})" for item in snapshot.get("resources", [])]
        return [line for line in snapshot[field].splitlines() if line.strip()]

    return [
        FieldDiff(label, _line_diff(lines(old, field), lines(new, field)))
        for field, label in (
            ("title", "Title"),
            ("summary", "Summary"),
            ("body", "Body"),
            ("sources", "Sources"),
        )
    ]
