"""
A glossary definition's workflow, in the shape every sign-off shares
(core/sign_off.py): saving puts the working copy before an approver, and an
approver who did not change it makes it the public wording.
"""

from core.sign_off import Action

from ..workflow import Status

ACTIONS: dict[str, Action] = {
    # Not a button: saving the definition in the admin, in any status.
    "edit": Action(
        from_statuses=frozenset({Status.DRAFT, Status.AWAITING_APPROVAL, Status.PUBLISHED}),
        permission="treatments.change_glossaryterm",
        to_statuses=frozenset({Status.AWAITING_APPROVAL}),
        refusal="",
    ),
    "approve": Action(
        from_statuses=frozenset({Status.AWAITING_APPROVAL}),
        permission="treatments.approve_glossaryterm",
        to_statuses=frozenset({Status.PUBLISHED}),
        refusal="This definition has no changes waiting for approval.",
        signs_draft=True,
    ),
}

FOUR_EYES_REFUSAL = "A definition must be approved by someone who did not write or change it."
