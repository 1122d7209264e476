"""
Two people saved one article: what the other person saved and what you
typed, side by side and word by word, for each part of the page that
differs. The change form shows it when a save is refused as out of date,
and the next save must say, part by part, which to keep: never a blind
overwrite (treatments/admin/forms.py).
"""

from dataclasses import dataclass, field

from .diff import Block, Segment, block_diff, html_blocks, word_diff
from .sanitise import sanitise_html

# The parts a person types; the rest of the form (place, review interval) is plain choices.
CONFLICT_FIELDS = (("title", "Title"), ("summary", "Summary"), ("body", "Body"))
CHOICES = ("mine", "theirs")


@dataclass(frozen=True)
class Row:
    """One line of the comparison: words only on their side are marked on it, and likewise yours."""

    kind: str  # "same" (folded), "changed", "theirs_only" or "yours_only"
    theirs: list[Segment] = field(default_factory=list)
    yours: list[Segment] = field(default_factory=list)
    folded: list[Block] = field(default_factory=list)
    summary: str = ""  # for "same": e.g. "3 unchanged paragraphs"
    kind_name: str = ""


@dataclass(frozen=True)
class FieldConflict:
    name: str
    label: str
    rows: list[Row]
    chosen: str = ""  # "mine" or "theirs", once the person has chosen

    @property
    def choice_name(self) -> str:
        return f"conflict_choice_{self.name}"  # the radio buttons' name; edit_conflicts reads it back


def _body_blocks(html: str) -> list[Block]:
    return html_blocks(sanitise_html(html or ""))


def differs(name: str, theirs: str, yours: str) -> bool:
    """Whether a reader would see a difference (the editor may rewrite the same text's markup)."""
    if name == "body":
        return _body_blocks(theirs) != _body_blocks(yours)
    return (theirs or "").strip() != (yours or "").strip()


def _rows(name: str, theirs: str, yours: str) -> list[Row]:
    if name != "body":
        segments = word_diff(theirs or "", yours or "")
        return [
            Row(
                "changed",
                theirs=[s for s in segments if s.kind != "ins"],
                yours=[s for s in segments if s.kind != "del"],
            )
        ]
    rows = []
    for change in block_diff(_body_blocks(theirs), _body_blocks(yours)):
        if change.kind == "same":
            rows.append(Row("same", folded=change.folded, summary=change.folded_summary))
        elif change.kind == "changed":
            rows.append(
                Row(
                    "changed",
                    theirs=[s for s in change.segments if s.kind != "ins"],
                    yours=[s for s in change.segments if s.kind != "del"],
                    kind_name=change.block.kind_name,
                )
            )
        elif change.kind == "removed":  # in theirs, not in what you typed
            rows.append(
                Row(
                    "theirs_only",
                    theirs=[Segment("del", change.block.text)],
                    kind_name=change.block.kind_name,
                )
            )
        else:
            rows.append(
                Row("yours_only", yours=[Segment("ins", change.block.text)], kind_name=change.block.kind_name)
            )
    return rows


def edit_conflicts(*, theirs, yours: dict, chosen: dict | None = None) -> list[FieldConflict]:
    """
    The typed parts where the saved article `theirs` and the submitted values
    `yours` differ, with any choice already made (`chosen`: the posted form).
    """
    chosen = chosen or {}
    conflicts = []
    for name, label in CONFLICT_FIELDS:
        if differs(name, getattr(theirs, name), yours.get(name, "")):
            choice = chosen.get(f"conflict_choice_{name}", "")
            conflicts.append(
                FieldConflict(
                    name,
                    label,
                    _rows(name, getattr(theirs, name), yours.get(name, "")),
                    choice if choice in CHOICES else "",
                )
            )
    return conflicts
