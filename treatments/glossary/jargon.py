"""The jargon check: words in a draft that look medical and that the glossary does not explain yet."""

import re
from functools import lru_cache
from pathlib import Path

import textstat

from ..sanitise import html_to_text
from .linking import Definition, approved_definitions

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
