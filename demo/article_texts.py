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

WOOLHOUSE_2018 = {
    "authors": "Woolhouse I, et al.",
    "title": (
        "British Thoracic Society Guideline for the investigation and management of malignant pleural "
        "mesothelioma"
    ),
    "publisher": "Thorax",
    "year": 2018,
    "volume_pages": "73(Suppl 1):i1-i30",
}
OPITZ_2020 = {
    "authors": "Opitz I, Scherpereel A, et al.",
    "title": "ERS/ESTS/EACTS/ESTRO guidelines for the management of malignant pleural mesothelioma",
    "publisher": "European Journal of Cardio-Thoracic Surgery",
    "year": 2020,
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
    "url": "https://www.nice.org.uk/guidance/ta818",
    "accessed_days_ago": 40,
}
LIM_2024 = {
    "authors": "Lim E, et al.",
    "title": (
        "Extended pleurectomy decortication and chemotherapy versus chemotherapy alone for pleural "
        "mesothelioma (MARS 2): a phase 3 randomised controlled trial"
    ),
    "publisher": "Lancet Respiratory Medicine",
    "year": 2024,
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
    "volume_pages": "307(22):2383-2389",
}
NIHR_BE_PART = {
    "authors": "National Institute for Health and Care Research",
    "title": "Be Part of Research",
    "publisher": "bepartofresearch.nihr.ac.uk",
    "url": "https://bepartofresearch.nihr.ac.uk/",
    "accessed_days_ago": 30,
}
CRUK_TRIALS = {
    "authors": "Cancer Research UK",
    "title": "Find a clinical trial",
    "publisher": "cancerresearchuk.org",
    "url": "https://www.cancerresearchuk.org/about-cancer/find-a-clinical-trial",
    "accessed_days_ago": 30,
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
# Citations ("[2]") are the numbers of the article's own sources, in order.
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
<p>Your immune system protects your body from illness. It is made of cells that find and kill germs and other harmful cells. Cancer cells can hide from it. They can also switch off the immune cells that would attack them.</p>
<p>Immunotherapy is a treatment that helps your immune system find cancer cells and attack them again [3, 4].</p>
<blockquote class="key-facts"><ul>
<li>Immunotherapy helps your own immune system attack mesothelioma.</li>
<li>It is given through a drip, usually every 2 to 3 weeks.</li>
<li>Tell your team about any new symptom straight away.</li>
</ul></blockquote>
<h2>How it works</h2>
<p>The type used most for mesothelioma is called a checkpoint inhibitor. A checkpoint is like a switch on an immune cell. Cancer cells can press this switch to turn the immune cell off. A checkpoint inhibitor blocks the switch. This lets the immune cell keep working.</p>
<p>The drugs have long names. You may hear your team talk about:</p>
<ul>
<li>nivolumab</li>
<li>ipilimumab</li>
<li>pembrolizumab</li>
</ul>
<p>Some other types, such as cancer vaccines, are mostly used in research studies. These are called clinical trials.</p>
<h2>Who may have it</h2>
<p>Your team will talk to you about whether it is right for you. It is often offered when surgery cannot remove the cancer.</p>
<p>In England, the NHS offers nivolumab with ipilimumab as a first treatment to adults who are well enough. This means you are fully active, or able to do light work [5].</p>
<h2>What the research shows</h2>
<p>In a large study, people who had nivolumab with ipilimumab as their first treatment lived for about 18 months on average. People who had chemotherapy lived for about 14 months on average [1].</p>
<p>In a smaller study, the cancer had come back after earlier treatment. After 12 weeks, the cancer had not grown in 44 out of 100 people who had nivolumab alone. It had not grown in 50 out of 100 who had both drugs [2].</p>
<p>Everyone is different. Ask your team what these numbers mean for you.</p>
<h2>How it is given</h2>
<p>You have it through a drip into a vein. This usually happens every 2 to 3 weeks, in a hospital day unit.</p>
<p>How often you have it, and for how long, depends on the drug. It also depends on how your body copes and whether it is working.</p>
<h2>Side effects</h2>
<p>Side effects are often milder than with chemotherapy. But some can be serious. They can include:</p>
<ul>
<li>feeling very tired</li>
<li>feeling as if you have flu</li>
<li>a rash and itchy skin</li>
<li>loose, watery poo (diarrhoea)</li>
<li>swelling and soreness in the lungs, bowel, liver or glands</li>
</ul>
<p><strong>Tell your team straight away about any new symptom</strong>, even if it seems small. Side effects are easier to treat when they are found early.</p>
<blockquote class="patient-quote">
<p>I was frightened before my first drip. The nurse went through each step with me, and I knew who to ring if I felt unwell.</p>
<p>— Pat, who has pleural mesothelioma</p>
</blockquote>
<h2>Questions to ask your specialist</h2>
<ul>
<li>Which drug would I have, and why?</li>
<li>How often will I need to come to hospital?</li>
<li>Who do I call if I get a new symptom at night or at the weekend?</li>
</ul>
""",
        "sources": [BAAS_2021, SCHERPEREEL_2019, NCI_IMMUNOTHERAPY, CRUK_IMMUNOTHERAPY, NICE_TA818],
        "reviewed_months_ago": 8,
    },
    {
        "slug": "chemotherapy",
        "category": "Treatments for pleural mesothelioma",
        "position": 2,
        "title": "Chemotherapy for mesothelioma",
        "summary": "Chemotherapy uses drugs to kill cancer cells. This page explains which drugs are used and how you have them.",
        "body": """
<h2>What chemotherapy is</h2>
<p>Chemotherapy uses drugs to kill cancer cells, or to stop them growing. The drugs travel all around your body in your blood.</p>
<p>For mesothelioma, chemotherapy cannot usually cure the cancer. But it can slow it down. It can also ease symptoms such as pain or breathlessness.</p>
<h2>The drugs used</h2>
<p>The usual first treatment is two drugs given together. One is called pemetrexed. The other is cisplatin or carboplatin [1, 2].</p>
<p>A large study found that people who had pemetrexed with cisplatin lived longer than people who had cisplatin alone [1]. Since then, this pair of drugs has been the standard first treatment.</p>
<p>Some people are offered immunotherapy first instead. Your team will explain which is better for you [3].</p>
<h2>How you have it</h2>
<p>You have the drugs through a drip into a vein. This happens in a hospital day unit. A visit can take most of a day.</p>
<p>You have treatment in cycles. A cycle is a dose of the drugs, then a rest of a few weeks. This gives your body time to recover. Cycles are often every 3 weeks. You may have up to 6 cycles [1].</p>
<p>Before each cycle you will have a blood test. This checks that your body is ready for the next dose.</p>
<h2>Before your first cycle</h2>
<p>Your team will tell you about any tablets to take before or after each cycle. Ask them to write it down, so you do not have to remember it all.</p>
<p>On the day, it can help to bring:</p>
<ul>
<li>a list of all the medicines you take</li>
<li>something to read or listen to</li>
<li>a drink and a snack</li>
<li>someone to keep you company and take you home</li>
</ul>
<h2>Looking after yourself</h2>
<p>Try to eat small meals often, and drink plenty. Rest when you need to. Gentle walks on good days can help you feel less tired. Tell your team if you are struggling. They can often change things to help.</p>
<h2>Side effects</h2>
<p>Everyone reacts in their own way. Common side effects include:</p>
<ul>
<li>feeling very tired</li>
<li>feeling sick</li>
<li>a sore mouth</li>
<li>a higher chance of getting an infection</li>
</ul>
<p>Chemotherapy lowers the number of white blood cells that fight infection. <strong>If you get a high temperature or feel unwell, call your hospital's 24-hour line straight away.</strong> Do not wait until the morning.</p>
<p>Most side effects go away after treatment ends.</p>
<h2>After treatment</h2>
<p>You will have check-ups and scans to see how the cancer has responded. If it grows again later, your team may talk to you about more treatment. This could be more chemotherapy, immunotherapy or a clinical trial.</p>
<h2>Questions to ask your specialist</h2>
<ul>
<li>Which drugs will I have, and how many cycles?</li>
<li>What can I do to feel less tired?</li>
<li>Who do I call if I feel unwell at home?</li>
</ul>
""",
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
        "body": """
<h2>Surgery and mesothelioma</h2>
<p>Mesothelioma grows as a thin sheet over the lining of the lung and chest wall. This lining is called the pleura. Because the cancer spreads out thinly, it is very hard to remove all of it.</p>
<p>In the past, some people had large operations to try to remove the cancer. Research now shows that for most people these operations do more harm than good [1, 2].</p>
<h2>What the research shows</h2>
<p>A UK study called MARS 2 looked at 335 people in 26 hospitals [1]. Half had surgery to remove the lining of the lung, plus chemotherapy. The other half had chemotherapy alone.</p>
<ul>
<li>People who had surgery and chemotherapy lived for about 19 months on average.</li>
<li>People who had chemotherapy alone lived for about 25 months on average.</li>
<li>More people had serious problems after surgery.</li>
</ul>
<p>An earlier, smaller UK study looked at a larger operation, which removed a whole lung [2].</p>
<p>Some surgeons think these results do not apply to everyone. So surgery is now offered to few people. It is usually only offered as part of a clinical trial, or after careful talks with a specialist team [3].</p>
<h2>Who may be offered surgery</h2>
<p>Your team will look at your scans, your health and the type of mesothelioma you have. If surgery might help you, they will explain the risks and benefits. You can take time to think. You can also ask for a second opinion.</p>
<h2>Smaller operations that can help</h2>
<p>Some smaller operations do not try to remove the cancer. Instead, they help with symptoms.</p>
<ul>
<li><strong>Taking a sample (biopsy).</strong> A small piece of tissue is taken to find out what type of cancer it is.</li>
<li><strong>Draining fluid.</strong> Fluid can build up around the lung and make you breathless. Draining it can help you breathe more easily.</li>
<li><strong>Sealing the space around the lung.</strong> This can stop fluid coming back.</li>
</ul>
<p>You can read more on our page about <a href="/treatments/fluid-on-the-lung/">breathlessness and fluid on the lung</a>.</p>
<h2>Recovering from an operation</h2>
<p>How long you stay in hospital depends on the operation. After a small operation you may go home within a few days. After a large one you may need weeks to recover. You may have pain, and feel short of breath or very tired for a while.</p>
<h2>Questions to ask your specialist</h2>
<ul>
<li>Why are you offering me this operation?</li>
<li>What could go wrong, and how likely is it?</li>
<li>What other choices do I have?</li>
<li>Could I take part in a clinical trial?</li>
</ul>
""",
        "sources": [LIM_2024, TREASURE_2011, OPITZ_2020],
        # The last full review was long ago: the page shows its review is due soon.
        "reviewed_months_ago": 34,
    },
    {
        "slug": "radiotherapy",
        "category": "Treatments for pleural mesothelioma",
        "position": 4,
        "title": "Radiotherapy for mesothelioma",
        "summary": "Radiotherapy uses high-energy rays to treat cancer. For mesothelioma it is mostly used to ease pain.",
        "body": """
<h2>What radiotherapy is</h2>
<p>Radiotherapy uses high-energy rays, like strong X-rays, to destroy cancer cells. A machine aims the rays at one part of your body. It does not hurt, and you will not feel the rays.</p>
<p>For mesothelioma, radiotherapy is mostly used to ease pain. It can shrink the cancer where it presses on nerves or bones [1].</p>
<h2>How you have it</h2>
<p>You lie on a couch under the machine. The staff leave the room while the machine is on, but they can see and hear you. Each treatment takes a few minutes.</p>
<p>For pain, you may have one treatment, or a few over one or two weeks. Your team will plan the dose for you.</p>
<p>Before treatment you will have a planning scan. Small dots may be marked on your skin. These help the staff aim the rays at the same place each time.</p>
<h2>Radiotherapy to stop cancer growing in a scar</h2>
<p>Sometimes mesothelioma grows in the place where a tube or needle went into the chest. This can happen after a biopsy or a drain.</p>
<p>A UK study called SMART looked at 203 people in 22 hospitals [1]. It asked if radiotherapy straight after the procedure would stop cancer growing in the scar.</p>
<ul>
<li>When people had radiotherapy straight away, 9 out of 100 had cancer grow in the scar.</li>
<li>When people waited until it was needed, 16 out of 100 had cancer grow in the scar.</li>
</ul>
<p>This difference could have been down to chance. So this type of radiotherapy is not usually offered. Instead, your team will check the scar. They can offer radiotherapy if a lump or pain appears.</p>
<h2>Side effects</h2>
<p>Side effects depend on the part of your body being treated. They can include:</p>
<ul>
<li>feeling tired</li>
<li>red or sore skin where the rays went in</li>
<li>feeling sick, if the area is near your stomach</li>
<li>a sore throat or pain when you swallow, if the area is near your food pipe</li>
</ul>
<p>Most side effects start during treatment and fade a few weeks after it ends. Tell your team about any side effect. They can often help.</p>
<h2>Getting to your appointments</h2>
<p>Radiotherapy is given in a specialist centre. It may be further from home than your usual hospital. Ask your team about help with travel, such as hospital transport or help with the cost. You can bring someone with you.</p>
<h2>Questions to ask your specialist</h2>
<ul>
<li>What do you hope radiotherapy will do for me?</li>
<li>How many treatments will I need?</li>
<li>What side effects might I get, and when?</li>
</ul>
""",
        "sources": [CLIVE_2016],
        # Overdue for review: the page shows the notice, and stays readable.
        "reviewed_months_ago": 38,
    },
    {
        "slug": "clinical-trials",
        "category": "Planning your care",
        "position": 1,
        "title": "Clinical trials for mesothelioma",
        "summary": "Clinical trials test new treatments. This page explains what taking part means and how to find a trial.",
        "body": """
<h2>What a clinical trial is</h2>
<p>A clinical trial is a research study with patients. It tests a new treatment, or a new way of giving a treatment that we already use. Trials help doctors find out if a new treatment works better than the one we have now.</p>
<p>Many of the treatments used for mesothelioma today were tested in trials first.</p>
<h2>Why you might take part</h2>
<ul>
<li>You may get a new treatment that is not yet offered to everyone.</li>
<li>You will be watched closely by a research team.</li>
<li>You help people with mesothelioma in the future.</li>
</ul>
<h2>Things to think about</h2>
<ul>
<li>A new treatment may not work better than the usual one.</li>
<li>It may have side effects that are not yet known.</li>
<li>You may need more hospital visits, tests and scans.</li>
<li>Some trials compare two groups. You may not be able to choose which group you are in.</li>
</ul>
<p>Taking part is always your choice. You can stop at any time. If you stop, you will still get the best usual care.</p>
<h2>Trials and surgery</h2>
<p>Some treatments combine surgery with other treatments. Experts in Europe advise that these should only be given as part of a trial [1]. This is because we do not yet know if they help.</p>
<h2>How to find a trial</h2>
<p>Ask your specialist team first. They know which trials are open near you, and which ones might suit you.</p>
<p>You can also search for trials yourself. Be Part of Research is a UK website that lists research studies. You can search by condition and by place [2]. Cancer Research UK also has a list of cancer trials you can search [3].</p>
<p>Not every trial will be right for you. Each trial has rules about who can take part. These rules keep people safe and make the results clear.</p>
<h2>What happens if you join</h2>
<p>The research team will explain the trial to you. They will give you written information to take home. You can ask questions and talk to your family before you decide. If you agree, you will sign a form to say so.</p>
<h2>Questions to ask the research team</h2>
<ul>
<li>What is the trial trying to find out?</li>
<li>What tests will I have, and how often?</li>
<li>Who do I call if I feel unwell during the trial?</li>
</ul>
<h2>Questions to ask your specialist</h2>
<ul>
<li>Is there a trial that might suit me?</li>
<li>What would taking part involve?</li>
<li>How far would I need to travel?</li>
<li>What happens when the trial ends?</li>
</ul>
""",
        "sources": [OPITZ_2020, NIHR_BE_PART, CRUK_TRIALS],
        "reviewed_months_ago": 5,
    },
    {
        "slug": "multidisciplinary-team",
        "category": "Planning your care",
        "position": 2,
        "title": "Your multidisciplinary team (MDT)",
        "summary": "A team of specialists plans your care together. This page explains who is in it and how it works.",
        "body": """
<h2>What an MDT is</h2>
<p>MDT stands for multidisciplinary team. It is a group of specialists who meet to plan your care together. Each person brings their own skills.</p>
<p>UK guidance says that everyone with mesothelioma should have their care discussed at a specialist mesothelioma MDT meeting [1].</p>
<h2>Who is in the team</h2>
<p>Your team may include:</p>
<ul>
<li>a chest doctor, who looks after your lungs</li>
<li>a cancer doctor, called an oncologist</li>
<li>a surgeon</li>
<li>a doctor who reads your scans, called a radiologist</li>
<li>a doctor who looks at tissue samples, called a pathologist</li>
<li>a doctor who helps with symptoms, called a palliative care doctor</li>
<li>a specialist nurse</li>
</ul>
<h2>Your specialist nurse</h2>
<p>You should have a named lung cancer or mesothelioma nurse specialist [1]. This nurse is often your main contact. They can:</p>
<ul>
<li>explain your tests and treatment</li>
<li>help with symptoms and side effects</li>
<li>tell you about support, such as money advice</li>
<li>pass your questions to the rest of the team</li>
</ul>
<p>Keep their phone number somewhere safe.</p>
<h2>What happens at the meeting</h2>
<p>The team looks at your scans and test results. They talk about your health and what matters to you. Then they agree which treatments to offer you.</p>
<p>You do not go to the meeting. Afterwards, a doctor or nurse will talk to you about what the team thinks. You can then decide together what to do.</p>
<h2>Your say in your care</h2>
<p>The team makes suggestions, but the choice is yours. You can say no to a treatment. You can ask for more time to decide, or for a second opinion.</p>
<p>It can help to write your questions down before you see the team. You can bring someone with you to listen and take notes.</p>
<h2>Getting ready for an appointment</h2>
<p>Appointments can feel rushed, and it is easy to forget things. These tips may help.</p>
<ul>
<li>Write down your questions beforehand, most important first.</li>
<li>Bring a list of your medicines and any symptoms you have noticed.</li>
<li>Ask the doctor or nurse to explain anything you do not understand.</li>
<li>Ask for a copy of any letters about your care.</li>
</ul>
<p>If you think of a question afterwards, call your specialist nurse. No question is too small. The team would rather you ask than worry at home.</p>
<h2>When your care changes</h2>
<p>The team may talk about your care again later. This can happen if a scan shows a change, or if you start a new treatment. Your nurse will tell you what the team decided each time.</p>
<h2>Questions to ask</h2>
<ul>
<li>Who is my main contact, and how do I reach them?</li>
<li>What did the team suggest, and why?</li>
<li>What happens if I choose not to have treatment?</li>
</ul>
""",
        "sources": [WOOLHOUSE_2018],
        "reviewed_months_ago": 20,
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
        "body": """
<h2>Why fluid builds up</h2>
<p>The lung has a thin lining called the pleura. Mesothelioma can make fluid collect between this lining and the chest wall. This is called a pleural effusion.</p>
<p>The fluid presses on the lung. This makes it hard for the lung to fill with air. So you may feel breathless, even when you rest.</p>
<p><strong>If you suddenly get much more breathless, call your team or NHS 111. In an emergency, call 999.</strong></p>
<h2>Draining the fluid</h2>
<p>A doctor can drain the fluid with a thin tube. You will have a numbing injection first. Most people feel much less breathless once the fluid is gone.</p>
<p>But the fluid often comes back. So your team may offer a way to stop it coming back, or a drain that stays in.</p>
<h2>Two ways to manage it</h2>
<p>There are two main ways.</p>
<ul>
<li><strong>Talc to seal the space.</strong> A tube drains the fluid. Then a sterile powder called talc is put in. It makes the lung stick to the chest wall, so fluid cannot collect. This is called pleurodesis. You stay in hospital for a few days.</li>
<li><strong>A drain that stays in.</strong> A soft, thin tube stays under the skin of your chest. At home, a nurse or someone close to you drains the fluid into a bottle. This is often done two or three times a week.</li>
</ul>
<p>A UK study called TIME2 compared these two ways [1]. Both eased breathlessness by about the same amount. People with the drain that stays in had a shorter first stay in hospital.</p>
<p>Your team will help you choose. It depends on your health, your lung and what matters to you.</p>
<h2>Looking after a drain at home</h2>
<p>If you have a drain that stays in, a nurse will show you and your family how to look after it. Keep the dressing clean and dry. Call your team if the skin around it becomes red, sore or hot, or if you get a high temperature.</p>
<h2>Living with breathlessness</h2>
<p>Even without fluid, you may feel short of breath. Some things can help.</p>
<ul>
<li>Sit upright and lean forward a little, with your arms resting on a table.</li>
<li>Breathe in through your nose and out slowly through your mouth.</li>
<li>Use a small fan to blow cool air on your face.</li>
<li>Plan your day, and rest between tasks.</li>
</ul>
<p>Your team can also teach you breathing exercises. They may offer medicines to help you feel less breathless.</p>
<h2>Questions to ask your specialist</h2>
<ul>
<li>Is fluid making me breathless?</li>
<li>Which way of managing it would suit me best?</li>
<li>Who will drain it if I have a drain at home?</li>
<li>Who do I call if I get more breathless?</li>
</ul>
""",
        "sources": [DAVIES_2012],
        "reviewed_months_ago": 3,
    },
    {
        "slug": "supportive-care",
        "category": "Living with mesothelioma",
        "position": 1,
        "title": "Supportive and palliative care",
        "summary": "Supportive care helps you feel as well as possible, whatever treatment you have.",
        "body": """
<h2>What supportive care is</h2>
<p>Supportive care helps with symptoms such as pain, breathlessness and tiredness. It also helps with worry, money and everyday life. You can have it at any stage, alongside other treatment.</p>
<p>Palliative care is supportive care from a specialist team. It helps you live as well as you can, for as long as you can. It is not only for the last weeks of life. Many people see the palliative care team soon after they are diagnosed.</p>
<h2>Who gives it</h2>
<p>Your specialist nurse is often the first person to ask [1]. They can put you in touch with:</p>
<ul>
<li>the hospital or community palliative care team</li>
<li>your GP and district nurses</li>
<li>a local hospice, which may offer day visits, therapies and advice</li>
</ul>
<h2>Help with symptoms</h2>
<ul>
<li><strong>Pain.</strong> Pain can often be eased with medicines. Radiotherapy can help pain in one place. Tell your team if pain stops you sleeping or doing what you want to do.</li>
<li><strong>Breathlessness.</strong> Fluid on the lung can be drained. Breathing exercises, a small fan and medicines can also help.</li>
<li><strong>Tiredness.</strong> Plan your day, and do the things that matter most when you have the most energy. Rest between tasks.</li>
<li><strong>Eating.</strong> Small meals and snacks are often easier than big meals. A dietitian can help if you are losing weight.</li>
</ul>
<h2>Your feelings</h2>
<p>It is normal to feel shocked, angry, low or afraid. Talking can help. You can talk to your specialist nurse, your GP, or a counsellor. You can also call our support line.</p>
<h2>Help for family and carers</h2>
<p>Caring for someone can be tiring and lonely. Carers can ask for their own support, such as a break from caring, or help at home. Your team or local council can tell you what is available.</p>
<h2>Money and practical help</h2>
<p>You may be able to get benefits or other payments. Ask your specialist nurse or our support line about advice on money and benefits.</p>
<h2>Planning ahead</h2>
<p>Some people find it helps to think about the care they would want in the future. You can write down what matters to you, where you would like to be cared for, and who should speak for you if you cannot. You can change your mind at any time. Your nurse or GP can help you start.</p>
<h2>Questions to ask your team</h2>
<ul>
<li>Can I see the palliative care team?</li>
<li>Who do I call at night or at the weekend?</li>
<li>What help is there for the people who care for me?</li>
</ul>
""",
        "sources": [WOOLHOUSE_2018],
        "never_approved": True,
    },
]
