"""
`make bench`'s shared-cache part: the site as bench/run_bench.py runs it, with
Varnish in front (ops/varnish/charity.vcl) and a `db_worker` sending the bans,
and the rows bench/after_publish.py measures against it.
"""

import contextlib
import json
import subprocess
from pathlib import Path

from tests.servers.app_server import AppServer

PROJECT = Path(__file__).resolve().parent.parent
PYTHON = PROJECT / ".venv" / "bin" / "python"


@contextlib.contextmanager
def shared_cache_servers(env: dict):
    """gunicorn (page cache on) with Varnish in front, and `db_worker` sending the bans, as in production."""
    from tests.servers.varnish_server import VarnishServer  # once Varnish is installed: it looks for varnishd

    server = AppServer(
        {
            **env,
            "PAGE_CACHE_SECONDS": "300",
            "GUNICORN_WORKERS": "2",
            "TASKS_BACKEND": "database",
            "GUNICORN_ACCESS_LOG": "-",  # to count the requests that get past Varnish
        }
    )
    varnish = VarnishServer(server.port)
    server.env["FRONTEND_CACHE_URLS"] = varnish.purge_url  # known once Varnish has its ports
    worker = subprocess.Popen(
        [PYTHON, "manage.py", "db_worker", "--no-reload"],
        cwd=PROJECT,
        env=server.env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        with server, varnish:
            yield server, varnish
    finally:
        worker.terminate()
        worker.wait(timeout=30)


def after_publish(env: dict, *, direct: str, varnish: str) -> dict:
    output = subprocess.run(
        [PYTHON, "bench/after_publish.py", "--direct", direct, "--varnish", varnish],
        cwd=PROJECT,
        env=env,
        check=True,
        stdout=subprocess.PIPE,
        text=True,
    ).stdout
    return json.loads(next(line for line in output.splitlines() if line.startswith("AFTER"))[5:])


def percentile(values: list[float], percent: int) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(percent / 100 * (len(ordered) - 1)))]


def after_publish_lines(after: dict) -> list[str]:
    visitors, rounds = after["visitors"], after["rounds"]
    lines = [
        "",
        f"After a change (bench/after_publish.py): {visitors} visitors arriving together at one article, "
        f"{rounds} rounds; gunicorn 2 workers with the Redis page cache, Varnish in front "
        '(ops/varnish/charity.vcl), `db_worker` sending the bans. "Just approved": direct, the visitors '
        "arrive as the approval commits; through Varnish, as its ban lands (a separate approval each). "
        "The visitors are 50 Python threads on this machine, so each time includes their own "
        "scheduling: compare these rows with each other, not with wrk's.",
        "",
        f"| {visitors} visitors together | p50 ms | p99 ms | slowest ms | answers |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for name, values in after["samples"].items():
        lines.append(
            f"| {name} | {percentile(values, 50):.1f} | {percentile(values, 99):.1f} | {max(values):.1f} "
            f"| {len(values)} |"
        )
    lines += [
        "",
        "| through Varnish, from the commit until all visitors have it | median ms | slowest ms |",
        "| --- | ---: | ---: |",
    ]
    for change, values in after["visible_ms"].items():
        lines.append(f"| {change} | {percentile(values, 50):.0f} | {max(values):.0f} |")
    misses = after["reached_django_after_ban"]
    lines += [
        "",
        f"Requests that reached Django in each burst through Varnish after a ban: {misses} "
        f"(of {visitors}; the rest waited for that one answer). "
        f"Stale answers after any change (old title, or not 410 after a withdrawal): {after['stale']}.",
    ]
    return lines
