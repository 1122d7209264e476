"""
Is a message urgent? It is when it contains one of the warning phrases that
support leads keep in the admin. Matching errs towards flagging: a request
flagged by mistake costs a minute of a nurse's time, one missed can cost far more.
So "no chest pain" still matches "chest pain"; staff clear the flag.
"""

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from .models import WarningPhrase

# Common English endings, so "cough" finds "coughs", "coughed" and "coughing".
ENDINGS = ("", "s", "es", "ed", "d", "ing", "ning", "ting", "ness", "ly")
# A stem is the word without an ending it was written with: "coughing" -> "cough".
_WRITTEN_ENDING = re.compile(r"(?:ing|ed|es|s)$")
# Up to two words may come between a phrase's words: "coughing up some blood".
MAX_WORDS_BETWEEN = 2
# Words are runs of letters and digits; anything else (spaces, hyphens, apostrophes,
# underscores) separates them.
_TOKEN = re.compile(r"[^\W_]+")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})


@dataclass(frozen=True)
class Match:
    phrase: str
    kind: str


class _Tokens:
    """
    A message's words, read once. Where a word stands is kept as a bit mask
    (bit n set: the message's n-th word is that word), so a phrase is checked
    with a few whole-message operations per phrase word, however the words repeat.
    """

    def __init__(self, text: str):
        self.words = _TOKEN.findall(text.translate(_APOSTROPHES).casefold())
        self._positions: dict[str, int] = defaultdict(int)
        for position, word in enumerate(self.words):
            self._positions[word] |= 1 << position

    def where(self, word: str) -> int:
        return self._positions.get(word, 0)

    def where_any(self, words) -> int:
        mask = 0
        for word in words:
            mask |= self.where(word)
        return mask


@dataclass(frozen=True)
class _PhraseWord:
    """
    One word of a phrase, as the parts its hyphens or apostrophes separate:
    "self-harm" is found as "self harm", "self-harm" or "selfharm"; the last
    part may take a common ending.
    """

    parts: tuple[str, ...]

    def starts(self, tokens: _Tokens) -> list[tuple[int, int]]:
        """(mask of the message words it can start at, how many words it then takes)."""
        joined, last = "".join(self.parts), self.parts[-1]
        found = [(tokens.where_any(joined + ending for ending in ENDINGS), 1)]
        if len(self.parts) > 1:
            mask = tokens.where_any(last + ending for ending in ENDINGS) >> (len(self.parts) - 1)
            for offset, part in enumerate(self.parts[:-1]):
                mask &= tokens.where(part) >> offset
            found.append((mask, len(self.parts)))
        return found


@lru_cache(maxsize=1024)
def phrase_words(phrase: str) -> tuple[_PhraseWord, ...]:
    words = []
    for word in phrase.translate(_APOSTROPHES).casefold().split():
        # Short words ("up", "of", "is") are matched as written: "is" is not a stem of "i".
        stem = _WRITTEN_ENDING.sub("", word) if len(word) > 4 else word
        if parts := tuple(_TOKEN.findall(stem)):
            words.append(_PhraseWord(parts))
    return tuple(words)


def _found(words: tuple[_PhraseWord, ...], tokens: _Tokens) -> bool:
    """
    Whether the words stand in the message in order, at most MAX_WORDS_BETWEEN
    apart. Each step keeps only the mask of places the phrase so far can end,
    so the work grows with the message and the phrase, never with the number
    of ways short repeated words could line up.
    """
    if not words:
        return False
    allowed = ~0  # the first word may stand anywhere
    for word in words:
        ends = 0
        for starts, size in word.starts(tokens):
            ends |= (starts & allowed) << size
        if not ends:
            return False
        # The next word may start right after, or after up to MAX_WORDS_BETWEEN other words.
        allowed = 0
        for gap in range(MAX_WORDS_BETWEEN + 1):
            allowed |= ends << gap
    return True


def matches(text: str, phrases: list[tuple[str, str]]) -> list[Match]:
    """The (phrase, kind) pairs found in `text`, in the order given."""
    tokens = _Tokens(text)
    return [Match(phrase, kind) for phrase, kind in phrases if _found(phrase_words(phrase), tokens)]


def warning_matches(text: str) -> list[Match]:
    """The active warning phrases in a message."""
    phrases = list(WarningPhrase.objects.filter(active=True).values_list("phrase", "kind"))
    return matches(text, phrases)
