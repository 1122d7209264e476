"""
Store the page fragments (body with section anchors, "On this page", rendered
sources) of versions approved before 0008 added them, so every version is
rendered the same way and the article page needs no fallback.

Versions are immutable records, so this fills only the derived, empty fields.
"""

from django.db import migrations


def backfill(apps, schema_editor):
    from treatments.rendering import render_version_fragments

    ArticleVersion = apps.get_model("treatments", "ArticleVersion")
    for version in ArticleVersion.objects.filter(body_html="").only("body", "sources").iterator():
        fragments = render_version_fragments(body=version.body, sources=version.sources)
        ArticleVersion.objects.filter(pk=version.pk).update(**fragments)


class Migration(migrations.Migration):
    dependencies = [
        ("treatments", "0009_text_rule"),
    ]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
