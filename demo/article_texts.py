"""
Demo treatment articles, written for this site in plain English.
Facts come from the charity's content brief; every sentence is our own.
"""

SCHERPEREEL_2019 = {
    "authors": "Scherpereel A, et al.",
    "title": (
        "Nivolumab or nivolumab plus ipilimumab in patients with relapsed malignant pleural "
        "mesothelioma (IFCT-1501 MAPS2)"
    ),
    "publisher": "Lancet Oncology",
    "year": 2019,
    "volume_pages": "20(2):239-253",
}
BAAS_2021 = {
    "authors": "Baas P, et al.",
    "title": "First-line nivolumab plus ipilimumab in unresectable malignant pleural mesothelioma (CheckMate 743)",
    "publisher": "Lancet",
    "year": 2021,
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
    "volume_pages": "21(14):2636-2644",
}
NCI_IMMUNOTHERAPY = {
    "authors": "National Cancer Institute",
    "title": "Immunotherapy to Treat Cancer",
    "publisher": "cancer.gov",
    "url": "https://www.cancer.gov/about-cancer/treatment/types/immunotherapy",
    "accessed_days_ago": 40,
}
CRUK_IMMUNOTHERAPY = {
    "authors": "Cancer Research UK",
    "title": "Immunotherapy",
    "publisher": "cancerresearchuk.org",
    "url": "https://www.cancerresearchuk.org/about-cancer/treatment/immunotherapy",
    "accessed_days_ago": 40,
}

CATEGORIES = [
    ("Treatments for pleural mesothelioma", 1),
    ("Planning your care", 2),
    ("Living with mesothelioma", 3),
]

# Each article: its place, its text, its sources, and the demo story it tells.
#   reviewed_months_ago: when its last full clinical review was
#   pending_edit: an edit made after approval, waiting for sign-off
#   never_approved: a draft the public never sees
ARTICLES = [
    {
        "slug": "immunotherapy",
        "category": "Treatments for pleural mesothelioma",
        "position": 1,
        "title": "Immunotherapy for mesothelioma",
        "summary": (
            "Immunotherapy helps your immune system find and attack cancer cells. "
            "This page explains how it works, how it is given and the side effects to look out for."
        ),
        "body": """
<h2>What immunotherapy is</h2>
<p>Your immune system protects your body from illness. Cancer cells can hide from it, or switch off the immune cells that would attack them.</p>
<p>Immunotherapy is a treatment that helps your immune system find cancer cells and attack them again [3, 4].</p>
<blockquote class="key-facts"><ul>
<li>Immunotherapy helps your own immune system attack mesothelioma.</li>
<li>It is given through a drip, usually every 2 to 3 weeks.</li>
<li>Tell your team about any new symptom straight away.</li>
</ul></blockquote>
<h2>Types of immunotherapy</h2>
<p>The type used most for mesothelioma is called a <strong>checkpoint inhibitor</strong>. A checkpoint is a switch on an immune cell. Cancer cells can press this switch to turn the immune cell off. Checkpoint inhibitors block the switch, so the immune cell keeps working.</p>
<ul>
<li>PD-1 inhibitors, such as nivolumab and pembrolizumab</li>
<li>PD-L1 inhibitors, such as atezolizumab, avelumab and durvalumab</li>
<li>the CTLA-4 inhibitor ipilimumab</li>
</ul>
<p>Other types, such as cancer vaccines and CAR-T cell therapy, are mostly used in research studies (clinical trials).</p>
<h2>Who may have it</h2>
<p>Your specialist team will talk to you about whether immunotherapy is right for you. It is often offered when surgery cannot remove the mesothelioma.</p>
<p>In a large study, people with pleural mesothelioma who had nivolumab with ipilimumab as their first treatment lived for about 18 months on average. People who had chemotherapy lived for about 14 months on average [1]. Everyone is different, so ask your team what this means for you.</p>
<h2>How it is given</h2>
<p>You have immunotherapy through a drip into a vein (an intravenous drip). This usually happens every 2 to 3 weeks in a hospital day unit.</p>
<p>How often you have it, and for how long, depends on the drug, how your body reacts and whether it is working.</p>
<h2>Side effects</h2>
<p>Side effects are often milder than with chemotherapy, but some can be serious. They can include:</p>
<ul>
<li>feeling very tired</li>
<li>flu-like symptoms</li>
<li>a skin rash and itching</li>
<li>diarrhoea</li>
<li>swelling and soreness (inflammation) in organs such as the lungs, bowel, liver or hormone glands</li>
</ul>
<p><strong>Tell your team straight away about any new symptom</strong>, even if it seems small. Side effects are easier to treat when they are found early.</p>
<blockquote class="patient-quote">
<p>I was frightened before my first drip. The nurse went through each step with me, and I knew who to ring if I felt unwell.</p>
<p>— Pat, who has pleural mesothelioma</p>
</blockquote>
<h2>Questions to ask your specialist</h2>
<ul>
<li>Which immunotherapy would I have, and why?</li>
<li>How often will I need to come to hospital?</li>
<li>Who do I call if I get a new symptom at night or at the weekend?</li>
</ul>
""",
        "sources": [BAAS_2021, SCHERPEREEL_2019, NCI_IMMUNOTHERAPY, CRUK_IMMUNOTHERAPY],
        "reviewed_months_ago": 8,
    },
    {
        "slug": "chemotherapy",
        "category": "Treatments for pleural mesothelioma",
        "position": 2,
        "title": "Chemotherapy for mesothelioma",
        "summary": (
            "Chemotherapy uses drugs to kill cancer cells. "
            "This page explains which drugs are used for mesothelioma and what having them is like."
        ),
        "body": """
<h2>What chemotherapy is</h2>
<p>Chemotherapy uses drugs that kill cancer cells, or stop them from growing. The drugs travel around your whole body in your blood.</p>
<h2>Which drugs are used</h2>
<p>The usual first treatment is a drug called pemetrexed, given together with either cisplatin or carboplatin.</p>
<h2>How it is given</h2>
<p>You have the drugs through a drip into a vein. You have them in cycles. A cycle is a treatment day followed by a rest, so your body can recover. Cycles are usually every 3 weeks, and most people have up to about 6 cycles.</p>
<h2>Side effects</h2>
<p>Chemotherapy can cause tiredness, feeling sick and a higher risk of infection. Your team will give you medicines to help, and tell you who to call if you feel unwell.</p>
<h2>Questions to ask your specialist</h2>
<ul>
<li>How many cycles will I have?</li>
<li>What should I do if I get a temperature?</li>
</ul>
""",
        "sources": [VOGELZANG_2003, BAAS_2021],
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
            "Surgery is not suitable for most people with mesothelioma. "
            "This page explains when it may be offered and what to ask your team."
        ),
        "body": """
<h2>Can surgery help?</h2>
<p>Mesothelioma grows as a thin layer over the lining of the lung. This makes it very hard to remove completely with an operation.</p>
<p>For most people, surgery is not the main treatment. Other treatments, such as immunotherapy or chemotherapy, are often offered instead.</p>
<h2>When surgery may be offered</h2>
<p>Your specialist team looks at your scans, your general health and how far the mesothelioma has spread. They decide together whether an operation could help you.</p>
<p>Sometimes a smaller operation is done to help with symptoms, for example to drain fluid that has built up around the lung and makes you breathless.</p>
<h2>Questions to ask your specialist</h2>
<ul>
<li>Is surgery an option for me? If not, why not?</li>
<li>What would the operation involve, and how long would I take to recover?</li>
<li>What are the other choices?</li>
</ul>
""",
        "sources": [BAAS_2021, VOGELZANG_2003],
        # Due again within 90 days: shows on the review dashboard.
        "reviewed_months_ago": 34,
    },
    {
        "slug": "radiotherapy",
        "category": "Treatments for pleural mesothelioma",
        "position": 4,
        "title": "Radiotherapy for mesothelioma",
        "summary": (
            "Radiotherapy uses high-energy rays to treat cancer. "
            "For mesothelioma it is mostly used to ease symptoms such as pain."
        ),
        "body": """
<h2>What radiotherapy is</h2>
<p>Radiotherapy uses high-energy rays, like strong X-rays, to damage cancer cells in one part of the body.</p>
<h2>How it can help</h2>
<p>Radiotherapy is not usually used to treat mesothelioma as a whole. It is mostly used to ease symptoms, such as pain in the chest wall.</p>
<h2>What happens</h2>
<p>You lie on a couch under a machine for a few minutes. It does not hurt and you cannot feel the rays. You may have one treatment or a few, on different days.</p>
<h2>Side effects</h2>
<p>You may feel tired, and the skin over the treated area may become red or sore. Tell your team about any side effect.</p>
""",
        "sources": [BAAS_2021, VOGELZANG_2003],
        # Overdue: its review date has passed, so the page shows the notice.
        "reviewed_months_ago": 38,
    },
    {
        "slug": "clinical-trials",
        "category": "Planning your care",
        "position": 1,
        "title": "Clinical trials for mesothelioma",
        "summary": (
            "Clinical trials test new treatments. "
            "This page explains what taking part means and how to find out if there is a trial for you."
        ),
        "body": """
<h2>What a clinical trial is</h2>
<p>A clinical trial is a research study that tests a new treatment, or a new way of using a treatment, with people who agree to take part.</p>
<p>Many treatments used today were first tested in trials. For example, a French trial called MAPS2 tested immunotherapy in 125 people whose pleural mesothelioma had come back. After 12 weeks, the cancer had not grown in 44% of people who had nivolumab alone, and in 50% of people who had nivolumab with ipilimumab.</p>
<h2>Should I take part?</h2>
<p>Taking part is always your choice. You can say no, or stop at any time, and you will still get the best standard care.</p>
<h2>How to find a trial</h2>
<p>Ask your specialist team whether there is a trial that could suit you. Our nurses can also help you find out about trials and what to ask.</p>
""",
        "sources": [SCHERPEREEL_2019, BAAS_2021],
        "reviewed_months_ago": 5,
    },
    {
        "slug": "multidisciplinary-team",
        "category": "Planning your care",
        "position": 2,
        "title": "Your multidisciplinary team (MDT)",
        "summary": (
            "A team of specialists plans your treatment together. "
            "This page explains who they are and how they decide."
        ),
        "body": """
<h2>What an MDT is</h2>
<p>A multidisciplinary team, or MDT, is a group of specialists who meet to plan your care. They look at your test results together and agree which treatments to offer you.</p>
<h2>Who is in the team</h2>
<ul>
<li>a cancer doctor (oncologist)</li>
<li>a chest doctor</li>
<li>a surgeon</li>
<li>a doctor who reads scans (radiologist)</li>
<li>a specialist nurse, who is often your main contact</li>
</ul>
<h2>Your part in the decision</h2>
<p>The team will explain the treatments they suggest, such as immunotherapy or chemotherapy. You decide what is right for you. It is fine to ask for time to think, or to bring someone with you.</p>
""",
        "sources": [BAAS_2021, VOGELZANG_2003],
        "reviewed_months_ago": 20,
    },
    {
        "slug": "supportive-care",
        "category": "Living with mesothelioma",
        "position": 1,
        "title": "Supportive and palliative care",
        "summary": "Supportive care helps you feel as well as possible, whatever treatment you have.",
        "body": """
<h2>What supportive care is</h2>
<p>Supportive care, also called palliative care, controls symptoms such as pain and breathlessness. You can have it at any stage, alongside other treatment.</p>
<h2>Draining fluid</h2>
<p>Fluid can build up around the lung and make you breathless. A small tube (a pleural drain) can remove it.</p>
""",
        "sources": [NCI_IMMUNOTHERAPY, CRUK_IMMUNOTHERAPY],
        "never_approved": True,
    },
]
