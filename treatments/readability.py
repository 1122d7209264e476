"""
How hard an article's text is to read, for the nurse writing it.

The NHS aims for a reading age of 9 to 11. A UK reading age is roughly the
US school grade (Flesch-Kincaid) plus five years.
"""

import re
from dataclasses import dataclass

import textstat

from .sanitise import html_to_text

TARGET_READING_AGE = (9, 11)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


@dataclass(frozen=True)
class Readability:
    reading_ease: float
    reading_age: int
    word_count: int
    longest_sentences: list[tuple[int, str]]  # (word count, sentence)

    @property
    def within_target(self) -> bool:
        return self.reading_age <= TARGET_READING_AGE[1]


def readability_of(html: str, longest: int = 3) -> Readability | None:
    text = html_to_text(html)
    sentences = [sentence.strip() for sentence in _SENTENCE_END.split(text) if sentence.strip()]
    if not sentences:
        return None
    # Each block becomes a sentence, so headings and list items are not run together.
    prose = " ".join(s if s[-1] in ".!?" else f"{s}." for s in sentences)
    by_length = sorted(((len(s.split()), s) for s in sentences), key=lambda item: -item[0])
    return Readability(
        reading_ease=round(textstat.flesch_reading_ease(prose), 1),
        reading_age=max(5, round(textstat.flesch_kincaid_grade(prose) + 5)),
        word_count=textstat.lexicon_count(prose),
        longest_sentences=by_length[:longest],
    )
