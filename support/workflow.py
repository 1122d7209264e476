"""
A contact request's workflow in one table, in the shape every workflow here
shares (core/sign_off.py): each action, the statuses it may start from, the
permission it needs, where it leads and what a refused person is told. The
services (support/services.py) refuse what it does not allow, and the
admin's status choices are built from it.
"""

from django.db import models

from core.sign_off import Action, moves_of


class Status(models.TextChoices):
    NEW = "new", "New"
    IN_PROGRESS = "in_progress", "In progress"
    WAITING = "waiting", "Waiting for reply"
    CLOSED = "closed", "Closed"


CHANGE = "support.change_contactrequest"

ACTIONS: dict[str, Action] = {
    "start": Action(
        from_statuses=frozenset({Status.NEW, Status.WAITING, Status.CLOSED}),
        permission=CHANGE,
        to_statuses=frozenset({Status.IN_PROGRESS}),
        refusal="Only a new, waiting or closed request can be moved to In progress.",
    ),
    "wait": Action(
        from_statuses=frozenset({Status.NEW, Status.IN_PROGRESS}),
        permission=CHANGE,
        to_statuses=frozenset({Status.WAITING}),
        refusal="Only a new or in-progress request can wait for their reply.",
    ),
    # Closing also needs an outcome (checked by the service).
    "close": Action(
        from_statuses=frozenset({Status.NEW, Status.IN_PROGRESS, Status.WAITING}),
        permission=CHANGE,
        to_statuses=frozenset({Status.CLOSED}),
        refusal="This request is already closed.",
    ),
    # Giving a request to someone on the support team, in any status; the status stays as it is.
    "assign": Action(
        from_statuses=frozenset(Status),
        permission=CHANGE,
        to_statuses=frozenset(),
        refusal="",
    ),
}


def action_to(to_status: str) -> Action | None:
    """The action that moves a request to `to_status`, if any does."""
    return next((action for action in ACTIONS.values() if to_status in action.to_statuses), None)


def move_allowed(*, from_status: str, to_status: str) -> bool:
    return (from_status, to_status) in moves_of(ACTIONS)


def next_statuses(from_status: str) -> list[Status]:
    """The statuses a request in `from_status` may move to, in the table's order."""
    return [
        to_status
        for action in ACTIONS.values()
        for to_status in action.to_statuses
        if move_allowed(from_status=from_status, to_status=to_status)
    ]
