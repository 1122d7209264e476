"""
Staff profiles move here from the treatments app, where they began. Only
Django's record of them moves: the table, its rows and their permissions stay
(the content type is relabelled, so groups and users keep what they held).
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

import core.text


def content_type_moved(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="treatments", model="staffprofile").update(app_label="staff")


def content_type_back(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="staff", model="staffprofile").update(app_label="treatments")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("treatments", "0022_outbox"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="StaffProfile",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        (
                            "public_name",
                            models.CharField(
                                help_text="Your name as patients will see it, e.g. “Nia Roberts”.",
                                max_length=120,
                                validators=[core.text.validate_single_line_text],
                            ),
                        ),
                        (
                            "role_title",
                            models.CharField(
                                help_text="Your role as patients will see it, e.g. “Mesothelioma clinical nurse specialist”.",
                                max_length=160,
                                validators=[core.text.validate_single_line_text],
                            ),
                        ),
                        (
                            "user",
                            models.OneToOneField(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="staff_profile",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={"verbose_name": "staff profile", "db_table": "treatments_staffprofile"},
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(content_type_moved, content_type_back),
    ]
