"""
The first list of warning phrases. Support leads add, change and switch them
off in the admin; this list only starts it.

Symptoms that need same-day help in people having cancer treatment follow the
red flags of the UK Oncology Nursing Society's 24-hour triage tool (UKONS),
written in the words people use in messages. Suicide and self-harm phrases
follow the NHS page "Help for suicidal thoughts".
"""

from django.db import migrations

UKONS = "UKONS 24-hour triage tool (UK Oncology Nursing Society): red-flag symptoms"
NHS_SUICIDAL = "NHS: Help for suicidal thoughts (nhs.uk)"

UNWELL = [
    # Breathing
    "breathless",
    "breathlessness",
    "short of breath",
    "shortness of breath",
    "can't breathe",
    "cannot breathe",
    "cant breathe",
    "struggling to breathe",
    "difficulty breathing",
    "hard to breathe",
    "gasping for breath",
    # Chest pain
    "chest pain",
    "pain in my chest",
    "pain in his chest",
    "pain in her chest",
    "tight chest",
    "chest tightness",
    # Bleeding
    "coughing up blood",
    "coughing blood",
    "blood in phlegm",
    "blood in sputum",
    "vomiting blood",
    "bleeding that won't stop",
    # Infection during chemotherapy or immunotherapy
    "high temperature",
    "temperature of 38",
    "fever",
    "feverish",
    "shivering",
    "shivers",
    "shaking chills",
    "hot and cold",
    "sepsis",
    "neutropenic",
    # Bowel (immunotherapy colitis, chemotherapy)
    "diarrhoea",
    "diarrhea",
    "the runs",
    "watery stools",
    "watery poo",
    "blood in poo",
    "blood in stools",
    # Other red flags
    "vomiting",
    "can't keep fluids down",
    "can't keep anything down",
    "not passed urine",
    "yellow skin",
    "yellow eyes",
    "jaundice",
    "very confused",
    "suddenly confused",
    "had a fit",
    "having fits",
    "seizure",
    "collapsed",
    "fainted",
    "unconscious",
    "severe pain",
    "swollen leg",
    "swelling in my leg",
    "blistering rash",
    "skin peeling",
]

SELF_HARM = [
    "suicide",
    "suicidal",
    "kill myself",
    "killing myself",
    "end my life",
    "end it all",
    "take my own life",
    "self-harm",
    "harm myself",
    "hurt myself",
    "don't want to live",
    "dont want to live",
    "no reason to live",
    "better off dead",
    "wish I was dead",
    "overdose",
]


def seed(apps, schema_editor):
    WarningPhrase = apps.get_model("support", "WarningPhrase")
    WarningPhrase.objects.bulk_create(
        [WarningPhrase(phrase=phrase, kind="unwell", source=UKONS) for phrase in UNWELL]
        + [WarningPhrase(phrase=phrase, kind="self_harm", source=NHS_SUICIDAL) for phrase in SELF_HARM]
    )


def unseed(apps, schema_editor):
    WarningPhrase = apps.get_model("support", "WarningPhrase")
    WarningPhrase.objects.filter(phrase__in=UNWELL + SELF_HARM).delete()


class Migration(migrations.Migration):
    dependencies = [("support", "0008_urgent_flag")]
    operations = [migrations.RunPython(seed, unseed)]
