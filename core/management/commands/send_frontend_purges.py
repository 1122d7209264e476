from django.core.management.base import BaseCommand

from core.frontend_cache import send_pending_purges


class Command(BaseCommand):
    """Retry purges of the frontend caches that failed (run every minute from cron with FRONTEND_CACHE_URLS set)."""

    help = "Send purges of the shared HTTP caches that are still owed."

    def handle(self, *args, **options):
        sent, failed = send_pending_purges()
        self.stdout.write(f"Purges sent: {sent}; still failing: {failed}.")
