"""The staff profile table takes the staff app's name."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("staff", "0001_staff_profile"),
        ("treatments", "0023_staff_profile_moved"),
    ]

    operations = [
        migrations.AlterModelTable(name="staffprofile", table=None),
    ]
