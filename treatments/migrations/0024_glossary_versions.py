"""Glossary definitions are signed off as articles are: an edit history and immutable approved versions."""

import hashlib
import json

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

import core.text


def _fingerprint(draft: dict) -> str:
    # As core/sign_off.draft_fingerprint computes it, written out so this step never changes.
    canonical = json.dumps(draft, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def versions_from_columns(apps, schema_editor):
    """The approved wording becomes the live version; the draft's editors become its edit history."""
    GlossaryTerm = apps.get_model("treatments", "GlossaryTerm")
    Version = apps.get_model("treatments", "GlossaryTermVersion")
    Edit = apps.get_model("treatments", "GlossaryTermEdit")
    for term in GlossaryTerm.objects.order_by("pk"):
        if term.approved_definition:
            term.live_version = Version.objects.create(
                glossary_term=term,
                term=term.approved_term,
                other_forms=term.approved_other_forms,
                definition=term.approved_definition,
                approved_by_id=term.approved_by_id or term.last_edited_by_id,
                approved_at=term.approved_at or term.changed_at,
            )
        draft = {"term": term.term, "other_forms": term.other_forms, "definition": term.definition}
        for editor_id in term.draft_editor_ids:
            Edit.objects.create(
                glossary_term=term,
                editor_id=editor_id,
                at=term.changed_at,
                draft=draft,
                fingerprint=_fingerprint(draft),
            )
        if term.status == "approved":
            term.status = "published"
        term.save(update_fields=["live_version", "status"])


def columns_from_versions(apps, schema_editor):
    GlossaryTerm = apps.get_model("treatments", "GlossaryTerm")
    for term in GlossaryTerm.objects.select_related("live_version"):
        live = term.live_version
        if live is not None:
            term.approved_term, term.approved_other_forms = live.term, live.other_forms
            term.approved_definition, term.approved_by_id, term.approved_at = (
                live.definition,
                live.approved_by_id,
                live.approved_at,
            )
        since = term.edits.all()
        if live is not None:
            since = since.filter(at__gt=live.approved_at)
        term.draft_editor_ids = sorted(set(since.values_list("editor_id", flat=True)))
        if term.status == "published":
            term.status = "approved"
        term.save()


class Migration(migrations.Migration):
    dependencies = [
        ("treatments", "0023_staff_profile_moved"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterField(
            model_name="glossaryterm",
            name="status",
            field=models.CharField(
                choices=[
                    ("draft", "Draft"),
                    ("awaiting_approval", "Awaiting approval"),
                    ("published", "Published"),
                ],
                default="draft",
                editable=False,
                max_length=20,
            ),
        ),
        migrations.CreateModel(
            name="GlossaryTermVersion",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("term", models.CharField(max_length=80)),
                ("other_forms", models.CharField(blank=True, max_length=300)),
                ("definition", models.TextField()),
                ("approved_at", models.DateTimeField(default=django.utils.timezone.now)),
                (
                    "approved_by",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "glossary_term",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="versions",
                        to="treatments.glossaryterm",
                    ),
                ),
            ],
            options={
                "ordering": ["glossary_term", "-approved_at", "-id"],
            },
            bases=(core.text.RejectNulBytesMixin, models.Model),
        ),
        migrations.AddField(
            model_name="glossaryterm",
            name="live_version",
            field=models.OneToOneField(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="live_for",
                to="treatments.glossarytermversion",
            ),
        ),
        migrations.CreateModel(
            name="GlossaryTermEdit",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("at", models.DateTimeField(default=django.utils.timezone.now)),
                ("draft", models.JSONField()),
                ("fingerprint", models.CharField(max_length=64)),
                (
                    "editor",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "glossary_term",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="edits",
                        to="treatments.glossaryterm",
                    ),
                ),
            ],
            options={
                "ordering": ["glossary_term", "-at", "-id"],
                "indexes": [
                    models.Index(fields=["glossary_term", "at"], name="treatments__glossar_4f5bb0_idx")
                ],
            },
            bases=(core.text.RejectNulBytesMixin, models.Model),
        ),
        migrations.RunPython(versions_from_columns, columns_from_versions),
    ]
