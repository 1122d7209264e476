"""
`make bench`: the site under load, as it runs in production, on this machine.

1. Builds a benchmark database on the local PostgreSQL (load_bench_data: 1,000
   articles, 100,000 contact requests) and collects static files.
2. Starts gunicorn (production settings, DEBUG off, 2 workers) on 127.0.0.1,
   once with the page cache on and once with it off.
3. Drives each page with wrk (10 connections, after a warm-up), then stops
   exactly the server it started. Staff pages are driven at 10 connections and
   at 1, each connection signed in with a session of its own. The gunicorn
   workers' CPU time (from /proc) over each run, divided by the requests, is
   each page's worker CPU per view.
4. Records each page's query count and transferred (gzip) bytes in-process.
5. Starts the same server with Varnish in front (ops/varnish/charity.vcl)
   and a `db_worker` sending its bans; drives the static file and an article
   through Varnish, then runs bench/after_publish.py: what 50 visitors
   arriving together see after an approval, and how soon a change is seen.
6. The growth table (bench/growth.py): the same pages at 50 / 1,000 / 10,000
   articles with 1,000 / 10,000 / 100,000 requests, measured in turn.

Prints a table, with each page's throughput as a share of a static file's
(the ceiling for this stack; for public pages, measured just before the page,
as a shared machine's speed drifts), and writes it to bench/results/ (git-ignored).
Usage: .venv/bin/python bench/run_bench.py [--seconds 10] [--server postgres://postgres@127.0.0.1:5432]
"""

import argparse
import json
import os
import re
import secrets
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

# Step 5, with Varnish in front (bench/shared_cache.py).
from shared_cache import after_publish, after_publish_lines, shared_cache_servers  # noqa: E402

# The same local server the tests start: gunicorn with production settings.
from tests.servers.app_server import AppServer  # noqa: E402

RESULTS = PROJECT / "bench" / "results"
PYTHON = PROJECT / ".venv" / "bin" / "python"
# Another copy can run beside this one with its own: BENCH_DATABASE=charity_bench_2 BENCH_REDIS_URL=.../14.
# (Ports are free ones the system gives each server.)
DATABASE = os.environ.get("BENCH_DATABASE", "charity_bench")
BENCH_REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/15")


def run(command, env, **kwargs):
    return subprocess.run(command, cwd=PROJECT, env=env, check=True, **kwargs)


def ensure_installed(command: str, package: str) -> str:
    """A tool from Debian's packages, installed if it is missing."""
    found = shutil.which(command) or shutil.which(command, path="/usr/sbin")
    if found:
        return found
    print(f"Installing {package} (Debian package)...")
    apt_get = shutil.which("apt-get")
    subprocess.run([apt_get, "update", "-qq"], check=True)
    subprocess.run([apt_get, "install", "-y", "-qq", package], check=True, stdout=subprocess.DEVNULL)
    return shutil.which(command) or shutil.which(command, path="/usr/sbin")


def redis_url() -> str:
    """The local Redis, if it answers: production shares the cache across workers."""
    try:
        import redis

        client = redis.Redis.from_url(BENCH_REDIS_URL, socket_connect_timeout=1)
        client.ping()
        client.flushdb()
        return BENCH_REDIS_URL
    except Exception:
        return ""


def base_env(server: str, static_root: Path, cache_url: str) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "charity_site.settings",
        "DATABASE_URL": f"{server}/{DATABASE}",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "127.0.0.1",
        "DEBUG": "false",
        # Local HTTP: no TLS in front of it, and staff sign in with a session made below.
        "SECURE_SSL_REDIRECT": "false",
        "ADMIN_REQUIRE_2FA": "false",
        "STATIC_ROOT": str(static_root),
        "REDIS_URL": cache_url,
        "LOG_LEVEL": "WARNING",
        "GUNICORN_ACCESS_LOG": "off",
    }


def build_database(server: str, env: dict) -> None:
    import psycopg2

    admin = psycopg2.connect(f"{server}/postgres")
    admin.autocommit = True
    admin.cursor().execute(f'DROP DATABASE IF EXISTS "{DATABASE}"')
    admin.cursor().execute(f'CREATE DATABASE "{DATABASE}"')
    admin.close()
    run([PYTHON, "manage.py", "migrate", "--no-input", "-v", "0"], env)
    run([PYTHON, "manage.py", "load_bench_data"], {**env, "DEBUG": "true"})


