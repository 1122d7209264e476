"""The request row no longer keeps its emails' state: SupportEmail rows do (0022)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("support", "0022_outbox"),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name="contactrequest",
            name="support_con_staff_n_48ad4b_idx",
        ),
        migrations.RemoveField(
            model_name="contactrequest",
            name="acknowledged_at",
        ),
        migrations.RemoveField(
            model_name="contactrequest",
            name="notify_after",
        ),
        migrations.RemoveField(
            model_name="contactrequest",
            name="notify_attempts",
        ),
        migrations.RemoveField(
            model_name="contactrequest",
            name="notify_last_error",
        ),
        migrations.RemoveField(
            model_name="contactrequest",
            name="staff_notified_at",
        ),
        migrations.RemoveField(
            model_name="contactrequest",
            name="urgent_alerted_at",
        ),
    ]
