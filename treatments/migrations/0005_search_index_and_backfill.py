"""
The GIN index behind site search, and search data for versions approved
before search existed. PostgreSQL only: SQLite has no tsvector or GIN, and
the development fallback searches the plain text instead.
"""

import re
from html import unescape

from django.db import migrations

INDEX = "treatments_articleversion_search_gin"


def _plain_text(html):
    with_breaks = re.sub(r"</(p|h2|h3|h4|li|blockquote|figcaption|tr|caption)>|<br>", "\n", html or "")
    lines = (unescape(re.sub(r"<[^>]+>", "", line)).strip() for line in with_breaks.splitlines())
    return "\n".join(line for line in lines if line)


def _source_text(source):
    parts = [
        source.get(key) or "" for key in ("authors", "title", "publisher", "year", "volume_pages", "url")
    ]
    return " ".join(str(part) for part in parts if part)


def forwards(apps, schema_editor):
    ArticleVersion = apps.get_model("treatments", "ArticleVersion")
    postgres = schema_editor.connection.vendor == "postgresql"
    for version in ArticleVersion.objects.all():
        # "<" before a letter reads as a tag to PostgreSQL's parser: keep the words after it.
        body_text = re.sub(r"<(?=[A-Za-z/!?])", "< ", _plain_text(version.body))
        ArticleVersion.objects.filter(pk=version.pk).update(body_text=body_text)
        if postgres:
            sources_text = " ".join(_source_text(source) for source in version.sources)
            schema_editor.execute(
                "UPDATE treatments_articleversion SET search_vector = "
                "setweight(to_tsvector('english', %s), 'A') || setweight(to_tsvector('english', %s), 'B') || "
                "setweight(to_tsvector('english', %s), 'C') || setweight(to_tsvector('english', %s), 'D') "
                "WHERE id = %s",
                [version.title, version.summary, body_text, sources_text, version.pk],
            )
    if postgres:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON treatments_articleversion USING GIN (search_vector)"
        )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("treatments", "0004_search_feedback_leaflets")]

    operations = [migrations.RunPython(forwards, backwards)]
