"""Let the clinical roles read page feedback, and nurses manage leaflets."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ADDED = {
    "Nurse editors": [
        "view_pagefeedback",
        "view_articleresource",
        "add_articleresource",
        "change_articleresource",
        "delete_articleresource",
    ],
    "Clinical approvers": ["view_pagefeedback", "view_articleresource"],
}


def forwards(apps, schema_editor):
    app_config = apps.get_app_config("treatments")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in ADDED.items():
        permissions = Permission.objects.filter(content_type__app_label="treatments", codename__in=codenames)
        if permissions.count() != len(codenames):
            raise RuntimeError(f"Some permissions for {name} do not exist: {codenames}")
        Group.objects.get(name=name).permissions.add(*permissions)


def backwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in ADDED.items():
        permissions = Permission.objects.filter(content_type__app_label="treatments", codename__in=codenames)
        Group.objects.get(name=name).permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [("treatments", "0005_search_index_and_backfill")]

    operations = [migrations.RunPython(forwards, backwards)]
