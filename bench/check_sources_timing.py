"""
How long `manage.py check_sources` takes for 500 source links (PostgreSQL).

Creates a scratch database with 50 articles of 10 sources each, every link on
a local web server that answers like the real world does here: most links
work, some redirect permanently, some are gone, one in fifty never answers.
Runs the command three times (4 links at a time, 10-second timeout, as in
production) and prints each wall-clock time; drops the database afterwards.
Usage:
    .venv/bin/python bench/check_sources_timing.py [postgres://postgres@127.0.0.1:5432] [--delay-ms 50]
"""

import argparse
import http.server
import os
import sys
import threading
import time
import uuid
from io import StringIO

parser = argparse.ArgumentParser()
parser.add_argument("server", nargs="?", default="postgres://postgres@127.0.0.1:5432")
parser.add_argument("--delay-ms", type=int, default=50, help="How long each working link takes to answer.")
parser.add_argument("--workers", type=int, default=4)
parser.add_argument("--timeout", type=float, default=10)
options = parser.parse_args()

DATABASE = f"charity_links_bench_{uuid.uuid4().hex[:8]}"
LINKS = 500
os.environ.update(
    DJANGO_SETTINGS_MODULE="charity_site.settings",
    DEBUG="true",
    DATABASE_URL=f"{options.server}/{DATABASE}",
    LOG_LEVEL="WARNING",
    # The bench's links are on this machine, which check_sources otherwise never requests.
    SOURCE_CHECK_ALLOWED_NETWORKS="127.0.0.1/32",
)
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import django  # noqa: E402
import psycopg2  # noqa: E402

STOP = threading.Event()


class Handler(http.server.BaseHTTPRequestHandler):
    def answer(self):
        number = int(self.path.strip("/").split("/")[-1] or 0)
        if self.path.startswith("/new/"):
            code = 200
        elif number % 50 == 0:
            STOP.wait(options.timeout + 5)  # never answers within the timeout
            return
        elif number % 10 == 1:
            code = 404
        elif number % 10 == 2:
            code = 301
        else:
            code = 200
        time.sleep(options.delay_ms / 1000)
        self.send_response(code)
        if code == 301:
            self.send_header("Location", f"/new/{number}")
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_HEAD = answer
    do_GET = answer

    def log_message(self, *args):
        pass


def server_command(sql: str) -> None:
    connection = psycopg2.connect(f"{options.server}/postgres")
    connection.autocommit = True
    try:
        connection.cursor().execute(sql)
    finally:
        connection.close()


def run(base: str) -> None:
    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from treatments.models import Article, Category, Source

    call_command("migrate", verbosity=0)
    user = get_user_model().objects.create(username="bench")
    category = Category.objects.create(name="Bench")
    for n in range(LINKS // 10):
        article = Article.objects.create(
            slug=f"bench-{n}", category=category, title=f"Article {n}", written_by=user, last_edited_by=user
        )
        Source.objects.bulk_create(
            Source(
                article=article,
                position=k,
                title=f"Source {k}",
                publisher="Bench",
                url=f"{base}/{n * 10 + k}",
            )
            for k in range(10)
        )
    print(
        f"{LINKS} links; working links answer in {options.delay_ms} ms; {options.workers} at a time; "
        f"timeout {options.timeout:g} s"
    )
    for attempt in range(1, 4):
        out = StringIO()
        started = time.monotonic()
        call_command(
            "check_sources", "--workers", str(options.workers), "--timeout", str(options.timeout), stdout=out
        )
        print(f"run {attempt}: {time.monotonic() - started:.1f} s  ({out.getvalue().strip()})")


def main() -> None:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    server_command(f'CREATE DATABASE "{DATABASE}"')
    try:
        run(f"http://127.0.0.1:{server.server_address[1]}")
    finally:
        from django.db import connections

        connections.close_all()
        server_command(f'DROP DATABASE IF EXISTS "{DATABASE}"')
        STOP.set()
        server.shutdown()


if __name__ == "__main__":
    main()
