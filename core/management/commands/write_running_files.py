from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from core import running

SCHEDULE_START = "<!-- schedule: written by manage.py write_running_files -->"
SCHEDULE_END = "<!-- /schedule -->"
OPERATIONS = "docs/operations.md"


def written_files(root: Path) -> dict[str, str]:
    """Every file the table in core/running.py writes, with the text it should have."""
    files = running.running_files()
    operations = (root / OPERATIONS).read_text()
    before, _, rest = operations.partition(SCHEDULE_START)
    _, _, after = rest.partition(SCHEDULE_END)
    files[OPERATIONS] = f"{before}{SCHEDULE_START}\n{running.schedule_markdown()}{SCHEDULE_END}{after}"
    return files


class Command(BaseCommand):
    """
    Write the Procfile, ops/systemd/, ops/cron/charity.crontab and the schedule
    in docs/operations.md from the table in core/running.py. Run it after
    changing the table; a test fails while any of them differs.
    """

    help = "Write the process and schedule files from core/running.py."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Say which files would change; write none."
        )

    def handle(self, *args, **options):
        root = Path(settings.BASE_DIR)
        for path, text in written_files(root).items():
            target = root / path
            if target.exists() and target.read_text() == text:
                continue
            self.stdout.write(f"{'Would write' if options['dry_run'] else 'Wrote'} {path}")
            if not options["dry_run"]:
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(text)
