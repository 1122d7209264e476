"""
The monthly summary's settled months, kept (MonthFigures): a view counts only the
months still open to change, and a month's figures outlive its requests.
"""

import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("support", "0028_summary_from_the_database_and_list_indexes"),
    ]

    operations = [
        migrations.CreateModel(
            name="MonthFigures",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("month", models.DateField(help_text="The first day of the month.")),
                (
                    "figures",
                    models.JSONField(
                        help_text="Counts and response times only: nothing anyone wrote or gave."
                    ),
                ),
                ("kept_at", models.DateTimeField(default=django.utils.timezone.now)),
            ],
            options={
                "verbose_name_plural": "month figures",
                "ordering": ["-month"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("month",),
                        name="month_figures_month_unique",
                        violation_error_message="Each month's figures are kept once.",
                    )
                ],
            },
        ),
    ]
