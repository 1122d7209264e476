"""
Let the clinical roles read page feedback, and nurses manage leaflets.

The groups and their permissions are set from the app's roles.py after every
migrate (post_migrate, core/roles.py), so this step keeps its place in the
history but copies no list of permissions.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("treatments", "0005_search_index_and_backfill")]

    operations = []
