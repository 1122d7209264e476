"""
Every public page through pa11y (HTML_CodeSniffer and axe, WCAG 2.2 AA):
the pages the sitemap lists, search (with results, without, empty), the A to
Z and the contact form with its errors, served with the demo content from a
throwaway SQLite database, in Debian's Chromium (pa11y's own browser download
is not used). Exits 1 on any issue.

`--self-test` first checks the checker: a page with an unlabelled field and an
image without a text alternative must fail, so a broken set-up cannot pass.

Usage: .venv/bin/python ops/check_pa11y.py --pa11y PATH/TO/pa11y [--self-test]
"""

import argparse
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
BROKEN_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Broken</title></head>
<body><main><form><input type="text" name="q"><button>Go</button></form><img src="x.png"></main></body></html>
"""
# The contact form sent empty: pa11y checks the page with its error summary.
CONTACT_WITH_ERRORS = [
    "click element .contact-form button[type=submit]",
    "wait for element .error-summary to be visible",
]


def pa11y_config(folder: Path) -> Path:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        sys.exit("Chromium is not installed (apt-get install chromium).")
    config = folder / "pa11y.json"
    config.write_text(
        json.dumps(
            {
                "chromeLaunchConfig": {"executablePath": chromium, "args": ["--no-sandbox", "--headless"]},
                "standard": "WCAG2AA",
                "runners": ["htmlcs", "axe"],
                "timeout": 60000,
            }
        )
    )
    return config


def run_pa11y(pa11y: str, config: Path, url: str, actions: list[str] | None = None) -> list[dict]:
    if actions:
        with_actions = json.loads(config.read_text()) | {"actions": actions}
        config = config.with_name("pa11y-actions.json")
        config.write_text(json.dumps(with_actions))
    result = subprocess.run(
        [pa11y, "--config", str(config), "--reporter", "json", url],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode not in (0, 2):  # 2: issues found
        sys.exit(f"pa11y could not check {url}:\n{result.stdout}{result.stderr}")
    return json.loads(result.stdout or "[]")


def self_test(pa11y: str, config: Path, folder: Path) -> None:
    page = folder / "broken.html"
    page.write_text(BROKEN_PAGE)
    codes = {issue["code"] for issue in run_pa11y(pa11y, config, page.as_uri())}
    if not {"label", "image-alt"} <= codes:
        sys.exit(f"pa11y passed a page with an unlabelled field and an image without alt text: {codes}")
    print("Self-test: pa11y fails a page with an unlabelled field and an image without alt text.")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def serve_demo_site(folder: Path) -> tuple[subprocess.Popen, str]:
    env = {
        **os.environ,
        "DEBUG": "true",  # the demo content loads only with DEBUG on
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": f"sqlite:///{folder / 'pages.sqlite3'}",
        "MEDIA_ROOT": str(folder / "media"),
        "REDIS_URL": "",
        "LOG_LEVEL": "WARNING",
        "SUPPORT_FORM_MIN_SECONDS": "0",
    }
    python = sys.executable
    for command in (["migrate", "--verbosity", "0"], ["load_demo_content"]):
        subprocess.run([python, "manage.py", *command], cwd=PROJECT, env=env, check=True, capture_output=True)
    port = free_port()
    server = subprocess.Popen(
        [python, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=PROJECT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(f"{base}/healthz", timeout=1)  # noqa: S310 (our own server)
            return server, base
        except OSError:
            time.sleep(0.2)
    server.kill()
    sys.exit("The demo site did not start.")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pa11y", required=True)
    parser.add_argument("--self-test", action="store_true")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="pa11y-") as temporary:
        folder = Path(temporary)
        config = pa11y_config(folder)
        if options.self_test:
            self_test(options.pa11y, config, folder)
        server, base = serve_demo_site(folder)
        try:
            sitemap = urllib.request.urlopen(f"{base}/sitemap.xml").read().decode()  # noqa: S310
            paths = [
                re.sub(r"^https?://[^/]+", "", url) for url in re.findall(r"<loc>([^<]+)</loc>", sitemap)
            ]
            checks = [(path, None) for path in [*paths, "/search/?q=pleurx", "/search/?q=zzzqqq", "/search/"]]
            checks += [("/glossary/", None), ("/support/contact/", CONTACT_WITH_ERRORS)]
            failures = {}
            for path, actions in dict(checks).items():
                if issues := run_pa11y(options.pa11y, config, base + path, actions):
                    failures[path] = [
                        f"{issue['code']}: {issue['message']} ({issue['selector']})" for issue in issues
                    ]
        finally:
            server.terminate()
            server.wait(timeout=10)
    for path, issues in failures.items():
        print(f"{path}:", *issues, sep="\n  ")
    print(f"pa11y: {len(checks)} pages checked, {len(failures)} with issues.")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
