from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from demo.accounts import demo_accounts_load
from demo.glossary_terms import demo_glossary_load
from demo.support_requests import demo_support_load
from demo.treatment_articles import demo_articles_load


class Command(BaseCommand):
    """
    Load the demo accounts and demo content used in development.

    Idempotent: anything that already exists is left as it is, so running it
    twice changes nothing. Refused when DEBUG is off, because the demo accounts
    share a published password.
    """

    help = "Create demo accounts and demo content for development (DEBUG only; safe to re-run)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError(
                "load_demo_content only runs with DEBUG on: it creates accounts with a "
                "shared demo password. Set DEBUG=true for a development database."
            )
        with transaction.atomic():
            accounts = demo_accounts_load()
            articles = demo_articles_load()
            terms = demo_glossary_load()
            requests = demo_support_load()
        new = [name for name, created in accounts.items() if created]
        self.stdout.write(f"Demo accounts: {len(new)} created, {len(accounts) - len(new)} already there.")
        self.stdout.write(f"Demo treatment articles: {articles} created.")
        self.stdout.write(f"Demo glossary definitions: {terms} created.")
        self.stdout.write(f"Demo support requests: {requests} created.")
