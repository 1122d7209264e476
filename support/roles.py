"""
The support roles: support staff answer requests; support leads also keep
the lists the team works from (warning phrases, and canned replies).

The support-staff role. Contact requests hold health details, so this group
is the only one whose members see them. Nobody adds or deletes requests in
the admin: they come from the public form and leave by the purge command.
Notes can be added, never changed or deleted.

The groups are made to match this module after every migrate (core/roles.py);
tests/support/test_roles.py checks it.
"""

from django.contrib.auth import get_user_model
from django.db.models import QuerySet

from core.roles import PERMISSION_BACKEND, permissions_in

SUPPORT_STAFF = "Support staff"
SUPPORT_LEADS = "Support leads"

# Group name -> permissions ("app_label.codename").
ROLES: dict[str, frozenset[str]] = {
    SUPPORT_STAFF: permissions_in(
        "support",
        "view_contactrequest",
        "change_contactrequest",
        "view_contactnote",
        "add_contactnote",
        "view_statuschange",
        "view_warningphrase",
        "view_cannedreply",
    ),
    # Leads are support staff too (both groups): this adds only what leads keep.
    SUPPORT_LEADS: permissions_in(
        "support",
        "view_warningphrase",
        "add_warningphrase",
        "change_warningphrase",
        "view_cannedreply",
        "add_cannedreply",
        "change_cannedreply",
    ),
}


def support_team() -> QuerySet:
    """
    Who can be given a request to answer: active staff allowed to change requests,
    by group or direct permission. Superusers as such are not on the team: they
    can see everything, but nobody should be assigned a request they never asked for.
    """
    return (
        get_user_model()
        .objects.with_perm(
            "support.change_contactrequest", include_superusers=False, backend=PERMISSION_BACKEND
        )
        .filter(is_active=True)
        .order_by("first_name", "last_name", "username")
    )
