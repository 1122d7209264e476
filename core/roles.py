"""
Making role groups match the permissions each app's roles.py declares. A role
is a group name and its permissions as "app_label.codename", so one role can
hold permissions in several apps (nurses read staff profiles). Every app with
roles connects `role_groups_receiver` in its AppConfig.ready: after every
migrate (and every flush) the groups are exactly what roles.py says, in every
database; no migration copies the lists.
"""

import contextlib

from django.contrib.auth.models import Group, Permission
from django.db.models import Q

# Where group and user permissions live (the other backend, django-axes, holds none).
PERMISSION_BACKEND = "django.contrib.auth.backends.ModelBackend"


def permissions_in(app_label: str, *codenames: str) -> frozenset[str]:
    """Codenames of one app, as the "app_label.codename" names a role holds."""
    return frozenset(f"{app_label}.{codename}" for codename in codenames)


def role_groups_sync(roles: dict[str, frozenset[str]]) -> None:
    """Create each role's group if missing and give it exactly its permissions."""
    for name, wanted in roles.items():
        query = Q(pk__in=[])
        for permission in wanted:
            app_label, codename = permission.split(".")
            query |= Q(content_type__app_label=app_label, codename=codename)
        permissions = list(Permission.objects.filter(query).select_related("content_type"))
        found = {f"{p.content_type.app_label}.{p.codename}" for p in permissions}
        if found != wanted:
            raise LookupError(f"Permissions for {name} do not exist: {sorted(wanted - found)}")
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set(permissions)


def role_groups_receiver(roles: dict[str, frozenset[str]]):
    """
    A post_migrate receiver that makes the role groups match `roles`. Skipped
    while their permissions do not all exist yet (a migrate to an earlier
    state, or an app whose permissions come later); the next full migrate syncs.
    """

    def sync(sender, **kwargs):
        with contextlib.suppress(LookupError):
            role_groups_sync(roles)

    return sync
