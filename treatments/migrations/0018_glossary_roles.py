"""
Nurses write glossary definitions; clinical approvers read and approve them.

The groups and their permissions are set from the app's roles.py after every
migrate (post_migrate, core/roles.py), so this step keeps its place in the
history but copies no list of permissions.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("treatments", "0017_glossary")]

    operations = []
