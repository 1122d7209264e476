"""
The open requests by arrival: the monthly summary counts those open at a month's end from it.
"""

from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("support", "0030_open_assigned_index"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddIndex(
            model_name="contactrequest",
            index=models.Index(
                condition=models.Q(("status", "closed"), _negated=True),
                fields=["received_at"],
                name="contact_open_received",
            ),
        ),
    ]
