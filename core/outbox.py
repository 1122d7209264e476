"""
One outbox for everything the site owes the outside world: workflow emails to
staff, the support line's emails, replies to people, purges of a shared cache.

A row is written in the same transaction as the change that owes it, so it
exists exactly when the change does. After the commit a background task tries
to send it; `manage.py send_outboxes`, every minute, sends whatever is still
due. A failed send backs off (1, 2, 4 ... minutes, at most an hour) and the
fifth failure is logged at ERROR so monitoring alerts a person
(docs/operations.md). Rows are locked with SKIP LOCKED while they are sent, so
the worker and the cron job, on any number of servers, never send one row at
the same time. Delivery is at least once: a row is marked sent straight after
sending, so only a crash between the two can send it twice.

Each outbox is a model that subclasses OutboxRow and says only how to send one
row (`send`) and how to name it in a log line (`outbox_name`).
"""

import datetime
import logging

from django.apps import apps
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from django_tasks import task

logger = logging.getLogger(__name__)

# After this many failed attempts, log at ERROR so monitoring alerts a person.
ALERT_AFTER_ATTEMPTS = 5
MAX_BACKOFF = datetime.timedelta(hours=1)
# How many rows of one outbox a sweep sends before moving on to the next outbox.
SWEEP_LIMIT = 100


def backoff(attempts: int) -> datetime.timedelta:
    """1, 2, 4, 8 ... minutes after each failure, at most an hour."""
    return min(datetime.timedelta(minutes=2 ** max(attempts - 1, 0)), MAX_BACKOFF)


class OutboxQuerySet(models.QuerySet):
    def unsent(self):
        return self.filter(sent_at__isnull=True).filter(self.model.outbox_filter)

    def due(self, now: datetime.datetime | None = None):
        """Rows still to send whose next attempt is due."""
        now = now or timezone.now()
        return self.unsent().filter(Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now))


class OutboxRow(models.Model):
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    # The error's class only: its text can quote addresses.
    last_error = models.CharField(max_length=200, blank=True)

    # Which rows of the table are outbox rows at all (a thread keeps incoming
    # messages beside the replies it sends).
    outbox_filter = Q()
    # What send() reads, fetched with the locked row.
    outbox_related: tuple[str, ...] = ()

    objects = OutboxQuerySet.as_manager()

    OUTBOX_FIELDS = frozenset({"sent_at", "attempts", "next_attempt_at", "last_error"})

    class Meta:
        abstract = True
        indexes = [
            models.Index(fields=["next_attempt_at"], condition=Q(sent_at__isnull=True), name="%(class)s_due")
        ]

    def send(self) -> None:
        """Send this row. Raise on any failure: the row is then retried."""
        raise NotImplementedError

    def outbox_name(self) -> str:
        """What a log line calls this row: never an address or a health detail."""
        return f"{self._meta.verbose_name} {self.pk}"


def outbox_models() -> list[type[OutboxRow]]:
    return [model for model in apps.get_models() if issubclass(model, OutboxRow)]


def _attempt_failed(row: OutboxRow, error: Exception) -> None:
    row.attempts += 1
    row.next_attempt_at = timezone.now() + backoff(row.attempts)
    row.last_error = type(error).__name__[:200]
    row.save(update_fields=["attempts", "next_attempt_at", "last_error"])
    logger.log(
        logging.ERROR if row.attempts >= ALERT_AFTER_ATTEMPTS else logging.WARNING,
        "%s failed (attempt %s, %s); next try after %s.",
        row.outbox_name(),
        row.attempts,
        row.last_error,
        row.next_attempt_at.isoformat(timespec="seconds"),
    )


def outbox_deliver(model: type[OutboxRow], pk: int) -> bool:
    """
    Send one row if it is due and nobody else is sending it. True when nothing
    is left to send of it; False after a failure (recorded, retried later).
    Never raises for a failed send.
    """
    with transaction.atomic():
        row = (
            model.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related(*model.outbox_related)
            .due()
            .filter(pk=pk)
            .first()
        )
        if row is None:
            return True
        try:
            row.send()
        except Exception as error:  # any failure to send: record it and retry later
            _attempt_failed(row, error)
            return False
        if row.attempts:
            logger.info("%s sent after %s failed attempt(s).", row.outbox_name(), row.attempts)
        row.sent_at = timezone.now()
        row.save(update_fields=["sent_at"])
        return True


def outbox_deliver_due(model: type[OutboxRow] | None = None, *, limit: int = SWEEP_LIMIT) -> tuple[int, int]:
    """Send every due row (of one outbox, or of all), oldest first. Returns (sent, failed)."""
    sent = failed = 0
    for outbox in [model] if model else outbox_models():
        pks = list(outbox.objects.due().order_by("created_at", "pk").values_list("pk", flat=True)[:limit])
        for pk in pks:
            if outbox_deliver(outbox, pk):
                sent += 1
            else:
                failed += 1
    return sent, failed


@task()
def outbox_send(model_label: str, pks: list[int]) -> int:
    """The background task: in a worker in production; at once in development and tests."""
    model = apps.get_model(model_label)
    return sum(outbox_deliver(model, pk) for pk in pks)


def outbox_send_after_commit(model: type[OutboxRow], pks: list[int]) -> None:
    """Hand rows to the worker once the transaction that wrote them commits."""
    if not pks:
        return
    label, pks = model._meta.label, list(pks)
    transaction.on_commit(lambda: _enqueue(label, pks))


def _enqueue(model_label: str, pks: list[int]) -> None:
    try:
        outbox_send.enqueue(model_label, pks)
    except Exception:
        # Stored and still due: send_outboxes sends them within a minute.
        logger.exception("Could not queue %s row(s) %s for sending.", model_label, pks)
