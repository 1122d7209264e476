import datetime
import random
import time

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.db.models import Count
from django.utils import timezone

from core.phones import phone_normal_form
from demo.article_texts import ARTICLES as DEMO_ARTICLES
from demo.article_texts import BAAS_2021, SCHERPEREEL_2019, VOGELZANG_2003
from staff.models import StaffProfile
from support.models import CONSENT_WORDING, ContactNote, ContactRequest
from support.roles import SUPPORT_STAFF
from support.working_hours import working_hours_between
from treatments import drafts, services
from treatments.models import Article, Category, Source
from treatments.roles import CLINICAL_APPROVERS, NURSE_EDITORS

BENCH_USERS = {
    "bench-nurse": NURSE_EDITORS,
    "bench-approver": CLINICAL_APPROVERS,
    "bench-support": SUPPORT_STAFF,
}
BENCH_PASSWORD = "bench-pass-2026"  # noqa: S105 - a throwaway benchmark database only
SOURCE_TEMPLATES = [BAAS_2021, SCHERPEREEL_2019, VOGELZANG_2003]
TOPICS = [value for value, _ in ContactRequest.Topic.choices]
WHO = [value for value, _ in ContactRequest.Who.choices]
STATUSES = ["new", "in_progress", "waiting", "closed"]


