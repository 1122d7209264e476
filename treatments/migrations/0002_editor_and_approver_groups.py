"""
The two clinical roles, as groups with the permissions they need and no more.

Nurse editors write and edit articles and their sources and submit them.
Clinical approvers read everything, approve, return, record reviews and
withdraw or restore; they do not edit text, so they are never the last editor
of what they approve unless they are also given editing rights.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

READ_ONLY = [
    "view_article",
    "view_source",
    "view_category",
    "view_articleversion",
    "view_articlereview",
    "view_articletransition",
    "view_staffprofile",
]

GROUPS = {
    "Nurse editors": [
        *READ_ONLY,
        "add_article",
        "change_article",
        "add_source",
        "change_source",
        "delete_source",
        "add_category",
        "change_category",
    ],
    "Clinical approvers": [*READ_ONLY, "approve_article", "archive_article"],
}


def create_groups(apps, schema_editor):
    # Permissions are normally created after all migrations run; make sure
    # this app's exist now so the groups can be given them.
    app_config = apps.get_app_config("treatments")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GROUPS.items():
        group, _ = Group.objects.get_or_create(name=name)
        permissions = Permission.objects.filter(content_type__app_label="treatments", codename__in=codenames)
        if permissions.count() != len(codenames):
            raise RuntimeError(f"Some permissions for {name} do not exist: {codenames}")
        group.permissions.set(permissions)


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("treatments", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
