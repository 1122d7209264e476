"""
How long the urgent check (support/urgency.py) takes for one 5,000-character
message: against the seeded warning phrases, and against 200 long phrases of
short repeated words, the shape that made the old patterns backtrack. The
messages are a real-sounding one and one made of a phrase's own first word.
No database: the phrases are given to the check directly. Usage:
    .venv/bin/python bench/warning_phrases_timing.py [--runs 30]
"""

import argparse
import importlib
import os
import statistics
import sys
import time

parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
parser.add_argument("--runs", type=int, default=30, help="Timed runs of each row (the median is shown).")
options = parser.parse_args()

os.environ.update(DJANGO_SETTINGS_MODULE="charity_site.settings", DEBUG="true", LOG_LEVEL="WARNING")
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import django  # noqa: E402

django.setup()

from support.urgency import matches, phrase_words  # noqa: E402

seed = importlib.import_module("support.migrations.0009_seed_warning_phrases")
SEEDED = [(phrase, "unwell") for phrase in seed.UNWELL] + [(phrase, "self_harm") for phrase in seed.SELF_HARM]
SHORT_WORDS = ["a", "i", "is", "it", "to", "of", "up", "an"]
LONG_PHRASES = [
    (" ".join([SHORT_WORDS[n % len(SHORT_WORDS)]] * 7 + [f"word{n}"]), "unwell") for n in range(200)
]
CARER = (
    "My husband started immunotherapy a week ago. Since Saturday he has a rash on his arms and new "
    "diarrhoea, six or seven times a day. He is tired and not eating much, and I am worried about him. "
)
MESSAGES = {
    "a carer's message": (CARER * 30)[:5000],
    "one short word, repeated": ("a " * 2500)[:5000],
}


def median_ms(text: str, phrases: list[tuple[str, str]]) -> float:
    matches(text, phrases)  # warm: each phrase's words are worked out once, as in the running site
    times = []
    for _ in range(options.runs):
        started = time.perf_counter()
        matches(text, phrases)
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main() -> None:
    phrase_words.cache_clear()
    print(f"| message (5,000 characters) | phrases | median ms ({options.runs} runs) |")
    print("| --- | --- | ---: |")
    for message_name, text in MESSAGES.items():
        for list_name, phrases in (
            (f"the {len(SEEDED)} seeded", SEEDED),
            (f"{len(LONG_PHRASES)} long phrases of short repeated words", LONG_PHRASES),
        ):
            print(f"| {message_name} | {list_name} | {median_ms(text, phrases):.2f} |")


if __name__ == "__main__":
    main()
