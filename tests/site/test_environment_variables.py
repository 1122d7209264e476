"""Every environment variable the site reads is in .env.example, and .env.example lists nothing it does not read."""

import re
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
READERS = [*sorted((ROOT / "charity_site").glob("settings*.py")), ROOT / "gunicorn.conf.py"]
_READ = re.compile(
    r'(?:env_(?:str|int|bool|list|float)\(|os\.environ\.get\(|os\.environ\[)\s*"([A-Z][A-Z0-9_]*)"'
)
_LISTED = re.compile(r"^(?:# ?)?([A-Z][A-Z0-9_]*)=", re.MULTILINE)  # set, or shown commented out


def read_by_the_site() -> set[str]:
    return {name for path in READERS for name in _READ.findall(path.read_text())}


def listed_in_example() -> set[str]:
    return set(_LISTED.findall((ROOT / ".env.example").read_text()))


def test_env_example_lists_exactly_the_variables_the_site_reads():
    read, listed = read_by_the_site(), listed_in_example()
    assert read - listed == set(), "read by the site but not in .env.example"
    assert listed - read == set(), "in .env.example but read by nothing"


def test_the_comparison_can_fail():
    assert "SECRET_KEY" in read_by_the_site() and "SECRET_KEY" in listed_in_example()
    assert _READ.findall('X = env_int("NEW_SETTING", 3)') == ["NEW_SETTING"]