PROBE = r"""
import gzip, json, sys
import django
django.setup()
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from support.models import ContactRequest
from treatments.models import Article

from django.db.models import Count

article = Article.objects.public().order_by("pk")[500]
request = ContactRequest.objects.order_by("pk")[50_000]
# Pages with 15 sources: one to edit, and one changed by the nurse and waiting for the approver.
with_15 = Article.objects.annotate(count=Count("sources")).filter(count=15)
to_edit = with_15.filter(status="published").order_by("pk").first()
waiting = with_15.get(status="awaiting_approval")
User = get_user_model()

def session_for(user):
    client = Client()
    client.force_login(user)
    return client.cookies[settings.SESSION_COOKIE_NAME].value

pages = {
    "article": article.get_absolute_url(),
    "request": f"/admin/support/contactrequest/{request.pk}/change/",
    "request_search": f"/admin/support/contactrequest/?q={request.reference}",
    "change_form": f"/admin/treatments/article/{to_edit.pk}/change/",
    "approve": f"/admin/treatments/article/{waiting.pk}/workflow/approve/",
    # Each connection signs in as its own session, as ten people working at once do.
    "sessions": {
        username: [session_for(User.objects.get(username=username)) for _ in range(10)]
        for username in ["bench-nurse", "bench-approver", "bench-support"]
    },
    "session_cookie": settings.SESSION_COOKIE_NAME,
}
counts = {}
for name, path, user in json.loads(sys.argv[1]):
    path = path.format(**pages)
    client = Client(HTTP_HOST="127.0.0.1", HTTP_ACCEPT_ENCODING="gzip")
    if user:
        client.force_login(User.objects.get(username=user))
    client.get(path)  # warm caches of the ORM and templates, as a running server has
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    body = response.content if not response.streaming else b"".join(response.streaming_content)
    counts[name] = {"status": response.status_code, "queries": len(queries), "bytes": len(body)}
print("PROBE" + json.dumps({"pages": pages, "counts": counts}))
"""

# name, path (formatted with the probe's pages), who is signed in, run with the cache off too
PAGES = [
    ("static CSS file", "{static_css}", None, False),
    ("home", "/", None, True),
    ("treatments index", "/treatments/", None, True),
    ("article", "{article}", None, True),
    ("contact form (GET)", "/support/contact/", None, False),
    ("search", "/search/?q=side+effects", None, True),
    ("sitemap.xml", "/sitemap.xml", None, False),
    ("admin: review dashboard", "/admin/", "bench-approver", False),
    ("admin: articles changelist", "/admin/treatments/article/", "bench-approver", False),
    ("admin: articles overdue filter", "/admin/treatments/article/?review=overdue", "bench-approver", False),
    ("admin: requests changelist", "/admin/support/contactrequest/", "bench-support", False),
    (
        "admin: requests status filter",
        "/admin/support/contactrequest/?status__exact=new",
        "bench-support",
        False,
    ),
    (
        "admin: requests call backs waiting",
        "/admin/support/contactrequest/?callbacks=waiting",
        "bench-support",
        False,
    ),
    ("admin: requests search", "{request_search}", "bench-support", False),
    ("admin: request change page", "{request}", "bench-support", False),
    ("admin: article change form (15 sources)", "{change_form}", "bench-nurse", False),
    ("admin: approve page (15 sources)", "{approve}", "bench-approver", False),
    ("admin: monthly summary", "/admin/support/contactrequest/summary/", "bench-support", False),
]


