"""
After an approval or a withdrawal: how soon visitors see it, and what 50
visitors arriving together see, through Varnish and straight to gunicorn.

Run by bench/run_bench.py, against the servers it starts (gunicorn with the
Redis page cache, Varnish in front with ops/varnish/charity.vcl, and a
`db_worker` sending the purges as production does), in a process with the
same settings, so the approvals here are real ones (the workflow's service
functions, committed). Prints one JSON line, starting "AFTER".

Each round, for one article:
1. 50 visitors together on the warm page, direct and through Varnish.
2. A correction approved. At once, 50 visitors together, direct (the Redis
   page cache was invalidated in the approval's commit).
3. A second correction approved. As soon as the worker has sent the ban, 50
   visitors together through Varnish: one reaches Django, the others wait
   for its answer. "Visible" is the time from the approval's commit until
   all 50 had the new page: the worker's pick-up, the ban and the rebuild.
4. The article withdrawn, then restored, timed the same way (a 410 through
   Varnish after the withdrawal; the page again after the restore).
Every answer after a change is checked: a stale page is counted, never hidden.
"""

import argparse
import gzip
import http.client
import json
import sys
import threading
import time
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import django

VISITORS = 50


def burst(base_url: str, path: str) -> list[dict]:
    """VISITORS requests sent at the same moment, on connections opened beforehand."""
    address = urllib.parse.urlsplit(base_url)
    connections = [
        http.client.HTTPConnection(address.hostname, address.port, timeout=60) for _ in range(VISITORS)
    ]
    for connection in connections:
        connection.connect()
    start_together = threading.Barrier(VISITORS + 1)
    answers: list[dict] = [{} for _ in range(VISITORS)]

    def visit(number: int) -> None:
        connection = connections[number]
        start_together.wait()
        sent = time.perf_counter()
        connection.request("GET", path, headers={"Accept-Encoding": "gzip"})
        response = connection.getresponse()
        body = response.read()
        if response.getheader("Content-Encoding") == "gzip":
            body = gzip.decompress(body)
        answers[number] = {
            "ms": (time.perf_counter() - sent) * 1000,
            "status": response.status,
            "cache": response.getheader("X-Cache", ""),
            "body": body.decode(errors="replace"),
            "done": time.monotonic(),
        }
        connection.close()

    threads = [threading.Thread(target=visit, args=(number,)) for number in range(VISITORS)]
    for thread in threads:
        thread.start()
    start_together.wait()
    for thread in threads:
        thread.join()
    return answers


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--direct", required=True, help="gunicorn's address")
    parser.add_argument("--varnish", required=True, help="Varnish's address, in front of it")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    django.setup()

    from django.contrib.auth import get_user_model

    from core.models import FrontendPurge
    from treatments import drafts, services
    from treatments.models import Article

    users = get_user_model().objects
    article = Article.objects.public().order_by("pk")[600]
    path = article.get_absolute_url()

    def nurse():
        return users.get(username="bench-nurse")  # fetched afresh: permissions are cached per object

    def approver():
        return users.get(username="bench-approver")

    def purges_sent() -> None:
        """Wait until the worker has sent every ban owed: the change's own is among them (it was queued in its commit)."""
        deadline = time.monotonic() + 60
        while FrontendPurge.objects.filter(sent_at__isnull=True).exists():
            if time.monotonic() > deadline:
                raise RuntimeError("no purge was sent within a minute: is the worker running?")
            time.sleep(0.005)

    samples: dict[str, list[float]] = {
        "direct, warm page": [],
        "Varnish, warm page": [],
        "direct, just approved": [],
        "Varnish, just approved": [],
    }
    visible_ms: dict[str, list[float]] = {"approval": [], "withdrawal": [], "restore": []}
    reached_django_after_ban: list[int] = []
    stale = 0

    def approve_correction(label: str) -> tuple[str, float]:
        """A corrected title written by the nurse and approved: the title and the commit's time."""
        article.refresh_from_db()
        title = f"{article.title.split(' (correction')[0]} (correction {label})"
        article.title = title
        article.last_edited_by = nurse()
        article.save()
        services.article_record_edit(
            article=article, editor=nurse(), changed_fields={"title"}, content_changed=True
        )
        services.article_submit(article=article, user=nurse())
        services.article_approve(
            article=article,
            seen_fingerprint=drafts.article_draft_fingerprint(article),
            approver=approver(),
            full_review=False,
        )
        return title, time.monotonic()

    for number in range(1, args.rounds + 1):
        burst(args.direct, path)  # both caches warm
        burst(args.varnish, path)
        samples["direct, warm page"] += [answer["ms"] for answer in burst(args.direct, path)]
        samples["Varnish, warm page"] += [answer["ms"] for answer in burst(args.varnish, path)]

        # Straight to gunicorn: the visitors arrive as the approval commits.
        title, _ = approve_correction(f"{number}a")
        answers = burst(args.direct, path)
        samples["direct, just approved"] += [answer["ms"] for answer in answers]
        stale += sum(title not in answer["body"] for answer in answers)

        # Through Varnish (a second approval, so Redis is as cold as the first found it):
        # the visitors arrive as the ban lands.
        title, approved_at = approve_correction(f"{number}b")
        purges_sent()
        answers = burst(args.varnish, path)
        samples["Varnish, just approved"] += [answer["ms"] for answer in answers]
        stale += sum(title not in answer["body"] for answer in answers)
        reached_django_after_ban.append(sum(answer["cache"] == "MISS" for answer in answers))
        visible_ms["approval"].append((max(answer["done"] for answer in answers) - approved_at) * 1000)

        for change, expected_status in [("withdrawal", 410), ("restore", 200)]:
            article.refresh_from_db()
            if change == "withdrawal":
                services.article_archive(article=article, approver=approver(), comment="Benchmark.")
            else:
                services.article_restore(article=article, approver=approver(), comment="Benchmark.")
            changed_at = time.monotonic()
            purges_sent()
            answers = burst(args.varnish, path)
            stale += sum(answer["status"] != expected_status for answer in answers)
            visible_ms[change].append((max(answer["done"] for answer in answers) - changed_at) * 1000)

    print(
        "AFTER"
        + json.dumps(
            {
                "rounds": args.rounds,
                "visitors": VISITORS,
                "samples": samples,
                "visible_ms": visible_ms,
                "reached_django_after_ban": reached_django_after_ban,
                "stale": stale,
            }
        )
    )


if __name__ == "__main__":
    main()
