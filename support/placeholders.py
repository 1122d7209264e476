"""
The names a reply may use in braces ({first_name} ...), filled in when it is
sent. A name in braces that is not one of them is refused wherever a reply is
written (a canned reply saved, a reply previewed or sent), so a misspelling
never reaches a person as "Dear {firstname},".
"""

import re
from collections.abc import Mapping

from django.core.exceptions import ValidationError

PLACEHOLDERS = ("first_name", "reference", "support_phone", "opening_hours", "your_name")
PLACEHOLDERS_LIST = ", ".join(f"{{{name}}}" for name in PLACEHOLDERS[:-1]) + f" and {{{PLACEHOLDERS[-1]}}}"
PLACEHOLDERS_HELP = (
    f"You can use {PLACEHOLDERS_LIST} (the member of staff sending it): each is filled in when "
    "the reply is sent."
)

_KNOWN = re.compile(r"\{(" + "|".join(PLACEHOLDERS) + r")\}")
# What someone means as a name to fill in: braces around a few words that start with a
# letter ({firstname}, {First Name}, { reference }). Braces around anything else are text.
_NAME_IN_BRACES = re.compile(r"\{\s*[^\W\d_][\w .'-]{0,38}\s*\}")


def placeholders_unknown(text: str) -> list[str]:
    """The names in braces that are not placeholders, each once, in the order they appear."""
    found = [match.group() for match in _NAME_IN_BRACES.finditer(text) if not _KNOWN.fullmatch(match.group())]
    return list(dict.fromkeys(found))


def placeholders_check(text: str) -> None:
    """Refuse a reply that uses a name in braces the site cannot fill in."""
    unknown = placeholders_unknown(text)
    if unknown:
        names = ", ".join(unknown)
        raise ValidationError(
            f"The site cannot fill in {names}: check the spelling. These are the names that work: "
            f"{PLACEHOLDERS_LIST}.",
            code="unknown_placeholder",
        )


def placeholders_fill(text: str, values: Mapping[str, str]) -> str:
    """
    Replace each placeholder with its value, in one pass: what a value brings
    in (a person named "{your_name}") is never filled again.
    """
    placeholders_check(text)
    return _KNOWN.sub(lambda match: values[match.group(1)], text)
