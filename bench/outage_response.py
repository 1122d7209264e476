"""
How long people wait when a server the site depends on hangs: it accepts the
connection and never answers (simulated by a local socket that listens and
stays silent), so only our timeouts end the wait.

1. Contact form POST with the mail server hung, under production settings
   (tasks queued in the database) and, for comparison, with tasks run inside
   the request (the development setting that check --deploy refuses).
2. Contact form POST with the database hung: the 503 that keeps what was typed.
3. Ten concurrent cold article requests with the database hung, through
   gunicorn with its production configuration: the slowest.

Uses the local PostgreSQL (database charity_outage, created and dropped here)
for the mail case. Usage: .venv/bin/python bench/outage_response.py
"""

import os
import signal
import socket
import statistics
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
PYTHON = PROJECT / ".venv" / "bin" / "python"
GUNICORN = PROJECT / ".venv" / "bin" / "gunicorn"
SERVER = "postgres://postgres@127.0.0.1:5432"
DATABASE = "charity_outage"
PORT = 8766

CONTACT_PROBE = """
import sys, time
import django
django.setup()
from django.core.management import call_command
from django.test import Client
from support.antispam import form_started_token
if sys.argv[1] == "migrate":
    call_command("migrate", verbosity=0)
client = Client(raise_request_exception=False)
for n in range(5):
    data = {
        "name": "Margaret Ellis", "contact_method": "email", "email": "margaret@example.org",
        "who": "patient", "topic": "treatment", "message": "A question.", "consent": "on",
        "form_started": form_started_token(already_typing=True),
    }
    start = time.monotonic()
    response = client.post("/support/contact/", data, REMOTE_ADDR=f"192.0.2.{n}")
    print(f"{response.status_code} {time.monotonic() - start:.3f}")
"""


class Silent:
    """A local TCP server that accepts and never answers."""

    def __enter__(self):
        self.socket = socket.socket()
        self.socket.bind(("127.0.0.1", 0))
        self.socket.listen(128)
        self.port = self.socket.getsockname()[1]
        self.held = []
        threading.Thread(target=self._accept, daemon=True).start()
        return self

    def _accept(self):
        while True:
            try:
                self.held.append(self.socket.accept()[0])
            except OSError:
                return

    def __exit__(self, *exc):
        self.socket.close()
        for connection in self.held:
            connection.close()


def environment(static_root: str, **extra) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "charity_site.settings",
        "DEBUG": "false",
        "SECRET_KEY": "bench-" + "x" * 60,
        "ALLOWED_HOSTS": "testserver,127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "STATIC_ROOT": static_root,
        "LOG_LEVEL": "CRITICAL",
        "REDIS_URL": "",
        **extra,
    }


def contact_posts(env: dict, migrate: bool) -> list[tuple[int, float]]:
    output = subprocess.run(
        [PYTHON, "-c", CONTACT_PROBE, "migrate" if migrate else "-"],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return [
        (int(status), float(seconds)) for status, seconds in (line.split() for line in output.splitlines())
    ]


def report(name: str, results: list[tuple[int, float]]) -> None:
    statuses = sorted({status for status, _ in results})
    times = [seconds for _, seconds in results]
    print(f"{name}: status {statuses}, median {statistics.median(times):.3f} s, max {max(times):.3f} s")


def database(command: str) -> None:
    import psycopg2

    connection = psycopg2.connect(f"{SERVER}/postgres")
    connection.autocommit = True
    connection.cursor().execute(command)
    connection.close()


def concurrent_articles(env: dict, count: int = 10) -> list[tuple[int, float]]:
    """`count` requests at once to a cold article page, through gunicorn."""
    server = subprocess.Popen(
        [GUNICORN, "charity_site.wsgi", "--bind", f"127.0.0.1:{PORT}", "--config", "gunicorn.conf.py"],
        cwd=PROJECT,
        env={**env, "GUNICORN_ACCESS_LOG": "off"},
        start_new_session=True,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", PORT), timeout=1).close()
                break
            except OSError:
                time.sleep(0.3)
        time.sleep(1)  # every worker booted
        results: list[tuple[int, float]] = []

        def fetch(n):
            start = time.monotonic()
            try:
                status = urllib.request.urlopen(
                    f"http://127.0.0.1:{PORT}/treatments/article-{n}/", timeout=120
                ).status
            except urllib.error.HTTPError as error:
                status = error.code
            results.append((status, time.monotonic() - start))

        threads = [threading.Thread(target=fetch, args=(n,)) for n in range(count)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        return results
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


def main() -> None:
    with tempfile.TemporaryDirectory() as static_root:
        base = environment(static_root)
        subprocess.run(
            [PYTHON, "manage.py", "collectstatic", "--no-input", "-v", "0"], cwd=PROJECT, env=base, check=True
        )
        database(f'DROP DATABASE IF EXISTS "{DATABASE}"')
        database(f'CREATE DATABASE "{DATABASE}"')
        try:
            with Silent() as smtp:
                mail_hung = {
                    "DATABASE_URL": f"{SERVER}/{DATABASE}",
                    "EMAIL_HOST": "127.0.0.1",
                    "EMAIL_PORT": str(smtp.port),
                    "EMAIL_USE_TLS": "false",
                }
                production = contact_posts({**base, **mail_hung}, migrate=True)
                report("contact POST, mail server hung, production (tasks queued)", production)
                inside = contact_posts({**base, **mail_hung, "TASKS_BACKEND": "immediate"}, migrate=False)
                report(
                    "contact POST, mail server hung, tasks inside the request (refused by check --deploy)",
                    inside,
                )
        finally:
            database(f'DROP DATABASE IF EXISTS "{DATABASE}"')

        with Silent() as postgres:
            hung = {**base, "DATABASE_URL": f"postgres://postgres@127.0.0.1:{postgres.port}/charity"}
            report("contact POST, database hung", contact_posts(hung, migrate=False))
            results = concurrent_articles(hung)
            report(f"{len(results)} concurrent cold article requests, database hung (gunicorn)", results)


if __name__ == "__main__":
    main()
