"""
The running system is one table (core/running.py): the Procfile, the systemd
units and timers, the crontab and the schedule in docs/operations.md are
exactly what it writes, and every job names a command that exists.
"""

from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import get_commands

from core import running
from core.management.commands.write_running_files import written_files

ROOT = Path(settings.BASE_DIR)


def test_every_written_file_is_what_the_table_writes():
    stale = [path for path, text in written_files(ROOT).items() if (ROOT / path).read_text() != text]
    assert stale == [], f"run `python manage.py write_running_files`: {stale}"


def test_no_unit_is_left_over_from_a_job_the_table_no_longer_has():
    expected = {Path(path).name for path in running.running_files() if path.startswith("ops/systemd/")}
    assert {path.name for path in (ROOT / "ops" / "systemd").iterdir()} == expected


def test_every_job_runs_a_command_that_exists():
    commands = get_commands()
    for job in running.JOBS:
        if job.script:
            assert (ROOT / job.script).is_file(), job.name
            assert (ROOT / job.script).stat().st_mode & 0o111, f"{job.script} is not executable"
        else:
            assert job.manage_command in commands, job.name
    assert "db_worker" in commands


@pytest.mark.parametrize("job", running.JOBS, ids=lambda job: job.name)
def test_each_job_is_in_the_crontab_and_has_a_timer(job):
    crontab = (ROOT / "ops" / "cron" / "charity.crontab").read_text()
    assert f"{job.cron} " in crontab and job.command in crontab
    timer = (ROOT / "ops" / "systemd" / f"charity-{job.name}.timer").read_text()
    assert f"OnCalendar={job.on_calendar}" in timer


def test_a_changed_table_is_caught(monkeypatch):
    """The check above must be able to fail: a job added to the table alone makes the files stale."""
    extra = running.Job(
        "extra",
        "check_sources",
        "An extra run.",
        cron="0 4 * * *",
        on_calendar="*-*-* 04:00:00",
        when="daily at 04:00",
    )
    monkeypatch.setattr(running, "JOBS", (*running.JOBS, extra))
    assert any(
        (ROOT / path).read_text() != text
        for path, text in written_files(ROOT).items()
        if (ROOT / path).exists()
    )
    assert "ops/systemd/charity-extra.timer" in written_files(ROOT)
