"""
Signing clinical content off, whatever the content (an article, a glossary
definition): one shape of workflow table, one fingerprint of the draft a
person read, one four-eyes rule.

- A workflow table maps each action to the statuses it may start from, the
  permission it needs, where it leads and what a refused person is told. The
  services refuse what the table does not allow and the admin offers exactly
  what it allows, so a button never offers what a service refuses.
- A sign-off names the fingerprint of the draft the approver's page showed;
  the service compares it with the draft's now, under the row lock, so
  nobody signs off text they did not read.
- Nobody who changed a draft since it was last approved may approve it.
"""

import hashlib
import json
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied

from .refusals import Refused


@dataclass(frozen=True)
class Action:
    from_statuses: frozenset[str]
    permission: str  # "app_label.codename"
    to_statuses: frozenset[str]
    refusal: str  # shown when the object's status does not allow the action
    # A sign-off of the draft the user read: refused unless the fingerprint the
    # user's page carried is the draft's now.
    signs_draft: bool = False


def action_allowed(action: Action, *, status: str, user) -> bool:
    """Whether `user` may take `action` on something in `status`."""
    return status in action.from_statuses and user.has_perm(action.permission)


def action_permission_check(action: Action, *, user, doing: str) -> None:
    if not user.has_perm(action.permission):
        raise PermissionDenied(f"You do not have permission to {doing}.")


def action_status_check(action: Action, *, status: str, error: type[Refused] = Refused) -> None:
    if status not in action.from_statuses:
        raise error(action.refusal)


def moves_of(actions: dict[str, Action]) -> set[tuple[str, str]]:
    """Every (from, to) status pair some action can make, for the audit trail's sake."""
    return {
        (from_status, to_status)
        for action in actions.values()
        for from_status in action.from_statuses
        for to_status in action.to_statuses
        if from_status != to_status
    }


def draft_fingerprint(draft: dict) -> str:
    """A digest of exactly the draft a person is shown (canonical JSON, SHA-256)."""
    canonical = json.dumps(draft, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def editor_ids_since(edits, *, approved_at, last_editor_id: int | None) -> set[int]:
    """
    Everyone who changed a working copy since it was last approved: the editors
    in its edit history (`edits`, rows with `editor` and `at`) after
    `approved_at` (all of them when it was never approved), and its last editor.
    """
    if approved_at is not None:
        edits = edits.filter(at__gt=approved_at)
    return set(edits.values_list("editor_id", flat=True)) | {last_editor_id}


def four_eyes_check(*, editor_ids: set[int], approver, refusal: str, error: type[Refused] = Refused) -> None:
    """
    Refuse an approver who changed the draft since it was last approved:
    anyone, superusers included, as a second person must check every change.
    """
    if approver.pk in editor_ids:
        raise error(refusal)
