"""
The one rule for what text we store, wherever it comes from: model fields,
forms and the rich-text sanitiser all use this module.

People write in every language, so nearly every character is accepted,
including invisible ones that writing needs: the zero-width joiner and
non-joiner (emoji families, Persian, Indic scripts), the soft hyphen, the
left-to-right, right-to-left and Arabic letter marks, and the tag characters
in the flags of Wales and Scotland. Refused:

- NUL everywhere: PostgreSQL cannot store it ("A string literal cannot
  contain NUL"), so every model refuses it on save, whatever the write path;
- other C0 and C1 control characters, except tab and line breaks in
  multi-line text;
- bidirectional embeddings, overrides and isolates, which make text read
  differently from how it is stored ("Trojan Source", CVE-2021-42574);
- in single-line text (names, titles), also the invisible characters that
  have no use in writing and let two names look the same: zero-width space,
  word joiner, invisible operators, deprecated format characters, the
  byte-order mark and interlinear annotation marks.
"""

import re

from django.core.exceptions import ValidationError

BIDI_OVERRIDES = re.compile("[\u202a-\u202e\u2066-\u2069]")
INVISIBLE_LOOKALIKES = re.compile("[\u200b\u2060-\u2064\u206a-\u206f\ufeff\ufff9-\ufffb]")
CONTROL_CHARACTERS = re.compile("[\x00-\x1f\x7f-\x9f]")
CONTROL_CHARACTERS_BUT_LINE_BREAKS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")

SINGLE_LINE_MESSAGE = "This contains a line break or control character. Please type it on one line."
CONTROL_MESSAGE = (
    "This contains a hidden control character we cannot store. Please retype it without pasting."
)
FORMATTING_MESSAGE = (
    "This contains a hidden formatting character (for example from copying and pasting). Please retype it."
)


def validate_single_line_text(value: str) -> None:
    """For names, titles and other one-line fields."""
    if CONTROL_CHARACTERS.search(value):
        raise ValidationError(SINGLE_LINE_MESSAGE, code="control_character")
    if BIDI_OVERRIDES.search(value) or INVISIBLE_LOOKALIKES.search(value):
        raise ValidationError(FORMATTING_MESSAGE, code="invisible_character")


def validate_multiline_text(value: str) -> None:
    """For messages, summaries, notes and comments: line breaks and tabs are fine."""
    if CONTROL_CHARACTERS_BUT_LINE_BREAKS.search(value):
        raise ValidationError(CONTROL_MESSAGE, code="control_character")
    if BIDI_OVERRIDES.search(value):
        raise ValidationError(FORMATTING_MESSAGE, code="invisible_character")


def remove_bidi_overrides(text: str) -> str:
    """For rich text, which is cleaned rather than refused: nh3 keeps these characters."""
    return BIDI_OVERRIDES.sub("", text)


def _contains_nul(value) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_contains_nul(key) or _contains_nul(item) for key, item in value.items())
    if isinstance(value, list | tuple):
        return any(_contains_nul(item) for item in value)
    return False


class RejectNulBytesMixin:
    """Refuse to save a row with a NUL byte in any field: a clear error, never a database crash."""

    def save(self, *args, **kwargs):
        for field in self._meta.concrete_fields:
            if field.generated:
                continue  # written by the database, never by us
            if _contains_nul(getattr(self, field.attname)):
                raise ValidationError(
                    {field.name: "Null characters are not allowed."}, code="null_characters_not_allowed"
                )
        super().save(*args, **kwargs)