class Command(BaseCommand):
    """
    Fill an empty database for `make bench`: 1,000 approved articles of realistic
    length (built from the demo articles' text), each with 5 to 30 sources and 5
    related articles, approved through the real workflow; and 100,000 contact
    requests in every state, half of them with notes. PostgreSQL and DEBUG only:
    it creates accounts with a known password.
    """

    help = "Load benchmark data: 1,000 articles and 100,000 contact requests (PostgreSQL, DEBUG only)."

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=1000)
        parser.add_argument("--requests", type=int, default=100_000)
        parser.add_argument("--seed", type=int, default=2026)

    def handle(self, *args, articles, requests, seed, **options):
        if not settings.DEBUG:
            raise CommandError(
                "load_bench_data only runs with DEBUG on: it creates accounts with a known password."
            )
        if connection.vendor != "postgresql":
            raise CommandError(
                "load_bench_data needs PostgreSQL (the benchmark measures the production database)."
            )
        if Article.objects.exists() or ContactRequest.objects.exists():
            raise CommandError(
                "The database already has content: load benchmark data into an empty database."
            )
        self.random = random.Random(seed)  # noqa: S311 - repeatable benchmark data, not secrets
        started = time.monotonic()
        users = self.users()
        self.articles(articles, users)
        self.awaiting_approval(users["bench-nurse"])
        self.stdout.write(f"{articles} approved articles in {time.monotonic() - started:.0f} s")
        started = time.monotonic()
        self.contact_requests(requests, users["bench-support"])
        self.stdout.write(f"{requests} contact requests in {time.monotonic() - started:.0f} s")
        with connection.cursor() as cursor:
            # What autovacuum does on a live database: planner statistics and the
            # visibility map that lets COUNT(*) read the index alone.
            cursor.execute("VACUUM ANALYZE")

    def users(self) -> dict:
        User = get_user_model()
        users = {}
        for username, group in BENCH_USERS.items():
            user = User.objects.create_user(
                username, f"{username}@example.org", BENCH_PASSWORD, is_staff=True
            )
            user.groups.add(Group.objects.get(name=group))
            StaffProfile.objects.create(
                user=user, public_name=username.title(), role_title="Clinical nurse specialist"
            )
            users[username] = User.objects.get(pk=user.pk)
        return users

    def body(self) -> str:
        """Sections drawn from several demo articles: 600 to 1,500 words, like a real page."""
        sections = []
        for demo in self.random.sample(DEMO_ARTICLES, k=len(DEMO_ARTICLES)):
            parts = demo["body"].strip().split("<h2>")[1:]
            sections += [f"<h2>{part}" for part in parts]
        self.random.shuffle(sections)
        return "\n".join(sections[: self.random.randint(8, 16)])

    def articles(self, count: int, users: dict) -> None:
        categories = [Category.objects.create(name=f"Category {n}", position=n) for n in range(1, 6)]
        created = []
        for n in range(count):
            demo = DEMO_ARTICLES[n % len(DEMO_ARTICLES)]
            with transaction.atomic():
                article = Article.objects.create(
                    slug=f"{demo['slug']}-{n}",
                    category=categories[n % len(categories)],
                    position=n,
                    title=f"{demo['title']} ({n})",
                    summary=demo["summary"],
                    body=self.body(),
                    written_by=users["bench-nurse"],
                    last_edited_by=users["bench-nurse"],
                )
                Source.objects.bulk_create(
                    Source(
                        article=article,
                        position=position,
                        url=f"https://www.example.org/evidence/{n}/{position}",
                        accessed_on=datetime.date(2026, 1, 1),
                        **self.random.choice(SOURCE_TEMPLATES),
                    )
                    # The first and last have 15: the change form's and the approve page's benchmarks.
                    for position in range(15 if n in (0, count - 1) else self.random.randint(5, 30))
                )
                services.article_submit(article=article, user=users["bench-nurse"])
                services.article_approve(
                    article=article,
                    seen_fingerprint=drafts.article_draft_fingerprint(article),
                    approver=users["bench-approver"],
                    full_review=True,
                )
            created.append(article)
        for n, article in enumerate(created):
            article.related_articles.set(created[(n + step) % count] for step in range(1, 6))

    def awaiting_approval(self, nurse) -> None:
        """
        One page with 15 sources changed by the nurse and waiting for the approver (the approve page's
        benchmark); the change form's is another page with 15 sources (bench/run_bench.py).
        """
        article = Article.objects.annotate(count=Count("sources")).filter(count=15).order_by("-pk").first()
        article.summary = f"{article.summary} Updated after the latest trial results."
        article.last_edited_by = nurse
        article.save()
        services.article_record_edit(
            article=article, editor=nurse, changed_fields={"summary"}, content_changed=True
        )
        services.article_submit(article=article, user=nurse)

    def contact_requests(self, count: int, support_user) -> None:
        now = timezone.now()
        batch = 5000
        for start in range(0, count, batch):
            rows = []
            for n in range(start, min(start + batch, count)):
                received = now - datetime.timedelta(minutes=self.random.randint(0, 60 * 24 * 730))
                status = self.random.choice(STATUSES)
                email_method = self.random.random() < 0.5
                rows.append(
                    ContactRequest(
                        received_at=received,
                        answer_by=received + datetime.timedelta(days=2),  # near enough for timing pages
                        name=f"Person {n}",
                        contact_method="email" if email_method else "call_back",
                        email=f"person{n}@example.org" if email_method else "",
                        phone="" if email_method else f"01632 {n % 1000:03d} {n % 997:03d}",
                        phone_normal=""
                        if email_method
                        else phone_normal_form(f"01632 {n % 1000:03d} {n % 997:03d}"),
                        voicemail_ok=None if email_method else True,
                        who=self.random.choice(WHO),
                        topic=self.random.choice(TOPICS),
                        message="I would like to talk to a nurse about my treatment and what comes next. "
                        * 3,
                        consent_wording=CONSENT_WORDING,
                        consent_given_at=received,
                        status=status,
                        outcome="called_back" if status == "closed" else "",
                        closed_at=received + datetime.timedelta(days=2) if status == "closed" else None,
                        first_response_at=None if status == "new" else received + datetime.timedelta(hours=5),
                        first_response_hours=None
                        if status == "new"
                        else working_hours_between(received, received + datetime.timedelta(hours=5)),
                        answered_at=None if status == "new" else received + datetime.timedelta(hours=5),
                        assigned_to=None if status == "new" else support_user,
                    )
                )
            created = ContactRequest.objects.bulk_create(rows)
            ContactNote.objects.bulk_create(
                ContactNote(
                    contact_request=request,
                    author=support_user,
                    created_at=request.received_at + datetime.timedelta(hours=5),
                    call_outcome="spoke" if request.contact_method == "call_back" else "",
                    text="Spoke to them and sent our leaflet.",
                )
                for request in created
                if request.status != "new" and self.random.random() < 0.5
            )
        with connection.cursor() as cursor:
            # The same reference the service writes: SR-<year received>-<primary key>.
            cursor.execute(
                "UPDATE support_contactrequest SET reference = 'SR-' || "
                "to_char(received_at AT TIME ZONE %s, 'YYYY') || '-' || lpad(id::text, 6, '0') "
                "WHERE reference IS NULL",
                [settings.TIME_ZONE],
            )
