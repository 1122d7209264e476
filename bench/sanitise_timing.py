"""
What sanitising one article body costs, with and without the structure pass
(treatments/normalise.py) around nh3: the demo articles' bodies and the
largest pasted Word clipboard, each cleaned 200 times in this process (no
database). Usage: .venv/bin/python bench/sanitise_timing.py
"""

import os
import sys
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "charity_site.settings")
os.environ.setdefault("DEBUG", "true")

import django  # noqa: E402

django.setup()

from demo.article_texts import ARTICLES  # noqa: E402
from treatments import sanitise  # noqa: E402

ROUNDS = 200


def per_call_ms(function, body: str) -> float:
    started = time.perf_counter()
    for _ in range(ROUNDS):
        function(body)
    return (time.perf_counter() - started) / ROUNDS * 1000


def nh3_only(body: str) -> str:
    original = sanitise.before_sanitising, sanitise.after_sanitising
    sanitise.before_sanitising = sanitise.after_sanitising = lambda html: html
    try:
        return sanitise.sanitise_html(body)
    finally:
        sanitise.before_sanitising, sanitise.after_sanitising = original


def main() -> None:
    largest = max(
        (PROJECT / "tests" / "fixtures" / "paste").glob("**/*.html"), key=lambda path: path.stat().st_size
    )
    bodies = {article["slug"]: article["body"] for article in ARTICLES}
    bodies[f"pasted {largest.name}"] = largest.read_text(encoding="utf-8", errors="replace")
    print("| body | characters | nh3 alone, ms | with the structure pass, ms |")
    print("| --- | ---: | ---: | ---: |")
    for name, body in bodies.items():
        print(
            f"| {name} | {len(body):,} | {per_call_ms(nh3_only, body):.2f} | "
            f"{per_call_ms(sanitise.sanitise_html, body):.2f} |"
        )


if __name__ == "__main__":
    main()
