"""
The article workflow in one table: each action, the statuses it may start
from, the permission it needs and the status it leads to.

The table has the shape every sign-off shares (core/sign_off.py): the
services (treatments/services.py) refuse any action it does not allow, and the
admin offers exactly the buttons it allows. The rules an action has beyond its
status (four-eyes, a first approval being a full review) stay in its service.
Glossary definitions have a table of the same shape (treatments/glossary/workflow.py).
"""

from django.db import models

from core.sign_off import Action, moves_of
from core.sign_off import action_allowed as _allowed


class Status(models.TextChoices):
    DRAFT = "draft", "Draft"
    AWAITING_APPROVAL = "awaiting_approval", "Awaiting approval"
    PUBLISHED = "published", "Published"
    ARCHIVED = "archived", "Archived"


ALL_BUT_ARCHIVED = frozenset({Status.DRAFT, Status.AWAITING_APPROVAL, Status.PUBLISHED})

ACTIONS: dict[str, Action] = {
    # Not a button: saving changes in the admin, in any status. A published
    # article becomes a draft (the public keeps its live version), and so does
    # one awaiting approval (taken back: the approvers are told); a draft or a
    # withdrawn article keeps its status.
    "edit": Action(
        from_statuses=frozenset(Status),
        permission="treatments.change_article",
        to_statuses=frozenset({Status.DRAFT}),
        refusal="",
    ),
    "submit": Action(
        from_statuses=frozenset({Status.DRAFT}),
        permission="treatments.change_article",
        to_statuses=frozenset({Status.AWAITING_APPROVAL}),
        refusal="Only a draft can be submitted for approval.",
    ),
    "approve": Action(
        from_statuses=frozenset({Status.AWAITING_APPROVAL}),
        permission="treatments.approve_article",
        to_statuses=frozenset({Status.PUBLISHED}),
        refusal="Only an article awaiting approval can be approved.",
        signs_draft=True,
    ),
    "return": Action(
        from_statuses=frozenset({Status.AWAITING_APPROVAL}),
        permission="treatments.approve_article",
        to_statuses=frozenset({Status.DRAFT}),
        refusal="Only an article awaiting approval can be returned to draft.",
        signs_draft=True,
    ),
    "confirm": Action(
        from_statuses=frozenset({Status.PUBLISHED}),
        permission="treatments.approve_article",
        to_statuses=frozenset({Status.PUBLISHED}),
        refusal=(
            "Only a published article with no unapproved edits can be confirmed as still accurate. "
            "If it has edits, approve them as a full review instead."
        ),
        signs_draft=True,
    ),
    "archive": Action(
        from_statuses=ALL_BUT_ARCHIVED,
        permission="treatments.archive_article",
        to_statuses=frozenset({Status.ARCHIVED}),
        refusal="This article is already withdrawn.",
    ),
    "restore": Action(
        from_statuses=frozenset({Status.ARCHIVED}),
        permission="treatments.archive_article",
        to_statuses=frozenset({Status.PUBLISHED, Status.DRAFT}),
        refusal="Only a withdrawn article can be restored.",
    ),
}


# Saving changes to one of these makes it a draft again ("edit" above).
BACK_TO_DRAFT_ON_EDIT = frozenset({Status.PUBLISHED, Status.AWAITING_APPROVAL})


def status_after_edit(status: str) -> str:
    """Where saving changes leaves an article in `status`."""
    return Status.DRAFT if status in BACK_TO_DRAFT_ON_EDIT else status


def action_allowed(name: str, *, status: str, user) -> bool:
    """Whether `user` may take action `name` on an article in `status`."""
    return _allowed(ACTIONS[name], status=status, user=user)


def allowed_moves() -> set[tuple[str, str]]:
    """Every (from, to) status pair some action can make, for the audit trail's sake."""
    return moves_of(ACTIONS)
