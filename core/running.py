"""
The running system in one table: the processes that are always on and the
jobs that run on a schedule. The Procfile, the systemd units and timers in
ops/systemd/, the crontab in ops/cron/ and the schedule in
docs/operations.md are written from it (`manage.py write_running_files`),
and a test fails when any of them differs from what it would write, or when
a job names a command that does not exist.
"""

from dataclasses import dataclass

# Where a server keeps the site, as the files written from this table assume.
SITE_DIRECTORY = "/srv/charity"
PYTHON = f"{SITE_DIRECTORY}/.venv/bin/python"
ENVIRONMENT_FILE = "/etc/charity/environment"
RUN_AS = "charity"


@dataclass(frozen=True)
class Process:
    name: str
    command: str  # run from SITE_DIRECTORY with the virtual environment's tools first on PATH
    purpose: str


@dataclass(frozen=True)
class Job:
    name: str
    manage_command: str  # a manage.py command, or "" when `command` is a script of ours
    purpose: str
    cron: str  # minute hour day month weekday
    on_calendar: str  # the same time for a systemd timer
    when: str  # the same time in words
    arguments: str = ""
    script: str = ""  # a script in the repository, run instead of manage.py

    @property
    def command(self) -> str:
        if self.script:
            return f"{SITE_DIRECTORY}/{self.script} {self.arguments}".strip()
        return f"{PYTHON} {SITE_DIRECTORY}/manage.py {self.manage_command} {self.arguments}".strip()


PROCESSES = (
    Process("web", "gunicorn charity_site.wsgi", "Answers every request (gunicorn.conf.py)."),
    Process(
        "worker", "python manage.py db_worker", "Sends emails and cache purges as soon as they are queued."
    ),
)

JOBS = (
    Job(
        "send-outboxes",
        "send_outboxes",
        "Sends what the worker could not: workflow and support emails, replies, cache purges (core/outbox.py).",
        cron="* * * * *",
        on_calendar="*-*-* *:*:00",
        when="every minute",
    ),
    Job(
        "fetch-support-replies",
        "fetch_support_replies",
        "Puts the person's answers from the support mailbox onto their requests.",
        cron="*/5 * * * *",
        on_calendar="*-*-* *:0/5:00",
        when="every five minutes",
    ),
    Job(
        "send-review-reminders",
        "send_review_reminders",
        "Emails editors and approvers the pages whose review is due or overdue.",
        cron="0 7 * * *",
        on_calendar="*-*-* 07:00:00",
        when="daily at 07:00",
    ),
    Job(
        "check-sources",
        "check_sources",
        "Checks every source link and records what was found.",
        cron="30 2 * * *",
        on_calendar="*-*-* 02:30:00",
        when="daily at 02:30",
    ),
    Job(
        "purge-contact-requests",
        "purge_contact_requests",
        "Deletes closed contact requests older than SUPPORT_RETENTION_DAYS.",
        cron="0 3 * * *",
        on_calendar="*-*-* 03:00:00",
        when="daily at 03:00",
    ),
    Job(
        "backup",
        "",
        "Backs up the database (ops/backup.sh); copy the file off the server, encrypted.",
        cron="30 1 * * *",
        on_calendar="*-*-* 01:30:00",
        when="daily at 01:30",
        script="ops/backup.sh",
        arguments="/var/backups/charity",
    ),
)


def procfile() -> str:
    return "".join(f"{process.name}: {process.command}\n" for process in PROCESSES)


def _unit_header(description: str) -> str:
    return f"[Unit]\nDescription={description}\nAfter=network-online.target\nWants=network-online.target\n\n"


def _service_body(command: str, *, kind: str) -> str:
    restart = "Restart=always\nRestartSec=5\n" if kind == "simple" else ""
    return (
        f"[Service]\nType={kind}\nUser={RUN_AS}\nWorkingDirectory={SITE_DIRECTORY}\n"
        f"EnvironmentFile={ENVIRONMENT_FILE}\nEnvironment=PATH={SITE_DIRECTORY}/.venv/bin:/usr/bin:/bin\n"
        f"ExecStart={command}\n{restart}"
    )


def systemd_units() -> dict[str, str]:
    """File name -> text, for ops/systemd/."""
    units = {}
    for process in PROCESSES:
        program, _, arguments = process.command.partition(" ")
        command = f"{SITE_DIRECTORY}/.venv/bin/{program} {arguments}".strip()
        units[f"charity-{process.name}.service"] = (
            _unit_header(f"Charity site: {process.purpose}")
            + _service_body(command, kind="simple")
            + "\n[Install]\nWantedBy=multi-user.target\n"
        )
    for job in JOBS:
        units[f"charity-{job.name}.service"] = _unit_header(f"Charity site: {job.purpose}") + _service_body(
            job.command, kind="oneshot"
        )
        units[f"charity-{job.name}.timer"] = (
            f"[Unit]\nDescription=Charity site, {job.when}: {job.purpose}\n\n"
            f"[Timer]\nOnCalendar={job.on_calendar}\nPersistent=true\n\n[Install]\nWantedBy=timers.target\n"
        )
    return units


def crontab() -> str:
    lines = [
        "# The site's scheduled jobs, for a server that uses cron instead of systemd timers.",
        f"# Install as {RUN_AS}'s crontab; the environment file holds the site's variables.",
        "SHELL=/bin/sh",
        "",
    ]
    for job in JOBS:
        lines.append(f"# {job.purpose}")
        lines.append(f"{job.cron} set -a; . {ENVIRONMENT_FILE}; cd {SITE_DIRECTORY} && {job.command}")
    return "\n".join(lines) + "\n"


def schedule_markdown() -> str:
    rows = ["| process or job | when | what it does | command |", "| --- | --- | --- | --- |"]
    rows += [f"| {p.name} | always on | {p.purpose} | `{p.command}` |" for p in PROCESSES]
    for job in JOBS:
        command = (
            f"{job.script} {job.arguments}"
            if job.script
            else f"python manage.py {job.manage_command} {job.arguments}"
        )
        command = command.strip()
        rows.append(f"| {job.name} | {job.when} | {job.purpose} | `{command}` |")
    return "\n".join(rows) + "\n"


# Written files, by path from the repository root.
def running_files() -> dict[str, str]:
    files = {"Procfile": procfile(), "ops/cron/charity.crontab": crontab()}
    files.update({f"ops/systemd/{name}": text for name, text in systemd_units().items()})
    return files
