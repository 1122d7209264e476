"""
Support staff may read the canned replies; support leads add and change them.

The groups and their permissions are set from the app's roles.py after every
migrate (post_migrate, core/roles.py), so this step keeps its place in the
history but copies no list of permissions.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("support", "0013_email_thread")]

    operations = []
