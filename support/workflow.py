"""
A contact request's statuses and the moves between them, in one table that
the services enforce and the admin's status choices are built from.
"""

from dataclasses import dataclass

from django.db import models


class Status(models.TextChoices):
    NEW = "new", "New"
    IN_PROGRESS = "in_progress", "In progress"
    WAITING = "waiting", "Waiting for reply"
    CLOSED = "closed", "Closed"


@dataclass(frozen=True)
class Move:
    from_statuses: frozenset[Status]
    permission: str  # a codename of the support app


CHANGE = "change_contactrequest"

# To-status -> the statuses it may be reached from, and the permission it needs.
# Closing also needs an outcome (checked by the service).
MOVES: dict[Status, Move] = {
    Status.IN_PROGRESS: Move(frozenset({Status.NEW, Status.WAITING, Status.CLOSED}), CHANGE),
    Status.WAITING: Move(frozenset({Status.NEW, Status.IN_PROGRESS}), CHANGE),
    Status.CLOSED: Move(frozenset({Status.NEW, Status.IN_PROGRESS, Status.WAITING}), CHANGE),
}

# Assigning a request to someone on the support team, in any status.
ASSIGN = Move(frozenset(Status), CHANGE)


def move_allowed(*, from_status: str, to_status: str) -> bool:
    move = MOVES.get(to_status)
    return move is not None and from_status in move.from_statuses


def next_statuses(from_status: str) -> list[Status]:
    """The statuses a request in `from_status` may move to, in the table's order."""
    return [to_status for to_status in MOVES if move_allowed(from_status=from_status, to_status=to_status)]
