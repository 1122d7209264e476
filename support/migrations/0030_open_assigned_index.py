"""
"My requests" counted from an index of each person's open requests alone.
"""

from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("support", "0029_kept_month_figures"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddIndex(
            model_name="contactrequest",
            index=models.Index(
                condition=models.Q(("status", "closed"), _negated=True),
                fields=["assigned_to"],
                name="contact_open_assigned",
            ),
        ),
    ]
