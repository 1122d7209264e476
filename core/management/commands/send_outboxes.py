from django.core.management.base import BaseCommand

from core.outbox import outbox_deliver_due, outbox_models


class Command(BaseCommand):
    """
    Send whatever every outbox still owes and is due (workflow emails, the
    support line's emails and replies, purges of a shared cache): what the
    worker could not send, with back-off. Run every minute (core/running.py).
    """

    help = "Send or retry every outbox row that is due."

    def handle(self, *args, **options):
        for model in outbox_models():
            sent, failed = outbox_deliver_due(model)
            self.stdout.write(
                f"{model._meta.verbose_name_plural}: {sent} sent, {failed} failed (retried later)."
            )
