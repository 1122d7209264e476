"""README stays short, and every file or folder it and the docs name exists."""

import re
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
# Paths written in backticks or as Markdown links: `core/running.py`, [docs/x.md](docs/x.md).
_PATH = re.compile(
    r"(?:`|\]\()((?:[a-z_]+/)+[\w.-]*|[\w-]+\.(?:md|py|toml|txt|sh|conf|vcl)|Procfile|Makefile)(?:`|\))"
)
DOCUMENTS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
# Made by running the site or the benchmark (ignored by git); and media types, which look like paths.
NOT_IN_GIT = ("bench/results", "staticfiles", "media")
MEDIA_TYPES = ("application/", "image/", "text/")
APPS = ("treatments", "support", "core")


def test_the_readme_is_short_and_starts_with_the_two_commands():
    lines = (ROOT / "README.md").read_text().splitlines()
    assert len(lines) < 150
    assert any("make run" in line for line in lines[:40]) and any("make test" in line for line in lines[:40])


def test_every_path_the_documents_name_exists():
    missing = []
    for document in DOCUMENTS:
        for path in _PATH.findall(document.read_text()):
            candidate = path.split("#")[0].rstrip("/")
            if (
                "*" in candidate
                or candidate.startswith(("http", "/", *MEDIA_TYPES))
                or candidate in NOT_IN_GIT
            ):
                continue
            # A bare module name ("workflow.py") is one each app has.
            places = [
                ROOT / candidate,
                document.parent / candidate,
                *(ROOT / app / candidate for app in APPS),
            ]
            if not any(place.exists() for place in places):
                missing.append(f"{document.name}: {path}")
    assert missing == []
