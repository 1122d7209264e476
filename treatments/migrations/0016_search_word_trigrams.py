"""
A trigram index on the words of the public pages, for "Did you mean …?"
(PostgreSQL's pg_trgm, a trusted extension), and the word list filled from
the pages approved so far.
"""

from django.db import DatabaseError, migrations, transaction


def add_trigram_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    try:
        with transaction.atomic():
            schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    except DatabaseError as error:
        print(f"\n  pg_trgm not available ({error}); search will not suggest spellings.")
        return
    schema_editor.execute(
        "CREATE INDEX IF NOT EXISTS search_word_trgm ON treatments_searchword USING gin (word gin_trgm_ops)"
    )


def drop_trigram_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS search_word_trgm")


def fill_words(apps, schema_editor):
    """The list is built by migration 0028 (with the columns it has since gained)."""


class Migration(migrations.Migration):
    dependencies = [("treatments", "0015_search_words")]
    operations = [
        migrations.RunPython(add_trigram_index, drop_trigram_index),
        migrations.RunPython(fill_words, migrations.RunPython.noop),
    ]
