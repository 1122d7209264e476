"""
A source's publication date, and newer editions of sources as nurses record
them: the trust checks compare both with a page's last full review.
"""

import django.core.validators
import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

import core.text


class Migration(migrations.Migration):
    dependencies = [
        ("treatments", "0026_version_fragments_structure"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="source",
            name="published_on",
            field=models.DateField(
                blank=True,
                help_text="When it was first published (online, if that came first). Left empty, it is filled in from the DOI or PubMed ID when the sources are next checked; you can correct it.",
                null=True,
                verbose_name="published on",
            ),
        ),
        migrations.CreateModel(
            name="NewerEdition",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "replaces_title",
                    models.CharField(
                        blank=True,
                        help_text="As the pages cite it; matched whatever the capital letters.",
                        max_length=400,
                        validators=[core.text.validate_single_line_text],
                        verbose_name="title of the older edition",
                    ),
                ),
                (
                    "replaces_doi",
                    models.CharField(
                        blank=True,
                        max_length=200,
                        validators=[
                            django.core.validators.RegexValidator(
                                "^10\\.\\d{4,9}/[^\\s]+$",
                                "A DOI starts with “10.”, then digits, a slash and the item's own part, with no spaces.",
                            )
                        ],
                        verbose_name="DOI of the older edition",
                    ),
                ),
                (
                    "replaces_url",
                    models.URLField(blank=True, max_length=500, verbose_name="link to the older edition"),
                ),
                (
                    "title",
                    models.CharField(
                        help_text="Its full citation.",
                        max_length=400,
                        validators=[core.text.validate_single_line_text],
                        verbose_name="the newer edition",
                    ),
                ),
                ("published_on", models.DateField(verbose_name="newer edition published on")),
                (
                    "url",
                    models.URLField(blank=True, max_length=500, verbose_name="link to the newer edition"),
                ),
                ("recorded_at", models.DateTimeField(default=django.utils.timezone.now, editable=False)),
                (
                    "recorded_by",
                    models.ForeignKey(
                        editable=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "ordering": ["-published_on", "title"],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(
                            ("replaces_doi", ""), ("replaces_title", ""), ("replaces_url", ""), _negated=True
                        ),
                        name="newer_edition_names_what_it_replaces",
                        violation_error_message="Say which edition it replaces: its title, DOI or link.",
                    )
                ],
            },
            bases=(core.text.RejectNulBytesMixin, models.Model),
        ),
    ]
