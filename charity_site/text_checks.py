"""
Text that must never be stored, wherever it comes from.

NUL bytes crash PostgreSQL ("A string literal cannot contain NUL"), so every
model of ours refuses them on save, whatever the write path (forms, the admin,
management commands, demo loaders). Single-line fields (names, titles) also
refuse the invisible characters that make text read differently from how it
is stored: bidirectional overrides ("Trojan Source") and zero-width characters.
"""

import re

from django.core.exceptions import ValidationError

INVISIBLE_FORMATTING = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
CONTROL_CHARACTERS = re.compile("[\x00-\x1f\x7f-\x9f]")


def validate_single_line_text(value: str) -> None:
    if CONTROL_CHARACTERS.search(value):
        raise ValidationError(
            "This contains a line break or control character. Please type it on one line.",
            code="control_character",
        )
    if INVISIBLE_FORMATTING.search(value):
        raise ValidationError(
            "This contains a hidden formatting character (for example from copying and pasting). "
            "Please retype it.",
            code="invisible_character",
        )


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
            if _contains_nul(getattr(self, field.attname)):
                raise ValidationError(
                    {field.name: "Null characters are not allowed."}, code="null_characters_not_allowed"
                )
        super().save(*args, **kwargs)
