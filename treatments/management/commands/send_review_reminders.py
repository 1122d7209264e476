from django.core.management.base import BaseCommand

from treatments.reminders import review_reminders_send


class Command(BaseCommand):
    """
    Email editors and approvers a digest of treatment pages that are overdue
    for review or due within 30 days. Meant to run once a day (e.g. from cron).
    An article is not reminded about again for the same due date within 7 days.
    """

    help = "Email a digest of treatment pages overdue or due for review within 30 days."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Say what would be sent; send nothing.")

    def handle(self, *args, dry_run=False, **options):
        run = review_reminders_send(dry_run=dry_run)
        for article in run.articles:
            self.stdout.write(f"  {article.title}: review due {article.next_review_due_on:%d %B %Y}")
        sent = 0 if not run.recipients else len(run.articles)
        verb = "Would send" if dry_run else "Sent"
        self.stdout.write(
            f"{verb} reminders for {sent} article(s) to {len(run.recipients) if sent else 0} recipient(s)."
        )
