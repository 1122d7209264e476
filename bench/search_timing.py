"""
Site-search query time on 1,000 published articles (PostgreSQL).

Creates a scratch database, fills it with 1,000 approved articles whose text
is drawn from the demo articles (so word frequencies are realistic), then
times search_articles() for a set of patient queries. Drops the database
afterwards. Usage:
    .venv/bin/python bench/search_timing.py [postgres://postgres@127.0.0.1:5432]
"""

import os
import random
import statistics
import sys
import time
import uuid

SERVER = sys.argv[1] if len(sys.argv) > 1 else "postgres://postgres@127.0.0.1:5432"
DATABASE = f"charity_search_bench_{uuid.uuid4().hex[:8]}"
ARTICLES = 1000
RUNS = 30
QUERIES = ["immunotherapy", "side effects", "immuno", "Keytruda", "treatments", "clinical trial", "xyzzy"]

os.environ.update(
    DJANGO_SETTINGS_MODULE="charity_site.settings",
    DEBUG="true",
    DATABASE_URL=f"{SERVER}/{DATABASE}",
    LOG_LEVEL="WARNING",
)
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import django  # noqa: E402
import psycopg2  # noqa: E402


def server_command(sql: str) -> None:
    # CREATE/DROP DATABASE cannot run in a transaction: autocommit, no context manager.
    connection = psycopg2.connect(f"{SERVER}/postgres")
    connection.autocommit = True
    try:
        connection.cursor().execute(sql)
    finally:
        connection.close()


def main() -> None:
    server_command(f'CREATE DATABASE "{DATABASE}"')
    try:
        run()
    finally:
        from django.db import connections

        connections.close_all()
        server_command(f'DROP DATABASE IF EXISTS "{DATABASE}"')


def run() -> None:
    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection, transaction

    from demo.article_texts import ARTICLES as DEMO
    from treatments.models import Article, ArticleVersion, Category
    from treatments.sanitise import html_to_text
    from treatments.search import parse_query, search_articles, version_search_vector

    call_command("migrate", verbosity=0)
    user = get_user_model().objects.create(username="bench")
    category = Category.objects.create(name="Bench")
    rng = random.Random(2026)
    started = time.monotonic()
    with transaction.atomic():
        for n in range(ARTICLES):
            demo = rng.choice(DEMO)
            paragraphs = html_to_text(demo["body"]).splitlines()
            rng.shuffle(paragraphs)
            body_text = "\n".join(paragraphs)
            title = f"{demo['title']} ({n})"
            article = Article.objects.create(
                slug=f"bench-{n}", category=category, title=title, summary=demo["summary"],
                body=demo["body"], written_by=user, last_edited_by=user,
            )  # fmt: skip
            version = ArticleVersion.objects.create(
                article=article, number=1, title=title, summary=demo["summary"], body=demo["body"],
                body_text=body_text, sources=demo["sources"], written_by_name="Bench", approved_by=user,
                approved_at=django.utils.timezone.now(), is_full_review=True,
                search_vector=version_search_vector(
                    title=title, summary=demo["summary"], body_text=body_text, sources=demo["sources"]
                ),
            )  # fmt: skip
            Article.objects.filter(pk=article.pk).update(live_version=version, status="published")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(f"Loaded {ARTICLES} approved articles in {time.monotonic() - started:.1f} s")

    for query in QUERIES:
        terms = parse_query(query)
        search_articles(terms)  # warm the cache and the connection
        timings, count = [], 0
        for _ in range(RUNS):
            start = time.perf_counter()
            count = len(search_articles(terms).articles)
            timings.append((time.perf_counter() - start) * 1000)
        timings.sort()
        print(
            f"{query!r:18} results shown {count:3}  median {statistics.median(timings):6.1f} ms"
            f"  p95 {timings[int(RUNS * 0.95) - 1]:6.1f} ms"
        )


if __name__ == "__main__":
    main()
