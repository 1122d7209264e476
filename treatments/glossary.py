"""
Glossary: signing definitions off (four eyes, as for articles), linking the
first use of each approved term on an article page to its definition, and the
jargon check that lists words a nurse may want to define.

On a page, the first use of a term links to "Words explained on this page" at
the foot of the same article, where its approved definition is, with a link
to the term in the A-Z glossary: plain links, so it works without JavaScript,
with a screen reader and in print. Later uses are left as they are.
"""

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import textstat
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import slugify

from core.page_cache import public_pages_changed
from core.refusals import Refused
from core.security_log import security_event

from .models import GlossaryTerm
from .sanitise import html_to_text, text_pieces

# Inside these, a word is not linked: links already, headings (they are the page's outline).
_NO_LINK_INSIDE = frozenset({"a", "h2", "h3", "h4", "figcaption", "sup"})

FOUR_EYES = "A definition must be approved by someone who did not write or change it."


class GlossaryError(Refused):
    """Not allowed now; the message is shown to the member of staff."""


@dataclass(frozen=True)
class Definition:
    anchor: str
    term: str
    forms: tuple[str, ...]
    definition: str


def approved_definitions() -> list[Definition]:
    """Every approved term, with only its approved wording."""
    rows = GlossaryTerm.objects.exclude(approved_definition="").values_list(
        "anchor", "approved_term", "approved_other_forms", "approved_definition"
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


# --- Signing definitions off ----------------------------------------------------------


def _unique_anchor(term: str, exclude_pk: int | None) -> str:
    base = slugify(term)[:80] or "term"
    anchor, n = base, 2
    while GlossaryTerm.objects.filter(anchor=anchor).exclude(pk=exclude_pk).exists():
        anchor, n = f"{base}-{n}", n + 1
    return anchor


@transaction.atomic
def glossary_term_save(*, term: GlossaryTerm, editor: AbstractBaseUser) -> GlossaryTerm:
    """Save the working copy: it now waits for an approver who is not among its editors."""
    if not editor.has_perm("treatments.change_glossaryterm" if term.pk else "treatments.add_glossaryterm"):
        raise PermissionDenied("You do not have permission to write glossary definitions.")
    term.status = GlossaryTerm.Status.AWAITING_APPROVAL
    term.last_edited_by = editor
    term.changed_at = timezone.now()
    if editor.pk not in term.draft_editor_ids:
        term.draft_editor_ids = [*term.draft_editor_ids, editor.pk]
    if not term.anchor:
        term.anchor = _unique_anchor(term.term, term.pk)
    term.full_clean()
    term.save()
    return term


@transaction.atomic
def glossary_term_approve(*, term: GlossaryTerm, approver: AbstractBaseUser) -> GlossaryTerm:
    """Make the working copy the public definition."""
    if not approver.has_perm("treatments.approve_glossaryterm"):
        raise PermissionDenied("You do not have permission to approve glossary definitions.")
    term = GlossaryTerm.objects.select_for_update().get(pk=term.pk)
    if term.status != GlossaryTerm.Status.AWAITING_APPROVAL:
        raise GlossaryError(f"“{term.term}” has no changes waiting for approval.")
    if approver.pk in term.draft_editor_ids or approver.pk == term.last_edited_by_id:
        raise GlossaryError(FOUR_EYES)
    term.approved_term = term.term
    term.approved_other_forms = term.other_forms
    term.approved_definition = term.definition
    term.approved_by = approver
    term.approved_at = timezone.now()
    term.status = GlossaryTerm.Status.APPROVED
    term.draft_editor_ids = []
    term.save()
    public_pages_changed()
    security_event("glossary.approved", user_id=approver.pk, term_id=term.pk)
    return term


# --- Jargon check ---------------------------------------------------------------------

_WORD = re.compile(r"[A-Za-z][A-Za-z-]{5,}")
# Endings and beginnings that mark most medical words ("pleurodesis", "nivolumab", "intravenous").
_MEDICAL_ENDINGS = (
    "itis",
    "ectomy",
    "otomy",
    "ostomy",
    "oma",
    "omas",
    "osis",
    "therapy",
    "therapies",
    "ology",
    "ologist",
    "gram",
    "graphy",
    "scopy",
    "plasty",
    "aemia",
    "emia",
    "algia",
    "pathy",
    "cyte",
    "cytes",
    "genic",
    "desis",
    "lysis",
    "mab",
    "tinib",
    "platin",
    "trexed",
    "ectomies",
)
_MEDICAL_BEGINNINGS = (
    "immun", "chemo", "radio", "pleur", "periton", "cardi", "pulmon", "onco", "neutro", "haem", "hem",
    "thromb", "metasta", "carcin", "cyto", "endo", "intra", "inhib", "mesothel", "biops", "lymph", "palliat",
)  # fmt: skip


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    # The Dale-Chall list of words most readers know, as textstat ships it.
    path = Path(textstat.__file__).parent / "resources" / "en" / "easy_words.txt"
    return frozenset(word.strip().lower() for word in path.read_text().split())


def _is_common(word: str) -> bool:
    common = _common_words()
    stems = {
        word,
        word.rstrip("s"),
        word.removesuffix("es"),
        word.removesuffix("ed"),
        word.removesuffix("ing"),
    }
    return any(stem in common for stem in stems)


def jargon_words(body_html: str, definitions: list[Definition] | None = None, limit: int = 30) -> list[str]:
    """Words in the text that look medical: not common English, not in the glossary, with a medical ending."""
    definitions = approved_definitions() if definitions is None else definitions
    defined = {form.casefold() for definition in definitions for form in definition.forms}
    found: dict[str, str] = {}
    for word in _WORD.findall(html_to_text(body_html)):
        key = word.casefold()
        if key in found or key in defined or key.rstrip("s") in defined or _is_common(key):
            continue
        if key.endswith(_MEDICAL_ENDINGS) or key.startswith(_MEDICAL_BEGINNINGS):
            found[key] = word
    return sorted(found.values(), key=str.casefold)[:limit]
