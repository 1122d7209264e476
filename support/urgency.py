"""
Is a message urgent? It is when it contains one of the warning phrases that
support leads keep in the admin. Matching errs towards flagging: a request
flagged by mistake costs a minute of a nurse's time, one missed can cost far more.
So "no chest pain" still matches "chest pain"; staff clear the flag.
"""

import re
from dataclasses import dataclass
from functools import lru_cache

from .models import WarningPhrase

# Common English endings, so "cough" finds "coughs", "coughed" and "coughing".
_ENDINGS = r"(?:s|es|ed|d|ing|ning|ting|ness|ly)?"
# A stem is the word without an ending it was written with: "coughing" -> "cough".
_WRITTEN_ENDING = re.compile(r"(?:ing|ed|es|s)$")
# Up to two words may come between a phrase's words: "coughing up some blood".
_BETWEEN = r"[\W_]+(?:\w+[\W_]+){0,2}"
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})


@dataclass(frozen=True)
class Match:
    phrase: str
    kind: str


def _word_pattern(word: str) -> str:
    # Short words ("up", "of", "is") are matched as written: "is" is not a stem of "i".
    stem = _WRITTEN_ENDING.sub("", word) if len(word) > 4 else word
    # A hyphenated word matches with or without its hyphen: "self-harm", "self harm", "selfharm".
    parts = [re.escape(part) for part in stem.split("-") if part]
    return r"[\W_]*".join(parts) + _ENDINGS


@lru_cache(maxsize=1024)
def phrase_pattern(phrase: str) -> re.Pattern:
    words = phrase.translate(_APOSTROPHES).casefold().split()
    body = _BETWEEN.join(_word_pattern(word) for word in words)
    return re.compile(rf"(?<!\w){body}(?!\w)", re.IGNORECASE)


def matches(text: str, phrases: list[tuple[str, str]]) -> list[Match]:
    """The (phrase, kind) pairs found in `text`, in the order given."""
    normalised = text.translate(_APOSTROPHES).casefold()
    return [Match(phrase, kind) for phrase, kind in phrases if phrase_pattern(phrase).search(normalised)]


def warning_matches(text: str) -> list[Match]:
    """The active warning phrases in a message."""
    phrases = list(WarningPhrase.objects.filter(active=True).values_list("phrase", "kind"))
    return matches(text, phrases)
