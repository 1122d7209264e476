"""
Synonyms nurses keep for site search, seeded with the medicine brand names it
knew before and the names readers use that the pages do not ("pleurx",
"stage 4", "hospice"); and which words of the pages may be offered as a
spelling ("Did you mean …?"): those in titles, headings and the glossary.
"""

import re

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

import core.text

SEED = {
    # Brand names of the medicines the pages name by their generic names.
    "keytruda": "pembrolizumab",
    "opdivo": "nivolumab",
    "yervoy": "ipilimumab",
    "alimta": "pemetrexed",
    "tecentriq": "atezolizumab",
    "bavencio": "avelumab",
    "imfinzi": "durvalumab",
    # Short names and the names heard in clinic.
    "chemo": "chemotherapy",
    "radio": "radiotherapy",
    "mdt": "multidisciplinary",
    "pleurx": "indwelling pleural catheter",
    "ipc": "indwelling pleural catheter",
    "stage 4": "stage",
    "stage four": "stage",
    "hospice": "end of life, palliative",
    "end of life": "hospice, palliative",
    "p d": "pleurectomy decortication",
    "epp": "extra-pleural pneumonectomy",
    "compo": "compensation",
    "asbestos claim": "compensation",
}
WORD = re.compile(r"[^\W\d_]{3,40}")


def seed_synonyms(apps, schema_editor):
    SearchSynonym = apps.get_model("treatments", "SearchSynonym")
    for typed, finds in SEED.items():
        SearchSynonym.objects.get_or_create(typed=typed, defaults={"finds": finds})


def mark_suggestible_words(apps, schema_editor):
    """The words of live titles, headings and approved glossary terms (as search_words_refresh does)."""
    Article = apps.get_model("treatments", "Article")
    GlossaryTerm = apps.get_model("treatments", "GlossaryTerm")
    SearchWord = apps.get_model("treatments", "SearchWord")
    texts = []
    live = Article.objects.filter(live_version__isnull=False).exclude(status="archived")
    for title, sections in live.values_list("live_version__title", "live_version__sections"):
        texts += [title, *(section.get("text", "") for section in sections or [])]
    terms = GlossaryTerm.objects.filter(live_version__isnull=False)
    for term, other_forms in terms.values_list("live_version__term", "live_version__other_forms"):
        texts += [term, other_forms]
    words = {match.lower() for text in texts for match in WORD.findall(text)}
    for word in words:
        SearchWord.objects.update_or_create(word=word, defaults={"suggestible": True})


class Migration(migrations.Migration):
    dependencies = [
        ("treatments", "0027_source_dates_and_newer_editions"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="searchword",
            name="suggestible",
            field=models.BooleanField(default=False),
        ),
        migrations.CreateModel(
            name="SearchSynonym",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "active",
                    models.BooleanField(default=True, help_text="Untick to switch it off without losing it."),
                ),
                (
                    "typed",
                    models.CharField(
                        error_messages={"unique": "This is already on the list: change that entry instead."},
                        help_text="A word or a few, e.g. “pleurx” or “stage 4”. Capitals and spaces do not matter.",
                        max_length=60,
                        unique=True,
                        validators=[core.text.validate_single_line_text],
                        verbose_name="what people type",
                    ),
                ),
                (
                    "finds",
                    models.CharField(
                        help_text="The words our pages use, e.g. “indwelling pleural catheter”. Separate other names with commas: “end of life, palliative”.",
                        max_length=200,
                        validators=[core.text.validate_single_line_text],
                        verbose_name="also finds",
                    ),
                ),
                ("changed_at", models.DateTimeField(default=django.utils.timezone.now, editable=False)),
                (
                    "changed_by",
                    models.ForeignKey(
                        blank=True,
                        editable=False,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "ordering": ["typed"],
            },
            bases=(core.text.RejectNulBytesMixin, models.Model),
        ),
        migrations.RunPython(seed_synonyms, migrations.RunPython.noop),
        migrations.RunPython(mark_suggestible_words, migrations.RunPython.noop),
    ]
