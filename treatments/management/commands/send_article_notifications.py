from django.core.management.base import BaseCommand

from treatments.notifications import send_due_notifications


class Command(BaseCommand):
    """
    Send the workflow emails that are still owed (submitted, returned,
    approved): those the background task could not send, with back-off.
    Run it every minute, e.g. from cron.
    """

    help = "Send or retry the workflow emails to nurses and approvers that are due."

    def handle(self, *args, **options):
        sent, failed = send_due_notifications()
        self.stdout.write(f"Workflow emails: {sent} sent, {failed} failed (will be retried).")
