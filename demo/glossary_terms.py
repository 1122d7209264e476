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
    # Words heard in clinic that the pages use.
    "Biopsy": ("biopsies", "Taking a small piece of tissue to look at under a microscope."),
    "Pemetrexed": ("Alimta", "A chemotherapy drug for mesothelioma, given through a drip into a vein."),
    "Cisplatin": (
        "carboplatin",
        "Chemotherapy drugs often given with pemetrexed. Carboplatin is a close relative of cisplatin.",
    ),
    "Pleurodesis": (
        "talc pleurodesis",
        "Sealing the space between the lung and the chest wall, often with talc, so fluid cannot collect there again.",
    ),
    "Indwelling pleural catheter": (
        "IPC, PleurX",
        "A soft, thin tube left in the chest, so that fluid around the lung can be drained at home.",
    ),
    "Median": ("", "The middle figure: half the people in a study had a result above it, and half below."),
    "Pleurectomy decortication": (
        "P/D, extended pleurectomy decortication",
        "An operation to remove the lining of the lung and of the chest wall.",
    ),
    "Extra-pleural pneumonectomy": ("EPP", "An operation to remove a whole lung and the lining around it."),
    "HIPEC": ("", "Heated chemotherapy washed through the tummy during an operation, for a short time."),
    "Cytoreductive surgery": ("", "An operation to remove as much of the cancer as possible."),
    "Thoracoscopy": ("", "Looking inside the chest with a thin tube and a camera, through a small cut."),
    "Laparoscopy": ("keyhole surgery", "Looking inside the tummy with a tiny camera, through small cuts."),
    "Ascites": ("", "A build-up of fluid in the tummy."),
    "Peritoneum": ("", "The thin lining inside the tummy that covers the organs there."),
    "CT scan": ("CT scans", "A scan that uses X-rays to take detailed pictures of the inside of the body."),
    "PET-CT scan": ("", "A scan that shows how active cells are in different parts of the body."),
    "Epithelioid": (
        "",
        "The most common type of mesothelioma cell. It usually grows more slowly than the others.",
    ),
    "Lymph nodes": ("lymph node", "Small glands that are part of the immune system."),
    "Steroids": (
        "steroid",
        "Medicines that calm swelling and inflammation. They treat serious side effects of immunotherapy.",
    ),
    "Acute oncology line": (
        "24-hour acute oncology line",
        "A phone line, open day and night, for people having cancer treatment who feel unwell.",
    ),
    "Inquest": ("", "A legal inquiry, led by a coroner, into how and why a person died."),
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
