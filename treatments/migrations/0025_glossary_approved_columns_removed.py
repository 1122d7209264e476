"""The approved wording lives in GlossaryTermVersion now (0024), and who edited a draft in GlossaryTermEdit."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("treatments", "0024_glossary_versions"),
    ]

    operations = [
        migrations.RemoveField(
            model_name="glossaryterm",
            name="approved_at",
        ),
        migrations.RemoveField(
            model_name="glossaryterm",
            name="approved_by",
        ),
        migrations.RemoveField(
            model_name="glossaryterm",
            name="approved_definition",
        ),
        migrations.RemoveField(
            model_name="glossaryterm",
            name="approved_other_forms",
        ),
        migrations.RemoveField(
            model_name="glossaryterm",
            name="approved_term",
        ),
        migrations.RemoveField(
            model_name="glossaryterm",
            name="draft_editor_ids",
        ),
    ]
