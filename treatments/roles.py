"""
The clinical roles: the groups staff are put in, and what each may do.

After every migrate (and flush) the groups are made to match this module
(post_migrate, core/roles.py); tests/treatments/test_roles.py checks it.
"""

from django.contrib.auth import get_user_model
from django.db.models import QuerySet

from core.roles import PERMISSION_BACKEND, permissions_in

NURSE_EDITORS = "Nurse editors"
CLINICAL_APPROVERS = "Clinical approvers"

_READ_ONLY = permissions_in(
    "treatments",
    "view_article",
    "view_source",
    "view_category",
    "view_articleversion",
    "view_articlereview",
    "view_articletransition",
    "view_pagefeedback",
    "view_articleresource",
    "view_glossaryterm",
    "view_neweredition",
    "view_searchsynonym",
) | permissions_in("staff", "view_staffprofile")

# Group name -> permissions ("app_label.codename").
ROLES: dict[str, frozenset[str]] = {
    # Write and edit articles, their sources and leaflets, and submit them.
    NURSE_EDITORS: _READ_ONLY
    | permissions_in(
        "treatments",
        "add_article",
        "change_article",
        "add_source",
        "change_source",
        "delete_source",
        "add_category",
        "change_category",
        "add_articleresource",
        "change_articleresource",
        "delete_articleresource",
        "add_glossaryterm",
        "change_glossaryterm",
        "add_neweredition",
        "change_neweredition",
        "add_searchsynonym",
        "change_searchsynonym",
    ),
    # Read everything, approve, return, record reviews, withdraw and restore. They do
    # not edit text, so they are never the last editor of what they approve.
    CLINICAL_APPROVERS: _READ_ONLY
    | permissions_in("treatments", "approve_article", "archive_article", "approve_glossaryterm"),
}


def clinical_team() -> QuerySet:
    """Active staff who can edit or approve articles, by group or direct permission; not superusers as such."""
    User = get_user_model()
    return (
        User.objects.with_perm(
            "treatments.change_article", include_superusers=False, backend=PERMISSION_BACKEND
        )
        | User.objects.with_perm(
            "treatments.approve_article", include_superusers=False, backend=PERMISSION_BACKEND
        )
    ).filter(is_active=True)