def probe(env: dict, static_css: str) -> dict:
    spec = [(name, path.replace("{static_css}", static_css), user) for name, path, user, _ in PAGES]
    # Counted with the page cache off: what a page costs when it is built.
    output = run(
        [PYTHON, "-c", PROBE, json.dumps(spec)],
        {**env, "PAGE_CACHE_SECONDS": "0"},
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(next(line for line in output.splitlines() if line.startswith("PROBE"))[5:])


def status_of(url: str, cookie: str) -> int:
    """The page's status without following redirects: a sign-in redirect is not a fast page."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})  # noqa: S310 - ours
    try:
        return urllib.request.build_opener(NoRedirect).open(request, timeout=30).status
    except urllib.error.HTTPError as error:
        return error.code


def worker_cpu_seconds(master_pid: int) -> float:
    """
    User and system CPU time of the gunicorn workers under `master_pid` so far (Linux /proc):
    the live workers' own, and that of the workers gunicorn has replaced (max_requests), which
    the kernel adds to the master's children's time when it reaps them.
    """
    tick = os.sysconf("SC_CLK_TCK")

    def stat(pid) -> list[str]:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()

    master = stat(master_pid)
    total = (int(master[13]) + int(master[14])) / tick  # cutime, cstime: workers that have exited
    for pid in Path(f"/proc/{master_pid}/task/{master_pid}/children").read_text().split():
        try:
            fields = stat(pid)
        except FileNotFoundError:
            continue  # replaced since the list was read: its time is in the master's children's
        total += (int(fields[11]) + int(fields[12])) / tick  # utime, stime
    return total


def sessions_script(cookies: list[str]) -> Path:
    """A wrk script giving each thread (one connection each) its own session cookie."""
    script = RESULTS / f"sessions-{os.getpid()}-{len(cookies)}.lua"
    quoted = ", ".join(json.dumps(cookie) for cookie in cookies)
    script.write_text(
        f"local cookies = {{{quoted}}}\nlocal given = 0\n"
        "function setup(thread)\n  given = given + 1\n  thread:set('cookie', cookies[given])\nend\n"
        "function init(args)\n  wrk.headers['Cookie'] = cookie\nend\n"
    )
    return script


def wrk(
    wrk_path: str,
    url: str,
    seconds: int,
    connections: int = 10,
    cookies: list[str] | None = None,
    master_pid: int | None = None,
    warm_up_seconds: int = 2,
) -> dict:
    """
    wrk against `url`, signed out or, with `cookies`, one session per connection (a thread
    each). With `master_pid`, also the gunicorn workers' CPU per request.
    """
    status = status_of(url, cookies[0] if cookies else "")
    if status != 200:
        raise RuntimeError(f"{url} answered {status}, not 200: the benchmark would measure the wrong page")
    headers = ["-H", "Accept-Encoding: gzip"]
    threads = f"-t{min(2, connections)}"
    if cookies:
        headers += ["-s", str(sessions_script(cookies[:connections]))]
        threads = f"-t{connections}"
    warm_up = subprocess.run(
        [wrk_path, threads, f"-c{connections}", f"-d{warm_up_seconds}s", *headers, url],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    cpu_before = worker_cpu_seconds(master_pid) if master_pid else 0.0
    output = subprocess.run(
        [wrk_path, threads, f"-c{connections}", f"-d{seconds}s", "--latency", *headers, url],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    cpu = worker_cpu_seconds(master_pid) - cpu_before if master_pid else None

    def latency(percent: str) -> float:
        value, unit = re.search(rf"^\s+{percent}%\s+([\d.]+)(us|ms|s)\s*$", output, re.M).groups()
        return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]

    errors = 0
    if found := re.search(r"Non-2xx or 3xx responses: (\d+)", output):
        errors += int(found.group(1))
    if found := re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output):
        errors += sum(int(n) for n in found.groups())
    measured = int(re.search(r"(\d+) requests in", output).group(1))
    return {
        # Every request this call sent, the status check and warm-up included.
        "sent": 1 + sum(int(re.search(r"(\d+) requests in", run).group(1)) for run in (warm_up, output)),
        "cpu_ms": 1000 * cpu / measured if cpu is not None and measured else None,
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50_ms": latency("50"),
        "p99_ms": latency("99"),
        "errors": errors,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--server", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--reuse-database", action="store_true", help="Skip building the database.")
    parser.add_argument(
        "--only",
        help="Only the pages whose name has these words (and the static file), without Varnish or the growth table.",
    )
    parser.add_argument(
        "--no-growth", action="store_true", help="Without the growth table (bench/growth.py)."
    )
    args = parser.parse_args()
    pages_run = [
        page for page in PAGES if not args.only or page[0] == "static CSS file" or args.only in page[0]
    ]

    RESULTS.mkdir(exist_ok=True)
    wrk_path = ensure_installed("wrk", "wrk")
    ensure_installed("varnishd", "varnish")
    static_root = RESULTS / "static"
    cache_url = redis_url()
    env = base_env(args.server, static_root, cache_url)
    if not args.reuse_database:
        print("Building the benchmark database (a few minutes)...")
        build_database(args.server, env)
    run([PYTHON, "manage.py", "migrate", "--no-input", "-v", "0"], env)
    run([PYTHON, "manage.py", "collectstatic", "--no-input", "-v", "0"], env)
    manifest = json.loads((static_root / "staticfiles.json").read_text())
    static_css = "/static/" + manifest["paths"]["css/site.css"]
    info = probe(env, static_css)
    pages, counts = info["pages"], info["counts"]
    sessions, session_cookie = pages.pop("sessions"), pages.pop("session_cookie")

    results = {}
    for cache_seconds, label in [(300, "cache on"), (0, "cache off")]:
        with AppServer({**env, "PAGE_CACHE_SECONDS": str(cache_seconds), "GUNICORN_WORKERS": "2"}) as server:
            for name, path, user, also_uncached in pages_run:
                if cache_seconds == 0 and not also_uncached:
                    continue
                target = server.url + path.format(static_css=static_css, **pages)
                cookies = [f"{session_cookie}={session}" for session in sessions[user]] if user else None
                # A shared machine speeds up and slows down over minutes: each public
                # page is compared with the static file measured just before it.
                ceiling = None
                master = server.process.pid
                if not user and name != "static CSS file":
                    ceiling = wrk(wrk_path, server.url + static_css, args.seconds)["rps"]
                # Staff pages are never cached: label them by how many people use them at once,
                # each with a session of their own.
                row = wrk(wrk_path, target, args.seconds, cookies=cookies, master_pid=master)
                row["ceiling"] = ceiling
                results[(name, label if not user else "10 connections")] = row
                if user and cache_seconds:
                    # Staff pages are also measured as one person working alone.
                    results[(name, "1 connection")] = wrk(
                        wrk_path, target, args.seconds, cookies=cookies, connections=1, master_pid=master
                    )

    if args.only:
        report(results, counts, cache_url, args.seconds, None)
        return
    # The same server with Varnish in front and a worker sending its purges.
    with shared_cache_servers(env) as (server, varnish):
        static_row = wrk(wrk_path, varnish.url + static_css, args.seconds)
        results[("static CSS file", "through Varnish")] = static_row
        logged_before = server.log().count(f'"GET {pages["article"]} ')
        article_row = wrk(wrk_path, varnish.url + pages["article"], args.seconds)
        article_row["reached_django"] = server.log().count(f'"GET {pages["article"]} ') - logged_before
        results[("article", "through Varnish")] = {**article_row, "ceiling": static_row["rps"]}
        after = after_publish(server.env, direct=server.url, varnish=varnish.url)

    report(results, counts, cache_url, args.seconds, after)
    if not args.no_growth:
        # The same pages at three sizes of site, on databases built afresh like the one above.
        from growth import main as growth_main

        growth_main(["--server", args.server, *([] if args.reuse_database else ["--rebuild"])])


PAGE_ORDER = {name: index for index, (name, *_rest) in enumerate(PAGES)}


def report(results: dict, counts: dict, cache_url: str, seconds: int, after: dict | None) -> None:
    first_ceiling = results[("static CSS file", "cache on")]["rps"]
    lines = [
        f"make bench: gunicorn 2 workers, DEBUG off, wrk 10 connections (staff pages also 1) for {seconds} s "
        "after a 2 s warm-up, "
        f"Accept-Encoding: gzip, cache {'Redis' if cache_url else 'local memory'}, {os.cpu_count()} cores. "
        "% of static: a public page's requests/s against the static file's measured just before it "
        "on the same server; staff pages against the first static row.",
        "",
        "| page | cache | requests/s | p50 ms | p99 ms | errors | % of static | worker CPU ms | queries "
        "| bytes (gzip) |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for (name, label), row in sorted(results.items(), key=lambda item: PAGE_ORDER[item[0][0]]):
        count = counts.get(name, {})
        queries = count.get("queries", "")
        cached = {"home", "treatments index", "article", "search", "sitemap.xml"}
        if label in {"cache on", "through Varnish"} and name in cached:
            queries = f"0 ({queries} on a miss)"
        cpu = f"{row['cpu_ms']:.1f}" if row.get("cpu_ms") is not None else ""
        lines.append(
            f"| {name} | {label} | {row['rps']:.0f} | {row['p50_ms']:.1f} | {row['p99_ms']:.1f} | {row['errors']} "
            f"| {100 * row['rps'] / (row.get('ceiling') or first_ceiling):.0f}% | {cpu} | {queries} "
            f"| {count.get('bytes', '')} |"
        )
    if after is not None:
        through_varnish = results[("article", "through Varnish")]
        lines += [
            "",
            f"Through Varnish, {through_varnish['reached_django']} of the {through_varnish['sent']:,} article "
            "requests (status check and warm-up included) reached gunicorn (counted in its access log).",
        ]
        lines += after_publish_lines(after)
    table = "\n".join(lines)
    print(table)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    (RESULTS / f"bench-{stamp}.md").write_text(table + "\n")
    print(f"\nSaved to bench/results/bench-{stamp}.md")


if __name__ == "__main__":
    sys.exit(main())
