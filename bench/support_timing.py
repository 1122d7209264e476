"""
The support pages that grow with the number of requests: the monthly summary
(and its CSV) and each view of the request list, timed in-process on the local
PostgreSQL at 1,000, 10,000 and 100,000 requests (load_bench_data), sizes
measured in turn so drift on a shared machine hits each alike.

Each figure is the median of --runs calls after one warm-up: the whole admin
page through Django's test client (session, template, queries), and for the
summary also monthly_summary() alone.

Usage: .venv/bin/python bench/support_timing.py [--sizes 1000,10000,100000] [--runs 7]
       [--server postgres://postgres@127.0.0.1:5432]; BENCH_DATABASE names the database prefix.
"""

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
PYTHON = PROJECT / ".venv" / "bin" / "python"
PREFIX = os.environ.get("BENCH_DATABASE", "charity_bench_support")
STATIC_ROOT = PROJECT / "bench" / "results" / "static"

VIEWS = {
    "summary page": "/admin/support/contactrequest/summary/",
    "summary CSV": "/admin/support/contactrequest/summary/?format=csv",
    "list: open (default)": "/admin/support/contactrequest/",
    "list: all": "/admin/support/contactrequest/?state=all",
    "list: closed": "/admin/support/contactrequest/?state=closed",
    "list: urgent, not answered": "/admin/support/contactrequest/?urgent=waiting",
    "list: overdue": "/admin/support/contactrequest/?answer_by=overdue",
    "list: my requests": "/admin/support/contactrequest/?assigned=me",
}

MEASURE = r"""
import json, statistics, sys, time
import django
django.setup()
from django.contrib.auth import get_user_model
from django.test import Client
from support.summary import monthly_summary

views, runs = json.loads(sys.argv[1]), int(sys.argv[2])
client = Client()
client.force_login(get_user_model().objects.get(username="bench-support"))

def median_ms(call):
    call()  # warm-up
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        call()
        times.append((time.perf_counter() - start) * 1000)
    return round(statistics.median(times), 1)

def page(url):
    def get():
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
    return get

found = {name: median_ms(page(url)) for name, url in views.items()}
found["monthly_summary() alone"] = median_ms(monthly_summary)
print(json.dumps(found))
"""


def environment(server: str, database: str) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "charity_site.settings",
        "DATABASE_URL": f"{server}/{database}",
        "SECRET_KEY": "bench-only-not-a-secret-0123456789-0123456789-0123456789",
        "ALLOWED_HOSTS": "testserver",
        "DEBUG": "false",
        "SECURE_SSL_REDIRECT": "false",
        "ADMIN_REQUIRE_2FA": "false",
        "REDIS_URL": "",
        "LOG_LEVEL": "WARNING",
        "STATIC_ROOT": str(STATIC_ROOT),  # DEBUG off reads the collected files' manifest
    }


def build(server: str, database: str, requests: int) -> None:
    import psycopg2

    admin = psycopg2.connect(f"{server}/postgres")
    admin.autocommit = True
    admin.cursor().execute(f'DROP DATABASE IF EXISTS "{database}"')
    admin.cursor().execute(f'CREATE DATABASE "{database}"')
    admin.close()
    env = environment(server, database)
    subprocess.run(
        [PYTHON, "manage.py", "migrate", "--no-input", "-v", "0"], cwd=PROJECT, env=env, check=True
    )
    subprocess.run(
        [PYTHON, "manage.py", "load_bench_data", "--articles", "50", "--requests", str(requests)],
        cwd=PROJECT,
        env={**env, "DEBUG": "true"},
        check=True,
        stdout=subprocess.DEVNULL,
    )
    subprocess.run(
        [
            PYTHON,
            "manage.py",
            "shell",
            "-c",
            "from django.db import connection; connection.cursor().execute('ANALYZE')",
        ],
        cwd=PROJECT,
        env=env,
        check=True,
    )


def measure(server: str, database: str, runs: int) -> dict:
    import json

    result = subprocess.run(
        [PYTHON, "-c", MEASURE, json.dumps(VIEWS), str(runs)],
        cwd=PROJECT,
        env=environment(server, database),
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument(
        "--rounds", type=int, default=2, help="Each size measured this many times, interleaved."
    )
    parser.add_argument("--server", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument(
        "--reuse-databases", action="store_true", help="Measure the databases built last time."
    )
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    started = time.time()
    for size in sizes:
        if not args.reuse_databases:
            print(f"Building {size:,} requests...", flush=True)
            build(args.server, f"{PREFIX}_{size}", size)
    subprocess.run(
        [PYTHON, "manage.py", "collectstatic", "--no-input", "-v", "0"],
        cwd=PROJECT,
        env=environment(args.server, f"{PREFIX}_{sizes[0]}"),
        check=True,
    )
    figures: dict[int, list[dict]] = {size: [] for size in sizes}
    for _ in range(args.rounds):
        for size in sizes:  # interleaved: drift hits every size alike
            figures[size].append(measure(args.server, f"{PREFIX}_{size}", args.runs))
    names = [*VIEWS, "monthly_summary() alone"]
    lines = [
        f"Support pages by number of requests: median ms of {args.runs} calls after a warm-up, median of "
        f"{args.rounds} interleaved rounds, in-process (Django test client, DEBUG off), PostgreSQL, "
        f"{os.cpu_count()} cores.",
        "",
        "| page | " + " | ".join(f"{size:,} requests" for size in sizes) + " | largest / smallest |",
        "| --- | " + " | ".join("---:" for _ in sizes) + " | ---: |",
    ]
    for name in names:
        values = [statistics.median(round_[name] for round_ in figures[size]) for size in sizes]
        lines.append(
            f"| {name} | "
            + " | ".join(f"{value:.1f}" for value in values)
            + f" | {values[-1] / values[0]:.2f}× |"
        )
    print("\n".join(lines))
    print(f"\n({time.time() - started:.0f} s in all)")


if __name__ == "__main__":
    sys.exit(main())
