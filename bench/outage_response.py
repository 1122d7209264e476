"""
How long a visitor waits for the 503 page when PostgreSQL is unreachable.

Two kinds of outage: the port refuses connections (server stopped), and the
server accepts TCP but never answers (hung or overloaded), where only
connect_timeout ends the wait. The second is simulated with a local socket
that listens and never replies. Usage: .venv/bin/python bench/outage_response.py
"""

import os
import socket
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent

PROBE = """
import sys, time
import django
django.setup()
from django.core.management import call_command
from django.test import Client
call_command("collectstatic", interactive=False, verbosity=0)
client = Client(raise_request_exception=False)
for _ in range(5):
    start = time.monotonic()
    response = client.get("/treatments/immunotherapy/")
    print(f"{response.status_code} {time.monotonic() - start:.3f}")
"""


def measure(database_url: str) -> list[tuple[int, float]]:
    with tempfile.TemporaryDirectory() as static_root:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "charity_site.settings",
            "DEBUG": "false",
            "SECRET_KEY": "bench-" + "x" * 60,
            "ALLOWED_HOSTS": "testserver",
            "SECURE_SSL_REDIRECT": "false",
            "STATIC_ROOT": static_root,
            "DATABASE_URL": database_url,
            "LOG_LEVEL": "CRITICAL",
        }
        output = subprocess.run(
            [sys.executable, "-c", PROBE], cwd=PROJECT, env=env, capture_output=True, text=True, check=True
        ).stdout
    return [
        (int(status), float(seconds)) for status, seconds in (line.split() for line in output.splitlines())
    ]


def report(name: str, results: list[tuple[int, float]]) -> None:
    statuses = sorted({status for status, _ in results})
    times = [seconds for _, seconds in results]
    print(f"{name}: status {statuses}, median {statistics.median(times):.3f} s, max {max(times):.3f} s")


def main() -> None:
    report("port closed", measure("postgres://postgres@127.0.0.1:9/charity"))
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(16)  # accepts TCP, never speaks PostgreSQL
    try:
        port = silent.getsockname()[1]
        report("server not answering", measure(f"postgres://postgres@127.0.0.1:{port}/charity"))
    finally:
        silent.close()


if __name__ == "__main__":
    main()
