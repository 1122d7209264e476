"""
Every public page through the Nu HTML Checker (vnu.jar): the pages the
sitemap lists, search (with and without results), the contact form (empty,
with errors), the thank-you page and the 404 page, built from the demo
content in a throwaway SQLite database; and a published article for each
clipboard pasted from Word and Google Docs in tests/fixtures/paste/, saved as
it arrives without the editor. Exits 1 on any error.

`--self-test` first checks the checker: a page with a duplicate attribute
must fail, so a broken set-up cannot pass in silence.

Usage: .venv/bin/python ops/check_html.py --vnu PATH/TO/vnu.jar [--self-test]
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
BROKEN_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Broken</title></head>
<body><form><label for="p">Phone</label><input id="p" type="text" type="tel"></form></body></html>
"""


def validate(vnu: str, files: list[Path]) -> subprocess.CompletedProcess:
    java = shutil.which("java")
    command = [java, "-jar", vnu, "--errors-only", "--format", "text", *map(str, files)]
    return subprocess.run(command, capture_output=True, text=True, check=False)


def self_test(vnu: str, folder: Path) -> None:
    page = folder / "duplicate-attribute.html"
    page.write_text(BROKEN_PAGE)
    result = validate(vnu, [page])
    if result.returncode == 0 or "Duplicate attribute" not in result.stderr + result.stdout:
        sys.exit(f"The Nu checker passed a page with a duplicate attribute:\n{result.stdout}{result.stderr}")
    print("Self-test: the checker fails a page with a duplicate attribute.")


def build_pages(folder: Path) -> list[Path]:
    """Render the public pages with the demo content; returns the files written."""
    os.environ.update(
        DJANGO_SETTINGS_MODULE="charity_site.settings",
        DEBUG="true",  # the demo content loads only with DEBUG on; pages are fetched with it off
        ALLOWED_HOSTS="testserver",
        DATABASE_URL=f"sqlite:///{folder / 'pages.sqlite3'}",
        MEDIA_ROOT=str(folder / "media"),
        REDIS_URL="",
        LOG_LEVEL="WARNING",
    )
    sys.path.insert(0, str(PROJECT))
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client, override_settings

    from support.antispam import form_started_token

    call_command("migrate", verbosity=0)
    call_command("load_demo_content", stdout=open(os.devnull, "w"))  # noqa: SIM115

    pages: dict[str, tuple[int, bytes]] = {}
    with override_settings(DEBUG=False, PAGE_CACHE_SECONDS=0):
        client = Client()
        sitemap = client.get("/sitemap.xml").content.decode()
        paths = [re.sub(r"^https?://[^/]+", "", url) for url in re.findall(r"<loc>([^<]+)</loc>", sitemap)]
        for path in [*paths, "/search/?q=immunotherapy", "/search/?q=zzzqqq", "/search/"]:
            response = client.get(path)
            pages[path] = (response.status_code, response.content)
        response = client.get("/treatments/no-such-page/")
        pages["404"] = (response.status_code, response.content)
        response = client.post("/support/contact/", {"form_started": form_started_token(already_typing=True)})
        pages["contact with errors"] = (response.status_code, response.content)
        valid = {
            "name": "Margaret Ellis",
            "contact_method": "call_back",
            "phone": "01632 960 114",
            "voicemail_ok": "yes",
            "who": "patient",
            "topic": "treatment",
            "message": "A question about immunotherapy.",
            "consent": "on",
            "form_started": form_started_token(already_typing=True),
        }
        response = client.post("/support/contact/", valid, follow=True)
        pages["thank you"] = (response.status_code, response.content)

        pages.update(pasted_pages(client))

    expected = {"404": 404, "contact with errors": 400}
    files = []
    for number, (name, (status, content)) in enumerate(pages.items()):
        if status != expected.get(name, 200):
            sys.exit(f"{name} answered {status}: the check would validate the wrong page")
        file = folder / f"page-{number:03d}.html"
        file.write_bytes(content)
        files.append(file)
        print(f"{file.name}: {name}")
    return files


def pasted_pages(client) -> dict[str, tuple[int, bytes]]:
    """A published article for each pasted clipboard, its body as the clipboard gave it."""
    from django.contrib.auth import get_user_model

    from treatments import drafts, services
    from treatments.models import Article, Category

    users = get_user_model().objects
    category = Category.objects.order_by("position").first()
    pages = {}
    for number, path in enumerate(sorted((PROJECT / "tests" / "fixtures" / "paste").glob("**/*.html"))):
        # Fresh each time: a user's permissions are cached on the object.
        nurse, approver = users.get(username="nurse"), users.get(username="approver")
        article = Article.objects.create(
            slug=f"pasted-{number}",
            category=category,
            title=f"Pasted document {number}",
            summary="A document pasted from a word processor.",
            body=path.read_text(encoding="utf-8", errors="replace"),
            written_by=nurse,
            last_edited_by=nurse,
        )
        services.article_submit(article=article, user=nurse)
        services.article_approve(
            article=article,
            approver=approver,
            seen_fingerprint=drafts.article_draft_fingerprint(article),
            full_review=True,
        )
        response = client.get(article.get_absolute_url())
        pages[f"pasted {path.name}"] = (response.status_code, response.content)
    return pages


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--vnu", required=True, help="Path to vnu.jar (the vnu-jar npm package).")
    parser.add_argument("--self-test", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        if args.self_test:
            self_test(args.vnu, folder)
        files = build_pages(folder)
        result = validate(args.vnu, files)
        if result.returncode != 0:
            sys.exit(f"The Nu checker found errors:\n{result.stdout}{result.stderr}")
        print(f"The Nu checker found no errors in {len(files)} pages.")


if __name__ == "__main__":
    main()
