"""
The growth table of `make bench`: the same pages at three sizes of site, to
show which pages stay flat as the data grows and which do not.

Sizes: 50 articles and 1,000 contact requests; 1,000 and 10,000; 10,000 and
100,000. Each size has its own database (load_bench_data; built if missing or
with --rebuild, which `make bench` passes unless --reuse-database: about 11
minutes, most of it the 10,000 articles approved one by one) and its own
gunicorn (production settings, 2 workers, page cache off: a built page).

The pages are measured in rounds, and in each round every page at every size
in turn, the sizes' order rotating from round to round, so a shared machine's
drift hits each size alike. Each measurement is wrk at one connection (one
person; staff signed in) for --seconds after a 1 s warm-up; the table gives
each page's median over the rounds of the p50 latency and of the workers' CPU
per view, and the largest size's p50 as a multiple of the smallest's.

Cache: each worker's memory, not Redis, so the three servers cannot read each
other's cached fragments; the same for every size.

Usage: .venv/bin/python bench/growth.py [--rounds 3] [--seconds 2] [--rebuild]
       (also the last step of bench/run_bench.py; BENCH_DATABASE names the databases' prefix)
"""

import argparse
import contextlib
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from run_bench import DATABASE, PYTHON, RESULTS, base_env, ensure_installed, run, wrk  # noqa: E402

from tests.servers.app_server import AppServer  # noqa: E402

SIZES = [(50, 1_000), (1_000, 10_000), (10_000, 100_000)]
# The largest size's p50 against the smallest's, above which a page is not flat.
FLAT = 1.5

# name, path (formatted with the probe's paths), who is signed in
PAGES = [
    ("home", "/", None),
    ("treatments index", "/treatments/", None),
    ("category page", "{category}", None),
    ("article", "{article}", None),
    ("search", "/search/?q=side+effects", None),
    ("admin: articles changelist", "/admin/treatments/article/", "bench-approver"),
    ("admin: article change form (15 sources)", "{change_form}", "bench-nurse"),
    ("admin: approve page (15 sources)", "{approve}", "bench-approver"),
    ("admin: requests, open (default)", "/admin/support/contactrequest/", "bench-support"),
    ("admin: requests, all", "/admin/support/contactrequest/?state=all", "bench-support"),
    ("admin: requests, closed", "/admin/support/contactrequest/?state=closed", "bench-support"),
    ("admin: requests, urgent", "/admin/support/contactrequest/?urgent=waiting", "bench-support"),
    ("admin: requests, overdue", "/admin/support/contactrequest/?answer_by=overdue", "bench-support"),
    ("admin: requests, my requests", "/admin/support/contactrequest/?assigned=me", "bench-support"),
    ("admin: requests search", "{request_search}", "bench-support"),
    ("admin: request change page", "{request}", "bench-support"),
    ("admin: monthly summary", "/admin/support/contactrequest/summary/", "bench-support"),
]

PROBE = r"""
import json
import django
django.setup()
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Count
from django.test import Client
from support.models import ContactRequest
from treatments.models import Article

public = Article.objects.public().order_by("pk")
article = public[public.count() // 2]
requests = ContactRequest.objects.order_by("pk")
request = requests[requests.count() // 2]
with_15 = Article.objects.annotate(count=Count("sources")).filter(count=15)
User = get_user_model()

def cookie(username):
    client = Client()
    client.force_login(User.objects.get(username=username))
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"

print("PROBE" + json.dumps({
    "paths": {
        "article": article.get_absolute_url(),
        "category": f"/treatments/topics/{article.category_id}/",
        "request": f"/admin/support/contactrequest/{request.pk}/change/",
        "request_search": f"/admin/support/contactrequest/?q={request.reference}",
        "change_form": f"/admin/treatments/article/{with_15.filter(status='published').order_by('pk').first().pk}/change/",
        "approve": f"/admin/treatments/article/{with_15.get(status='awaiting_approval').pk}/workflow/approve/",
    },
    "cookies": {name: cookie(name) for name in ["bench-nurse", "bench-approver", "bench-support"]},
}))
"""


def database_name(articles: int, requests: int) -> str:
    return f"{DATABASE}_{articles}a_{requests}r"


def database_exists(server: str, name: str) -> bool:
    import psycopg2

    with contextlib.closing(psycopg2.connect(f"{server}/postgres")) as admin:
        cursor = admin.cursor()
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        return cursor.fetchone() is not None


