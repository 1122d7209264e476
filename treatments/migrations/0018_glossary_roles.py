"""Nurses write glossary definitions; clinical approvers read and approve them."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ADDED = {
    "Nurse editors": ["view_glossaryterm", "add_glossaryterm", "change_glossaryterm"],
    "Clinical approvers": ["view_glossaryterm", "approve_glossaryterm"],
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
    dependencies = [("treatments", "0017_glossary")]
    operations = [migrations.RunPython(forwards, backwards)]
