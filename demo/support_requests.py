"""
Demo support requests in every state, written for development. Every name,
number and address is fictional (Ofcom drama numbers, example.org addresses).
"""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from support import services, working_hours
from support.models import CannedReply, ContactRequest, SupportEmail
from support.roles import SUPPORT_LEADS, SUPPORT_STAFF

R = ContactRequest

# (days ago, fields, [(status, outcome)], notes)
DEMO_REQUESTS = [
    (
        0.05,
        dict(name="Rachel Evans", contact_method=R.ContactMethod.EMAIL, email="rachel.evans@example.org",
             who=R.Who.FAMILY_CARER, topic=R.Topic.SYMPTOMS,
             message="My husband had his first immunotherapy a week ago. Since Saturday he has a rash on his arms and new diarrhoea, six or seven times a day. Is this a side effect?"),
        [],
        [],
    ),
    (
        0.1,
        dict(name="Margaret Ellis", contact_method=R.ContactMethod.CALL_BACK, phone="01632 960 114",
             callback_days=["mon", "tue"], callback_time=R.CallbackTime.MORNING, voicemail_ok=True,
             who=R.Who.PATIENT, topic=R.Topic.TREATMENT,
             message="My consultant has mentioned immunotherapy. I would like to understand what it involves before my next appointment."),
        [],
        [],
    ),
    (
        0.4,
        dict(name="Dev Sharma", contact_method=R.ContactMethod.EMAIL, email="dev.sharma@example.org",
             who=R.Who.FAMILY_CARER, topic=R.Topic.SYMPTOMS,
             message="My dad is on chemotherapy and very tired. Is this normal, and what can we do to help him?"),
        [],
        [],
    ),
    (
        1,
        dict(name="Alan Brookes", contact_method=R.ContactMethod.CALL_BACK, phone="+44 1632 960 387",
             callback_time=R.CallbackTime.ANY, voicemail_ok=False,
             who=R.Who.PATIENT, topic=R.Topic.BENEFITS_LEGAL,
             message="I worked with asbestos in the 1970s. I would like to know about benefits and compensation."),
        [(R.Status.IN_PROGRESS, "")],
        [("no_answer", "Tried at 10:15, no answer. No voicemail as asked.")],
    ),
    (
        2,
        dict(name="Sue Carter", contact_method=R.ContactMethod.EMAIL, email="sue.c@example.org",
             who=R.Who.BEREAVED, topic=R.Topic.EMOTIONAL,
             message="My husband died in the spring. I am finding the evenings very hard."),
        [(R.Status.WAITING, "")],
        [("", "Emailed with details of bereavement support and offered a call.")],
    ),
    (
        3,
        dict(name="Dr Priya Nair", contact_method=R.ContactMethod.EMAIL, email="p.nair@example.org",
             who=R.Who.PROFESSIONAL, topic=R.Topic.TRIALS,
             message="Could you send information about current trials for pleural mesothelioma for a patient of mine?"),
        [(R.Status.CLOSED, R.Outcome.EMAILED)],
        [("", "Sent the clinical trials page and our trials nurse's details.")],
    ),
    (
        4,
        dict(name="Tom Fletcher", contact_method=R.ContactMethod.CALL_BACK, phone="07700 900 461",
             callback_days=["wed", "thu", "fri"], callback_time=R.CallbackTime.AFTERNOON, voicemail_ok=True,
             who=R.Who.FAMILY_CARER, topic=R.Topic.TREATMENT,
             message="Mum has been offered surgery and we are not sure. Can a nurse talk it through with us?"),
        [(R.Status.IN_PROGRESS, ""), (R.Status.CLOSED, R.Outcome.CALLED_BACK)],
        [("voicemail", "Left a voicemail with our number."), ("spoke", "Spoke to Tom for 30 minutes about surgery and questions for the MDT.")],
    ),
    (
        6,
        dict(name="Helen Price", contact_method=R.ContactMethod.CALL_BACK, phone="01632 960 902",
             callback_time=R.CallbackTime.MORNING, voicemail_ok=True,
             who=R.Who.PATIENT, topic=R.Topic.SYMPTOMS,
             message="I am getting more breathless. My drain was taken out last month."),
        [(R.Status.IN_PROGRESS, "")],
        [("spoke", "Spoke to Helen; advised her to contact her lung team today. Follow-up call on Friday.")],
    ),
    (
        8,
        dict(name="Graham Wood", contact_method=R.ContactMethod.EMAIL, email="g.wood@example.org",
             who=R.Who.OTHER, topic=R.Topic.OTHER,
             message="I would like to volunteer for the charity. Who should I contact?"),
        [(R.Status.CLOSED, R.Outcome.REFERRED)],
        [("", "Passed to the volunteering team.")],
    ),
    (
        10,
        dict(name="Buy cheap pills", contact_method=R.ContactMethod.EMAIL, email="offers@example.org",
             who=R.Who.OTHER, topic=R.Topic.OTHER, message="Best prices online, visit our shop."),
        [(R.Status.CLOSED, R.Outcome.SPAM)],
        [],
    ),
    (
        12,
        dict(name="Irene Lloyd", contact_method=R.ContactMethod.CALL_BACK, phone="01632 960 555",
             callback_time=R.CallbackTime.ANY, voicemail_ok=True,
             who=R.Who.FAMILY_CARER, topic=R.Topic.EMOTIONAL,
             message="I care for my brother and I am struggling to cope. I do not know who else to ask."),
        [(R.Status.IN_PROGRESS, ""), (R.Status.CLOSED, R.Outcome.NO_REPLY)],
        [("no_answer", "No answer."), ("voicemail", "Left a voicemail."), ("voicemail", "Third attempt, left a voicemail.")],
    ),
    (
        20,
        dict(name="Kwame Mensah", contact_method=R.ContactMethod.EMAIL, email="kwame.m@example.org",
             who=R.Who.PATIENT, topic=R.Topic.TRIALS,
             message="Am I too old for a clinical trial? I am 78."),
        [(R.Status.WAITING, "")],
        [("", "Replied: age alone does not rule people out. Asked which hospital he is under.")],
    ),
    (
        35,
        dict(name="Linda Shaw", contact_method=R.ContactMethod.CALL_BACK, phone="+44 20 7946 0321",
             callback_days=["mon"], callback_time=R.CallbackTime.AFTERNOON, voicemail_ok=False,
             who=R.Who.PATIENT, topic=R.Topic.TREATMENT,
             message="What are the side effects of nivolumab and ipilimumab?"),
        [(R.Status.IN_PROGRESS, ""), (R.Status.CLOSED, R.Outcome.CALLED_BACK)],
        [("spoke", "Talked through side effects and when to call the hospital.")],
    ),
]  # fmt: skip


