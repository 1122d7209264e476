"""
Re-render the page fragments of every version with the structure pass
(treatments/normalise.py: no empty paragraphs or headings, no image without a
picture, tables with a header row), which pages no longer run on each view.
Only the derived fields change; what was approved stays as it was.
"""

from django.db import migrations


def rerender(apps, schema_editor):
    from treatments.rendering import render_version_fragments

    ArticleVersion = apps.get_model("treatments", "ArticleVersion")
    for version in ArticleVersion.objects.only("body", "sources").iterator():
        fragments = render_version_fragments(body=version.body, sources=version.sources)
        ArticleVersion.objects.filter(pk=version.pk).update(**fragments)


class Migration(migrations.Migration):
    dependencies = [("treatments", "0025_glossary_approved_columns_removed")]
    operations = [migrations.RunPython(rerender, migrations.RunPython.noop)]
