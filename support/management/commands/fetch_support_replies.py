import imaplib

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from support.mailbox import mailbox_replies_fetch


class Command(BaseCommand):
    """
    Put the person's answers onto their requests: reads the support mailbox over
    IMAP (SUPPORT_IMAP_* settings). Run every few minutes from cron. Emails that
    match no request are flagged in the mailbox for a person and counted here.
    """

    help = "Fetch replies from the support mailbox and attach them to their requests."

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=200, help="Most emails to read in one run.")

    def handle(self, *args, **options):
        if not settings.SUPPORT_IMAP_HOST:
            raise CommandError("SUPPORT_IMAP_HOST is not set: there is no mailbox to read.")
        try:
            result = mailbox_replies_fetch(limit=options["limit"])
        except (imaplib.IMAP4.error, OSError) as error:
            # The error's class only: IMAP errors can quote the user name.
            raise CommandError(f"Could not read the support mailbox ({type(error).__name__}).") from None
        stored = ", ".join(result.stored) or "none"
        failed = ", ".join(f"{name}: {count}" for name, count in sorted(result.failed.items()))
        self.stdout.write(
            f"Replies stored: {len(result.stored)} ({stored}); already stored: {result.already_stored}; "
            f"unmatched, flagged in the mailbox: {result.unmatched}; too large, flagged: {result.too_large}; "
            f"Message-ID already stored with other content, flagged: {result.conflicting}; "
            f"could not be read, flagged: {result.failed.total()}{f' ({failed})' if failed else ''}."
        )