def build(server: str, env: dict, name: str, articles: int, requests: int) -> None:
    import psycopg2

    with contextlib.closing(psycopg2.connect(f"{server}/postgres")) as admin:
        admin.autocommit = True
        admin.cursor().execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.cursor().execute(f'CREATE DATABASE "{name}"')
    started = time.monotonic()
    run([PYTHON, "manage.py", "migrate", "--no-input", "-v", "0"], env)
    # DEBUG on for the loader only (it makes accounts with a known password); its emails and
    # log lines (one per approval) are shown only if it fails.
    loaded = subprocess.run(
        [PYTHON, "manage.py", "load_bench_data", f"--articles={articles}", f"--requests={requests}"],
        cwd=PROJECT,
        env={**env, "DEBUG": "true"},
        capture_output=True,
        text=True,
    )
    if loaded.returncode:
        print(loaded.stdout[-2000:], loaded.stderr[-4000:], sep="\n")
        raise RuntimeError(f"load_bench_data failed for {name}")
    print(f"  {name}: built in {time.monotonic() - started:.0f} s")


def probe(env: dict) -> dict:
    output = run([PYTHON, "-c", PROBE], env, capture_output=True, text=True).stdout
    return json.loads(next(line for line in output.splitlines() if line.startswith("PROBE"))[5:])


def measure(args, wrk_path: str, sizes: list[tuple[int, int]], pages: list) -> dict:
    envs, found = {}, {}
    for size in sizes:
        name = database_name(*size)
        env = {**base_env(args.server, RESULTS / "static", ""), "DATABASE_URL": f"{args.server}/{name}"}
        if args.rebuild or not database_exists(args.server, name):
            build(args.server, env, name, *size)
        run([PYTHON, "manage.py", "migrate", "--no-input", "-v", "0"], env)
        envs[size], found[size] = env, probe(env)
    results = {(page[0], size): [] for page in pages for size in sizes}
    with contextlib.ExitStack() as stack:
        servers = {
            size: stack.enter_context(AppServer({**env, "PAGE_CACHE_SECONDS": "0", "GUNICORN_WORKERS": "2"}))
            for size, env in envs.items()
        }
        for round_number in range(args.rounds):
            order = sizes[round_number % len(sizes) :] + sizes[: round_number % len(sizes)]
            print(f"  round {round_number + 1} of {args.rounds}")
            for name, path, user in pages:
                for size in order:
                    server, probed = servers[size], found[size]
                    cookies = [probed["cookies"][user]] if user else None
                    row = wrk(
                        wrk_path,
                        server.url + path.format(**probed["paths"]),
                        args.seconds,
                        connections=1,
                        cookies=cookies,
                        master_pid=server.process.pid,
                        warm_up_seconds=1,
                    )
                    results[(name, size)].append(row)
    return results


def table(results: dict, sizes: list[tuple[int, int]], pages: list, rounds: int, seconds: int) -> str:
    def median(rows, key):
        return statistics.median(row[key] for row in rows)

    size_names = [f"{articles:,} articles, {requests:,} requests" for articles, requests in sizes]
    lines = [
        f"Growth: gunicorn 2 workers per size, DEBUG off, page cache off, one connection for {seconds} s "
        f"after a 1 s warm-up, {rounds} rounds with the sizes' order rotating; the median over the rounds "
        "of p50 latency (ms) and of worker CPU per view (ms). Flat: the largest size's p50 within "
        f"{FLAT}x the smallest's.",
        "",
        "| page | " + " | ".join(f"p50 ms, {size}" for size in size_names) + " | CPU ms per view | "
        "largest / smallest | flat |",
        "| --- | " + " | ".join("---:" for _ in sizes) + " | ---: | ---: | --- |",
    ]
    for name, _path, _user in pages:
        p50s = [median(results[(name, size)], "p50_ms") for size in sizes]
        cpus = [median(results[(name, size)], "cpu_ms") for size in sizes]
        errors = sum(row["errors"] for size in sizes for row in results[(name, size)])
        ratio = p50s[-1] / p50s[0]
        lines.append(
            f"| {name} | "
            + " | ".join(f"{value:.1f}" for value in p50s)
            + f" | {' / '.join(f'{cpu:.1f}' for cpu in cpus)} | {ratio:.2f}x | "
            + ("yes" if ratio <= FLAT else "**no**")
            + (f" ({errors} errors)" if errors else "")
            + " |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> str:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=2)
    parser.add_argument("--server", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--rebuild", action="store_true", help="Build the size databases again.")
    parser.add_argument("--only", help="Only the pages whose name has these words.")
    args = parser.parse_args(argv)
    pages = [page for page in PAGES if not args.only or args.only in page[0]]
    RESULTS.mkdir(exist_ok=True)
    wrk_path = ensure_installed("wrk", "wrk")
    if not (RESULTS / "static" / "staticfiles.json").exists():
        env = base_env(args.server, RESULTS / "static", "")
        run([PYTHON, "manage.py", "collectstatic", "--no-input", "-v", "0"], env)
    print("Growth table (a database per size, built if missing or with --rebuild: about 11 minutes)...")
    found = table(measure(args, wrk_path, SIZES, pages), SIZES, pages, args.rounds, args.seconds)
    print(found)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    (RESULTS / f"growth-{stamp}.md").write_text(found + "\n")
    print(f"\nSaved to bench/results/growth-{stamp}.md")
    return found


if __name__ == "__main__":
    main()
