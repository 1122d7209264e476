"""
Searches that found nothing were kept with whatever people typed, their own
details included (an email address, an NHS number). New ones are kept without
them (core/personal_data.py); the ones kept before cannot be told apart once
reduced to words, so they are cleared. They were advice for the content plan,
kept 90 days; nothing else depends on them.
"""

from django.db import migrations


def clear(apps, schema_editor):
    apps.get_model("treatments", "UnfoundSearch").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("treatments", "0020_source_link_not_followed")]
    operations = [migrations.RunPython(clear, migrations.RunPython.noop)]
