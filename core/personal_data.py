"""
Text that may hold someone's details: what people type into the public search,
or staff into a free-text field meant for topics. Before such text is kept
where it is not personal data by design, anything that looks like an email
address, a phone number, an NHS number, a UK postcode or a date (of birth) is
taken out. It errs towards removing: a lost word costs little.
"""

import re

_MONTHS = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
PATTERNS = {
    "email": re.compile(r"[^\s@]+@[^\s@]+"),
    "date": re.compile(
        rf"\b\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{2,4}}\b|\b\d{{4}}-\d{{1,2}}-\d{{1,2}}\b"
        rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTHS}\s+\d{{2,4}}\b"
        rf"|\b{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b",
        re.IGNORECASE,
    ),
    # Phone and NHS numbers, hospital numbers: six digits or more, however they are spaced.
    "number": re.compile(r"(?:\+\s*)?\d(?:[\s().-]*\d){5,}"),
    "postcode": re.compile(r"\b[a-z]{1,2}\d[a-z\d]?\s*\d[a-z]{2}\b", re.IGNORECASE),
}


def personal_data_kinds(text: str) -> list[str]:
    """Which kinds of personal details `text` seems to hold (empty: none seen)."""
    return [kind for kind, pattern in PATTERNS.items() if pattern.search(text or "")]


def without_personal_data(text: str) -> str:
    """`text` with everything that looks like a person's details removed, spaces tidied."""
    for pattern in PATTERNS.values():
        text = pattern.sub(" ", text or "")
    return " ".join(text.split())
