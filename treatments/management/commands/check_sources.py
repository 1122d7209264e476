from django.core.management.base import BaseCommand

from treatments.link_check import sources_check
from treatments.source_dates import sources_dates_fill


class Command(BaseCommand):
    """
    Check the link of every source (daily, from cron). Broken, moved and silent
    links then show on the review dashboard and on the article's admin page.
    Sources with a DOI or PubMed ID and no publication date get one, for the
    trust checks (treatments/trust.py).
    """

    help = "Check every source link and record what was found."

    def add_arguments(self, parser):
        parser.add_argument("--workers", type=int, default=4, help="Links checked at once (default 4).")
        parser.add_argument(
            "--timeout", type=float, default=10, help="Seconds to wait for each link (default 10)."
        )

    def handle(self, *args, **options):
        summary = sources_check(workers=options["workers"], timeout=options["timeout"])
        self.stdout.write(
            f"Links checked: {summary.links}; work: {summary.works}; moved: {summary.moved}; "
            f"broken: {summary.broken}; did not answer: {summary.no_answer}; not followed: {summary.not_followed}."
        )
        filled = sources_dates_fill(timeout=options["timeout"])
        self.stdout.write(f"Publication dates found: {filled}.")
