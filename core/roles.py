"""Making role groups match the permission sets that each app's roles.py declares."""

import contextlib

from django.contrib.auth.models import Group, Permission

# Where group and user permissions live (the other backend, django-axes, holds none).
PERMISSION_BACKEND = "django.contrib.auth.backends.ModelBackend"


def role_groups_sync(*, app_label: str, roles: dict[str, frozenset[str]]) -> None:
    """Create each role's group if missing and give it exactly its permissions in `app_label`."""
    for name, codenames in roles.items():
        permissions = Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
        found = set(permissions.values_list("codename", flat=True))
        if found != codenames:
            raise LookupError(f"Permissions for {name} do not exist: {sorted(codenames - found)}")
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set(permissions)


def role_groups_receiver(*, app_label: str, roles: dict[str, frozenset[str]]):
    """
    A post_migrate receiver that makes the app's role groups match `roles`
    after every migrate, and after every flush (which empties the tables data
    migrations filled). Skipped while the app's permissions do not all exist
    yet (a migrate to an earlier state); the next full migrate syncs.
    """

    def sync(sender, **kwargs):
        with contextlib.suppress(LookupError):
            role_groups_sync(app_label=app_label, roles=roles)

    return sync
