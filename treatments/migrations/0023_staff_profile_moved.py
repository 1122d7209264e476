"""Staff profiles now belong to the staff app (staff 0001): only Django's record of them leaves here."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("treatments", "0022_outbox"),
        ("staff", "0001_staff_profile"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="StaffProfile")],
            database_operations=[],
        ),
    ]
