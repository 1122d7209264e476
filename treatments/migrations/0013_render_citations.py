"""
Re-render the page fragments of every version, so citation markers ("[2]")
already in approved text link to their sources and the sources link back.
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
    dependencies = [("treatments", "0012_notification_outbox")]
    operations = [migrations.RunPython(rerender, migrations.RunPython.noop)]
