"""
The support-staff role: contact requests hold health details.

The groups and their permissions are set from the app's roles.py after every
migrate (post_migrate, core/roles.py), so this step keeps its place in the
history but copies no list of permissions.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("support", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = []
