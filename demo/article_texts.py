"""
Demo treatment articles, written for this site in plain English.
Facts come from the charity's content brief; every sentence is our own.

Each source has its publication date (the printed issue's, where the day the
journal put it online first is not recorded here); web pages have none, and
are checked on the day of each page's review, as the trust checks ask.
"""

import datetime
from pathlib import Path

D = datetime.date
PAGES = Path(__file__).parent / "pages"


def _body(slug: str) -> str:
    """An article's text, kept as HTML in demo/pages/<slug>.html."""
    return (PAGES / f"{slug}.html").read_text(encoding="utf-8")


SCHERPEREEL_2019 = {
    "authors": "Scherpereel A, et al.",
    "title": (
        "Nivolumab or nivolumab plus ipilimumab in patients with relapsed malignant pleural "
        "mesothelioma (IFCT-1501 MAPS2)"
    ),
    "publisher": "Lancet Oncology",
    "year": 2019,
    "published_on": D(2019, 2, 1),
    "volume_pages": "20(2):239-253",
}
BAAS_2021 = {
    "authors": "Baas P, et al.",
    "title": "First-line nivolumab plus ipilimumab in unresectable malignant pleural mesothelioma (CheckMate 743)",
    "publisher": "Lancet",
    "year": 2021,
    "published_on": D(2021, 1, 30),
    "volume_pages": "397(10272):375-386",
}
VOGELZANG_2003 = {
    "authors": "Vogelzang NJ, et al.",
    "title": (
        "Phase III study of pemetrexed in combination with cisplatin versus cisplatin alone in patients "
        "with malignant pleural mesothelioma"
    ),
    "publisher": "Journal of Clinical Oncology",
    "year": 2003,
    "published_on": D(2003, 7, 15),
    "volume_pages": "21(14):2636-2644",
}
NCI_IMMUNOTHERAPY = {
    "authors": "National Cancer Institute",
    "title": "Immunotherapy to Treat Cancer",
    "publisher": "cancer.gov",
    "url": "https://www.cancer.gov/about-cancer/treatment/types/immunotherapy",
    "checked_at_review": True,
}
CRUK_IMMUNOTHERAPY = {
    "authors": "Cancer Research UK",
    "title": "Immunotherapy",
    "publisher": "cancerresearchuk.org",
    "url": "https://www.cancerresearchuk.org/about-cancer/treatment/immunotherapy",
    "checked_at_review": True,
}

WOOLHOUSE_2018 = {
    "authors": "Woolhouse I, et al.",
    "title": (
        "British Thoracic Society Guideline for the investigation and management of malignant pleural "
        "mesothelioma"
    ),
    "publisher": "Thorax",
    "year": 2018,
    "published_on": D(2018, 3, 1),
    "volume_pages": "73(Suppl 1):i1-i30",
}
OPITZ_2020 = {
    "authors": "Opitz I, Scherpereel A, et al.",
    "title": "ERS/ESTS/EACTS/ESTRO guidelines for the management of malignant pleural mesothelioma",
    "publisher": "European Journal of Cardio-Thoracic Surgery",
    "year": 2020,
    "published_on": D(2020, 7, 1),
    "volume_pages": "58(1):1-24",
    "doi": "10.1093/ejcts/ezaa158",
}
NICE_TA818 = {
    "authors": "National Institute for Health and Care Excellence",
    "title": (
        "Nivolumab with ipilimumab for untreated unresectable malignant pleural mesothelioma "
        "(technology appraisal guidance TA818)"
    ),
    "publisher": "NICE",
    "year": 2022,
    "published_on": D(2022, 8, 3),
    "url": "https://www.nice.org.uk/guidance/ta818",
    "checked_at_review": True,
}
LIM_2024 = {
    "authors": "Lim E, et al.",
    "title": (
        "Extended pleurectomy decortication and chemotherapy versus chemotherapy alone for pleural "
        "mesothelioma (MARS 2): a phase 3 randomised controlled trial"
    ),
    "publisher": "Lancet Respiratory Medicine",
    "year": 2024,
    "published_on": D(2024, 6, 1),
    "volume_pages": "12(6):457-466",
    "doi": "10.1016/S2213-2600(24)00119-X",
}
TREASURE_2011 = {
    "authors": "Treasure T, et al.",
    "title": (
        "Extra-pleural pneumonectomy versus no extra-pleural pneumonectomy for patients with malignant "
        "pleural mesothelioma: clinical outcomes of the Mesothelioma and Radical Surgery (MARS) randomised "
        "feasibility study"
    ),
    "publisher": "Lancet Oncology",
    "year": 2011,
    "published_on": D(2011, 8, 1),
    "volume_pages": "12(8):763-772",
}
CLIVE_2016 = {
    "authors": "Clive AO, et al.",
    "title": (
        "Prophylactic radiotherapy for the prevention of procedure-tract metastases after surgical and "
        "large-bore pleural procedures in malignant pleural mesothelioma (SMART): a multicentre, open-label, "
        "phase 3, randomised controlled trial"
    ),
    "publisher": "Lancet Oncology",
    "year": 2016,
    "published_on": D(2016, 8, 1),
    "volume_pages": "17(8):1094-1104",
    "doi": "10.1016/S1470-2045(16)30095-X",
}
DAVIES_2012 = {
    "authors": "Davies HE, et al.",
    "title": (
        "Effect of an indwelling pleural catheter vs chest tube and talc pleurodesis for relieving dyspnea "
        "in patients with malignant pleural effusion: the TIME2 randomized controlled trial"
    ),
    "publisher": "JAMA",
    "year": 2012,
    "published_on": D(2012, 6, 13),
    "volume_pages": "307(22):2383-2389",
}
NIHR_BE_PART = {
    "authors": "National Institute for Health and Care Research",
    "title": "Be Part of Research",
    "publisher": "bepartofresearch.nihr.ac.uk",
    "url": "https://bepartofresearch.nihr.ac.uk/",
    "checked_at_review": True,
}
CRUK_TRIALS = {
    "authors": "Cancer Research UK",
    "title": "Find a clinical trial",
    "publisher": "cancerresearchuk.org",
    "url": "https://www.cancerresearchuk.org/about-cancer/find-a-clinical-trial",
    "checked_at_review": True,
}

POPAT_2022 = {
    "authors": "Popat S, et al.",
    "title": (
        "Malignant pleural mesothelioma: ESMO Clinical Practice Guidelines for diagnosis, treatment and "
        "follow-up"
    ),
    "publisher": "Annals of Oncology",
    "year": 2022,
    "published_on": D(2022, 2, 1),
    "volume_pages": "33(2):129-142",
    "doi": "10.1016/j.annonc.2021.11.005",
}
KUSAMURA_2021 = {
    "authors": "Kusamura S, et al.",
    "title": (
        "Peritoneal mesothelioma: PSOGI/EURACAN clinical practice guidelines for diagnosis, treatment and "
        "follow-up"
    ),
    "publisher": "European Journal of Surgical Oncology",
    "year": 2021,
    "published_on": D(2021, 1, 1),
    "volume_pages": "47(1):36-59",
    "doi": "10.1016/j.ejso.2020.02.012",
}
NICE_NG142 = {
    "authors": "National Institute for Health and Care Excellence",
    "title": "End of life care for adults: service delivery (NICE guideline NG142)",
    "publisher": "NICE",
    "year": 2019,
    "published_on": D(2019, 10, 16),
    "url": "https://www.nice.org.uk/guidance/ng142",
    "checked_at_review": True,
}
GOVUK_DIFFUSE_MESOTHELIOMA = {
    "authors": "GOV.UK",
    "title": "Diffuse mesothelioma payments",
    "publisher": "gov.uk",
    "url": "https://www.gov.uk/diffuse-mesothelioma-payment",
    "checked_at_review": True,
}
GOVUK_IIDB = {
    "authors": "GOV.UK",
    "title": "Industrial Injuries Disablement Benefit",
    "publisher": "gov.uk",
    "url": "https://www.gov.uk/industrial-injuries-disablement-benefit",
    "checked_at_review": True,
}
DMPS = {
    "authors": "Diffuse Mesothelioma Payment Scheme",
    "title": "Diffuse Mesothelioma Payment Scheme",
    "publisher": "mesoscheme.org.uk",
    "url": "https://www.mesoscheme.org.uk/",
    "checked_at_review": True,
}

CATEGORIES = [
    ("About mesothelioma", 0),
    ("Treatments for pleural mesothelioma", 1),
    ("Planning your care", 2),
    ("Living with mesothelioma", 3),
]

# Each article: its place, its text, its sources, and the demo story it tells.
#   reviewed_months_ago: when its last full clinical review was (after every source it cites)
#   pending_edit: an edit made after approval, waiting for sign-off
# Citations ("[2]") are the numbers of the article's own sources, in order.
ARTICLES = [
    {
        "slug": "peritoneal-mesothelioma",
        "category": "About mesothelioma",
        "position": 1,
        "title": "Peritoneal mesothelioma",
        "summary": (
            "Peritoneal mesothelioma starts in the lining of the tummy. "
            "This page explains the signs, how it is found and how it can be treated."
        ),
        "sources": [KUSAMURA_2021],
        "reviewed_months_ago": 1,
    },
    {
        "slug": "tests-and-diagnosis",
        "category": "About mesothelioma",
        "position": 2,
        "title": "Tests, diagnosis, stage and cell type",
        "summary": (
            "The tests that find mesothelioma, and what the cell type and stage mean for your treatment."
        ),
        "sources": [WOOLHOUSE_2018, POPAT_2022, BAAS_2021],
        "reviewed_months_ago": 1,
    },
    {
        "slug": "immunotherapy",
        "category": "Treatments for pleural mesothelioma",
        "position": 1,
        "title": "Immunotherapy for mesothelioma",
        "summary": (
            "Immunotherapy helps your immune system find and attack cancer cells. "
            "This page explains who may have it, how it is given and the side effects to look out for."
        ),
        "sources": [BAAS_2021, SCHERPEREEL_2019, NCI_IMMUNOTHERAPY, CRUK_IMMUNOTHERAPY, NICE_TA818],
        "reviewed_months_ago": 8,
    },
    {
        "slug": "chemotherapy",
        "category": "Treatments for pleural mesothelioma",
        "position": 2,
        "title": "Chemotherapy for mesothelioma",
        "summary": (
            "Chemotherapy uses drugs to kill cancer cells. "
            "This page explains which drugs are used, how you have them and when to call for help."
        ),
        "sources": [VOGELZANG_2003, WOOLHOUSE_2018, NICE_TA818],
        "reviewed_months_ago": 14,
        "pending_edit": {
            "summary": (
                "Chemotherapy uses drugs to kill cancer cells. "
                "This page explains which drugs are used, how you have them and how to cope with side effects."
            ),
            "body_append": """
<h2>Coping with side effects</h2>
<p>Rest when you need to, and try short walks on days you feel able. Eat small meals often if you feel sick. Tell your team if side effects stop you eating or drinking.</p>
""",
        },
    },
    {
        "slug": "surgery",
        "category": "Treatments for pleural mesothelioma",
        "position": 3,
        "title": "Surgery for mesothelioma",
        "summary": (
            "Surgery to remove mesothelioma is now offered to few people. "
            "This page explains why, and what other operations can help."
        ),
        "sources": [LIM_2024, TREASURE_2011, OPITZ_2020],
        "reviewed_months_ago": 20,
    },
    {
        "slug": "radiotherapy",
        "category": "Treatments for pleural mesothelioma",
        "position": 4,
        "title": "Radiotherapy for mesothelioma",
        "summary": (
            "Radiotherapy uses high-energy rays to treat cancer. "
            "For mesothelioma it is mostly used to ease pain."
        ),
        "sources": [WOOLHOUSE_2018, CLIVE_2016],
        # Overdue for review: the page shows the notice, and stays readable.
        "reviewed_months_ago": 38,
    },
    {
        "slug": "clinical-trials",
        "category": "Planning your care",
        "position": 1,
        "title": "Clinical trials for mesothelioma",
        "summary": "Clinical trials test new treatments. This page explains what taking part means and how to find a trial.",
        "sources": [OPITZ_2020, NIHR_BE_PART, CRUK_TRIALS, LIM_2024],
        "reviewed_months_ago": 5,
    },
    {
        "slug": "multidisciplinary-team",
        "category": "Planning your care",
        "position": 2,
        "title": "Your multidisciplinary team (MDT)",
        "summary": "A team of specialists plans your care together. This page explains who is in it and how it works.",
        "sources": [WOOLHOUSE_2018],
        # Its review falls due within three months: the dashboard lists it as due soon.
        "reviewed_months_ago": 34,
    },
    {
        "slug": "compensation-and-benefits",
        "category": "Planning your care",
        "position": 3,
        "title": "Compensation, benefits and legal help",
        "summary": (
            "Most people with mesothelioma can claim money. "
            "This page explains the payments, the time limits, the inquest and where to get free advice."
        ),
        "sources": [GOVUK_IIDB, GOVUK_DIFFUSE_MESOTHELIOMA, DMPS],
        "reviewed_months_ago": 1,
    },
    {
        "slug": "living-with-mesothelioma",
        "category": "Living with mesothelioma",
        "position": 1,
        "title": "Living with mesothelioma: symptoms, feelings and care",
        "summary": (
            "Help with symptoms and feelings at every stage, support for carers, "
            "and care towards the end of life."
        ),
        "sources": [WOOLHOUSE_2018, NICE_NG142],
        "reviewed_months_ago": 2,
    },
    {
        "slug": "fluid-on-the-lung",
        "category": "Living with mesothelioma",
        "position": 2,
        "title": "Breathlessness and fluid on the lung",
        "summary": (
            "Fluid can build up around the lung and make you breathless. "
            "This page explains how it can be drained and stopped from coming back."
        ),
        "sources": [DAVIES_2012],
        "reviewed_months_ago": 3,
    },
]
for _article in ARTICLES:
    _article["body"] = _body(_article["slug"])
