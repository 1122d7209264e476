from django.core.management.base import BaseCommand

from support.notifications import send_pending_notifications
from support.replies import send_pending_replies


class Command(BaseCommand):
    """
    Send the support-line emails that are still owed: new-request alerts to the
    support inbox, urgent alerts to the duty address, acknowledgements to people
    who gave an email address, and replies staff wrote on the request page.
    Run every minute (e.g. from cron). Failed sends back off and are retried;
    after repeated failure they are logged at ERROR.
    """

    help = "Send pending support-request notifications, retrying earlier failures."

    def handle(self, *args, **options):
        sent, failed = send_pending_notifications()
        self.stdout.write(f"Requests notified: {sent}; still failing: {failed}.")
        sent, failed = send_pending_replies()
        self.stdout.write(f"Replies sent: {sent}; still failing: {failed}.")
