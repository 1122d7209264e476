"""
One page's cost inside the process, without gunicorn or wrk: where the time goes.

Runs the page through Django's WSGI handler (every middleware, production
settings, DEBUG off) against the benchmark database that `make bench` builds,
and prints the wall-clock and CPU time per request (best and median of five
batches). With --profile, also the functions that took longest.

Usage:
  .venv/bin/python bench/profile_page.py /treatments/radiotherapy-500/
  .venv/bin/python bench/profile_page.py /treatments/radiotherapy-500/ --cache
  .venv/bin/python bench/profile_page.py /admin/support/contactrequest/ --user bench-support --profile
"""

import argparse
import cProfile
import io
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent


def configure(cache: bool) -> None:
    """The settings `make bench` serves with, on the database it builds."""
    from run_bench import DATABASE, RESULTS, base_env

    server = os.environ.get("BENCH_SERVER", "postgres://postgres@127.0.0.1:5432")
    redis_url = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/15")
    os.environ.update(base_env(server, RESULTS / "static", redis_url))
    os.environ["PAGE_CACHE_SECONDS"] = "300" if cache else "0"
    print(f"Database {DATABASE}, cache {redis_url}")
    sys.path.insert(0, str(PROJECT))
    import django

    django.setup()


def session_cookie(username: str) -> str:
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client

    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"


def requester(path: str, cookie: str):
    from django.core.wsgi import get_wsgi_application
    from django.test.client import RequestFactory

    application = get_wsgi_application()
    path_info, _, query = path.partition("?")
    factory = RequestFactory(HTTP_HOST="127.0.0.1", HTTP_ACCEPT_ENCODING="gzip")

    def request() -> str:
        environ = factory._base_environ(PATH_INFO=path_info, QUERY_STRING=query, REQUEST_METHOD="GET")
        if cookie:
            environ["HTTP_COOKIE"] = cookie
        status = []
        body = application(environ, lambda line, headers, *rest: status.append(line))
        b"".join(body)
        body.close()
        return status[0]

    return request


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("path")
    parser.add_argument("--user", help="Sign in as this user (bench-support, bench-approver).")
    parser.add_argument("--cache", action="store_true", help="Page cache on (default: off, a built page).")
    parser.add_argument("--requests", type=int, default=200, help="Requests per batch (five batches).")
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()

    configure(args.cache)
    request = requester(args.path, session_cookie(args.user) if args.user else "")
    print(f"{args.path}: {request()}")
    for _ in range(20):  # warm templates, the ORM and the connection, as a running server has
        request()

    wall, cpu = [], []
    for _ in range(5):
        started_wall, started_cpu = time.perf_counter(), time.process_time()
        for _ in range(args.requests):
            request()
        wall.append((time.perf_counter() - started_wall) / args.requests * 1000)
        cpu.append((time.process_time() - started_cpu) / args.requests * 1000)
    print(
        f"wall: best {min(wall):.2f} ms, median {statistics.median(wall):.2f} ms per request; "
        f"CPU of this process: best {min(cpu):.2f} ms, median {statistics.median(cpu):.2f} ms"
    )

    if args.profile:
        profile = cProfile.Profile()
        profile.enable()
        for _ in range(args.requests):
            request()
        profile.disable()
        report = io.StringIO()
        pstats.Stats(profile, stream=report).sort_stats("cumulative").print_stats(40)
        print(report.getvalue())


if __name__ == "__main__":
    main()
