"""
How hard an article's text is to read, for the nurse writing it.

The NHS aims for a reading age of 9 to 11. A UK reading age is roughly the
US school grade (Flesch-Kincaid) plus five years.
"""

from dataclasses import dataclass

import textstat

from .sanitise import sanitise_html
from .text_blocks import text_blocks

TARGET_READING_AGE = (9, 11)


@dataclass(frozen=True)
class Readability:
    reading_ease: float
    reading_age: int
    word_count: int
    longest_sentences: list[tuple[int, str]]  # (word count, sentence)

    @property
    def within_target(self) -> bool:
        return self.reading_age <= TARGET_READING_AGE[1]


def load_word_lists() -> None:
    """
    Load textstat's pronunciation dictionary (CMUdict: 135,000 words as
    270,000 Python lists) and hyphenation patterns now rather than on the
    first page that counts syllables. gunicorn calls this in its parent
    before forking, so the workers share one copy that their garbage
    collector never walks: loaded in a worker instead, every full collection
    walked it, a pause of about 190 ms on one request in fifty.
    """
    textstat.flesch_reading_ease("Mesothelioma is a rare cancer.")


def readability_of(html: str, longest: int = 3) -> Readability | None:
    """
    How hard the text the public will see is to read: `html` is sanitised
    first, so Word's styles and comments are never read as text.
    """
    sentences = [sentence for block in text_blocks(sanitise_html(html)) for sentence in block.sentences()]
    if not sentences:
        return None
    # Each block ends a sentence, so headings, list items and table cells are not run together.
    prose = " ".join(s if s.rstrip("\"'”’)")[-1:] in ".!?" else f"{s}." for s in sentences)
    by_length = sorted(((len(s.split()), s) for s in sentences), key=lambda item: -item[0])
    return Readability(
        reading_ease=round(textstat.flesch_reading_ease(prose), 1),
        reading_age=max(5, round(textstat.flesch_kincaid_grade(prose) + 5)),
        word_count=textstat.lexicon_count(prose),
        longest_sentences=by_length[:longest],
    )