DEMO_CANNED_REPLIES = {
    "Thank you: a nurse will call": (
        "Dear {first_name},\n\nThank you for getting in touch. One of our specialist nurses will call you "
        "at the time you asked for. If you would rather talk sooner, call us free on {support_phone}, "
        "{opening_hours}, and give your reference, {reference}.\n\nWith best wishes,\n{your_name}\n"
    ),
    "Side effects: call your acute oncology line": (
        "Dear {first_name},\n\nThank you for your message. Some side effects of immunotherapy and "
        "chemotherapy need checking the same day. Please call the 24-hour acute oncology line on your "
        "treatment card now, and tell them what you told us. If you cannot reach them, call NHS 111, or "
        "999 in an emergency.\n\nWe are here to talk afterwards: call us free on {support_phone}, "
        "{opening_hours}.\n\nWith best wishes,\n{your_name}\n"
    ),
    "Clinical trials: where to look": (
        "Dear {first_name},\n\nThank you for asking about clinical trials. Be Part of Research "
        "(bepartofresearch.nihr.ac.uk) lists UK studies you can search by condition and place. Your "
        "specialist team can tell you whether a trial might suit you.\n\nWith best wishes,\n{your_name}\n"
    ),
}


def demo_support_load() -> int:
    """Create the demo requests if there are none yet. Returns how many were created."""
    User = get_user_model()
    support = User.objects.get(username="support")
    support.groups.add(Group.objects.get(name=SUPPORT_STAFF), Group.objects.get(name=SUPPORT_LEADS))
    for title, text in DEMO_CANNED_REPLIES.items():
        CannedReply.objects.get_or_create(title=title, defaults={"text": text, "changed_by": support})
    support = User.objects.get(pk=support.pk)  # drop the cached permissions
    if ContactRequest.objects.exists():
        return 0

    now = timezone.now()
    for days_ago, fields, moves, notes in DEMO_REQUESTS:
        contact_request = services.contact_request_create(**fields)
        received_at = now - datetime.timedelta(days=days_ago)
        # Demo history: these arrived in the past and their emails went out then.
        ContactRequest.objects.filter(pk=contact_request.pk).update(
            received_at=received_at,
            answer_by=working_hours.request_answer_by(received_at, urgent=contact_request.urgent),
            consent_given_at=received_at,
            reference=ContactRequest.reference_for(contact_request.pk, received_at),
        )
        SupportEmail.objects.filter(contact_request=contact_request).update(
            created_at=received_at, sent_at=received_at
        )
        if moves or notes:
            services.contact_request_assign(contact_request=contact_request, actor=support, assignee=support)
        for call_outcome, text in notes:
            services.contact_note_add(
                contact_request=contact_request, author=support, text=text, call_outcome=call_outcome
            )
        for status, outcome in moves:
            if ContactRequest.objects.get(pk=contact_request.pk).status == status:
                continue  # a call note already moved it there (the first response)
            services.contact_request_set_status(
                contact_request=contact_request, actor=support, to_status=status, outcome=outcome
            )
        if moves:
            # First response some hours after it arrived, for a realistic summary.
            responded = received_at + datetime.timedelta(hours=3 + days_ago % 5)
            responded = min(responded, now)
            moved = ContactRequest.objects.filter(pk=contact_request.pk)
            moved.update(
                first_response_at=responded,
                first_response_hours=working_hours.working_hours_between(received_at, responded),
            )
            # Answered only where the moves answered it (a call, Waiting, Closed), then.
            moved.filter(answered_at__isnull=False).update(answered_at=responded)
    return len(DEMO_REQUESTS)
