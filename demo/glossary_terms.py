"""
Demo glossary definitions, written for development in plain English, each
written by the demo nurse and approved by the demo approver (four eyes).
"""

from treatments.glossary import services as glossary
from treatments.models import GlossaryTerm

from .treatment_articles import _demo_staff

# term -> (other forms, definition)
DEMO_TERMS = {
    "Mesothelioma": ("", "A cancer of the thin lining that covers the lungs or the tummy (abdomen)."),
    "Pleura": ("pleural", "The thin lining around the lungs and inside the chest wall."),
    "Immunotherapy": (
        "immunotherapies",
        "A treatment that helps your immune system find and attack cancer cells.",
    ),
    "Chemotherapy": ("chemo", "Medicines that kill cancer cells or stop them growing."),
    "Radiotherapy": (
        "",
        "A treatment that uses high-energy rays, like strong X-rays, to destroy cancer cells.",
    ),
    "Checkpoint inhibitor": (
        "checkpoint inhibitors",
        "A type of immunotherapy that stops cancer cells switching off the immune cells that would attack them.",
    ),
    "Clinical trial": (
        "clinical trials",
        "A research study that tests a new treatment, or a new way of giving one.",
    ),
    "Multidisciplinary team": (
        "MDT",
        "The group of specialists, such as doctors, nurses and surgeons, who plan your care together.",
    ),
    "Pleural effusion": ("fluid on the lung", "A build-up of fluid between the lung and the chest wall."),
    "Intravenous": ("intravenous drip", "Given through a thin tube into a vein."),
    "Palliative care": ("palliative", "Care that eases symptoms and helps you live as well as you can."),
}


def demo_glossary_load() -> int:
    """Create and approve the demo definitions that do not exist yet. Returns how many were created."""
    nurse, approver = _demo_staff()
    created = 0
    for term, (forms, definition) in DEMO_TERMS.items():
        if GlossaryTerm.objects.filter(term__iexact=term).exists():
            continue
        saved = glossary.glossary_term_save(
            term=GlossaryTerm(term=term, other_forms=forms, definition=definition), editor=nurse
        )
        glossary.glossary_term_approve(
            term=saved, approver=approver, seen_fingerprint=glossary.glossary_term_fingerprint(saved)
        )
        created += 1
    return created
