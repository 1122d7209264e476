"""
The support-staff role. Contact requests hold health details, so this group
(and superusers) are the only ones who can see them. Nobody can add or delete
requests in the admin: they come from the public form and leave by the purge
command. Notes can be added, never changed or deleted.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Support staff"
CODENAMES = [
    "view_contactrequest",
    "change_contactrequest",
    "view_contactnote",
    "add_contactnote",
    "view_statuschange",
]


def create_group(apps, schema_editor):
    app_config = apps.get_app_config("support")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP)
    permissions = Permission.objects.filter(content_type__app_label="support", codename__in=CODENAMES)
    if permissions.count() != len(CODENAMES):
        raise RuntimeError(f"Some permissions for {GROUP} do not exist: {CODENAMES}")
    group.permissions.set(permissions)


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("support", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
