"""Support staff may read the canned replies; support leads add and change them."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ROLES = {
    "Support staff": [
        "view_contactrequest",
        "change_contactrequest",
        "view_contactnote",
        "add_contactnote",
        "view_statuschange",
        "view_warningphrase",
        "view_cannedreply",
    ],
    "Support leads": [
        "view_warningphrase",
        "add_warningphrase",
        "change_warningphrase",
        "view_cannedreply",
        "add_cannedreply",
        "change_cannedreply",
    ],
}


def set_roles(apps, schema_editor):
    app_config = apps.get_app_config("support")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in ROLES.items():
        permissions = Permission.objects.filter(content_type__app_label="support", codename__in=codenames)
        if permissions.count() != len(codenames):
            raise RuntimeError(f"Some permissions for {name} do not exist: {codenames}")
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set(permissions)


class Migration(migrations.Migration):
    dependencies = [("support", "0013_email_thread")]
    operations = [migrations.RunPython(set_roles, migrations.RunPython.noop)]
