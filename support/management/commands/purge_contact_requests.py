from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from core.security_log import security_event
from support.models import ContactRequest
from support.summary import monthly_summary


class Command(BaseCommand):
    """
    Delete closed contact requests, with their notes and history, once they
    have been closed for longer than SUPPORT_RETENTION_DAYS. Open requests are
    never deleted. The privacy notice quotes the same setting. The monthly
    summary's settled months are kept first (MonthFigures): their counts stay.
    """

    help = "Delete closed contact requests older than SUPPORT_RETENTION_DAYS (default 365)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="List what would be deleted; delete nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        days = settings.SUPPORT_RETENTION_DAYS
        if not dry_run:
            # Every settled month's figures are kept first: the summary outlives the requests.
            monthly_summary()
        with transaction.atomic():
            doomed = ContactRequest.objects.purgeable(retention_days=days).order_by("closed_at")
            references = list(doomed.values_list("reference", flat=True))
            for reference in references:
                self.stdout.write(f"  {reference}")
            if not dry_run:
                doomed.delete()
                security_event("contact.purged", count=len(references), retention_days=days)
        verb = "Would delete" if dry_run else "Deleted"
        self.stdout.write(f"{verb} {len(references)} closed request(s) closed more than {days} days ago.")
