"""
Every change to a contact request goes through these functions: each checks
its rule, writes an audit row and runs in one transaction.
"""

import hashlib
import logging

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from core.personal_data import without_personal_data
from core.phones import phone_normal_form
from core.refusals import Refused
from core.security_log import security_event

from . import urgency, workflow, working_hours
from .models import (
    CONSENT_WORDING,
    ContactNote,
    ContactRequest,
    EnquiryTag,
    RequestView,
    StatusChange,
    SupportEmail,
)
from .notifications import support_emails_on_arrival, support_emails_queue
from .roles import support_team

logger = logging.getLogger(__name__)
Status = workflow.Status


class SupportWorkflowError(Refused):
    """An action that is not allowed now; the message is shown to the member of staff."""


def _require(permission: str, user: AbstractBaseUser) -> None:
    if not user.has_perm(permission):
        raise PermissionDenied("You do not have permission to change contact requests.")


def contact_request_create(
    *,
    name: str,
    contact_method: str,
    email: str = "",
    phone: str = "",
    callback_days: list[str] | None = None,
    callback_time: str = "",
    voicemail_ok: bool | None = None,
    who: str,
    topic: str,
    message: str,
    form_token: str = "",
) -> ContactRequest:
    """
    Store a new request, with the consent wording the person agreed to, and
    queue its notifications once the row is committed. Nothing that happens
    after the commit can lose the request. A form token already used raises
    IntegrityError: find that request with `contact_request_for_token`.
    """
    found = urgency.warning_matches(message)
    with transaction.atomic():
        now = timezone.now()
        contact_request = ContactRequest(
            name=name,
            contact_method=contact_method,
            email=email,
            phone=phone,
            phone_normal=phone_normal_form(phone),
            callback_days=callback_days or [],
            callback_time=callback_time,
            voicemail_ok=voicemail_ok,
            who=who,
            topic=topic,
            message=message,
            urgent=bool(found),
            urgent_matches=[{"phrase": match.phrase, "kind": match.kind} for match in found],
            form_token_hash=token_hash(form_token) if form_token else None,
            consent_wording=CONSENT_WORDING,
            consent_given_at=now,
            received_at=now,
            answer_by=working_hours.request_answer_by(now, urgent=bool(found)),
        )
        contact_request.save()
        # The primary key is unique and never reused, so the reference is too.
        contact_request.reference = ContactRequest.reference_for(contact_request.pk, now)
        contact_request.save(update_fields=["reference"])
        support_emails_queue(contact_request, support_emails_on_arrival(contact_request))
    return contact_request


def token_hash(form_token: str) -> str:
    return hashlib.sha256(form_token.encode()).hexdigest()


def contact_request_for_token(form_token: str) -> ContactRequest | None:
    """The request a form token was already used for, if any."""
    return ContactRequest.objects.filter(form_token_hash=token_hash(form_token)).first()


def _record_change(contact_request, *, actor, from_status, outcome="", urgent=None) -> StatusChange:
    return StatusChange.objects.create(
        contact_request=contact_request,
        actor=actor,
        from_status=from_status,
        to_status=contact_request.status,
        outcome=outcome,
        assigned_to=contact_request.assigned_to,
        urgent=urgent,
    )


@transaction.atomic
def contact_request_set_urgent(
    *, contact_request: ContactRequest, actor: AbstractBaseUser, urgent: bool
) -> bool:
    """
    Mark a request urgent or clear the flag, with a history row. Marking one
    urgent alerts the duty address (once per request), as a match on arrival does.
    Returns False when the flag already was as asked.
    """
    _require(workflow.CHANGE, actor)
    contact_request = ContactRequest.objects.select_for_update().get(pk=contact_request.pk)
    if contact_request.urgent == urgent:
        return False
    contact_request.urgent = urgent
    if urgent:
        _urgent_deadline_apply(contact_request, at=timezone.now())
    contact_request.save(update_fields=["urgent", "answer_by"])
    _record_change(contact_request, actor=actor, from_status=contact_request.status, urgent=urgent)
    if urgent:
        support_emails_queue(contact_request, [SupportEmail.Kind.URGENT_ALERT])
    return True


def _urgent_deadline_apply(contact_request: ContactRequest, *, at) -> None:
    """
    An urgent request waiting for our answer is due by the urgent deadline
    counted from `at`, or sooner if it already was. Clearing the flag never
    moves a deadline later: what was promised stays promised.
    """
    if contact_request.answered_at is None and contact_request.status != Status.CLOSED:
        urgent_by = working_hours.urgent_answer_by(at)
        contact_request.answer_by = min(filter(None, (contact_request.answer_by, urgent_by)))


@transaction.atomic
def contact_request_set_status(
    *, contact_request: ContactRequest, actor: AbstractBaseUser, to_status: str, outcome: str = ""
) -> None:
    action = workflow.action_to(to_status)
    _require(action.permission if action else workflow.CHANGE, actor)
    contact_request = ContactRequest.objects.select_for_update().get(pk=contact_request.pk)
    from_status = contact_request.status
    if not workflow.move_allowed(from_status=from_status, to_status=to_status):
        raise SupportWorkflowError(
            f"{contact_request.reference} is “{Status(from_status).label}” and cannot be moved to "
            f"“{Status(to_status).label}”."
        )
    if to_status == Status.CLOSED and outcome not in ContactRequest.Outcome.values:
        raise SupportWorkflowError(f"Choose an outcome to close {contact_request.reference}.")
    now = timezone.now()
    contact_request.status = to_status
    contact_request.outcome = outcome if to_status == Status.CLOSED else ""
    contact_request.closed_at = now if to_status == Status.CLOSED else None
    contact_request.first_response_record(now)
    # Waiting for their reply, or closed: we have answered them. Moving a request to
    # In progress only says someone has picked it up: it still needs its answer.
    if to_status in (Status.WAITING, Status.CLOSED) and contact_request.answered_at is None:
        contact_request.answered_at = now
    contact_request.save(
        update_fields=[
            "status",
            "outcome",
            "closed_at",
            "first_response_at",
            "first_response_hours",
            "answered_at",
        ]
    )
    _record_change(contact_request, actor=actor, from_status=from_status, outcome=contact_request.outcome)


@transaction.atomic
def contact_request_assign(
    *, contact_request: ContactRequest, actor: AbstractBaseUser, assignee: AbstractBaseUser
) -> bool:
    """
    Give a request to someone on the support team, with a history row. Someone
    given it by a colleague is emailed (reference and link only) once for that
    assignment. Returns False when it was already theirs: nothing changes.
    """
    _require(workflow.ACTIONS["assign"].permission, actor)
    if not support_team().filter(pk=assignee.pk).exists():
        raise SupportWorkflowError(
            f"{assignee.get_full_name() or assignee.get_username()} is not on the support team."
        )
    contact_request = ContactRequest.objects.select_for_update().get(pk=contact_request.pk)
    if contact_request.assigned_to_id == assignee.pk:
        return False
    contact_request.assigned_to = assignee
    contact_request.save(update_fields=["assigned_to"])
    change = _record_change(contact_request, actor=actor, from_status=contact_request.status)
    if assignee.pk != actor.pk and assignee.email:
        support_emails_queue(contact_request, [SupportEmail.Kind.ASSIGNED], assignment=change)
    return True


@transaction.atomic
def contact_note_add(
    *, contact_request: ContactRequest, author: AbstractBaseUser, text: str, call_outcome: str = ""
) -> ContactNote:
    """
    Add a note. A note of a call attempt is the first response if none came before.
    """
    if not author.has_perm("support.add_contactnote"):  # notes are not a status move
        raise PermissionDenied("You do not have permission to add notes.")
    note = ContactNote.objects.create(
        contact_request=contact_request, author=author, text=text.strip(), call_outcome=call_outcome
    )
    if call_outcome:
        contact_request_answer_record(contact_request, at=note.created_at, actor=author)
    return note


def contact_request_answer_record(contact_request: ContactRequest, *, at, actor: AbstractBaseUser) -> None:
    """
    A call attempt or an email reply answers the person: it is the request's
    answer until they write again, the first one is its first response, and it
    moves a New request to In progress. Call inside a transaction.
    """
    locked = ContactRequest.objects.select_for_update().get(pk=contact_request.pk)
    locked.answered_at = max(filter(None, (locked.answered_at, at)))
    locked.first_response_record(at)
    from_status = locked.status
    if from_status == Status.NEW:
        locked.status = Status.IN_PROGRESS
    locked.save(update_fields=["answered_at", "first_response_at", "first_response_hours", "status"])
    if from_status != locked.status:
        _record_change(locked, actor=actor, from_status=from_status)


def contact_request_reopen_on_reply(contact_request: ContactRequest, *, at) -> None:
    """
    The person wrote back (`at`): the request needs an answer again. It moves to
    In progress from Waiting or Closed (the site makes the move, no member of
    staff), is no longer answered, and its answer-by time starts again from
    their email, in working hours.
    """
    locked = ContactRequest.objects.select_for_update().get(pk=contact_request.pk)
    from_status = locked.status
    locked.answered_at = None
    locked.answer_by = working_hours.request_answer_by(at, urgent=locked.urgent)
    if from_status in (Status.CLOSED, Status.WAITING):
        locked.status = Status.IN_PROGRESS
        locked.outcome = ""
        locked.closed_at = None
    locked.save(update_fields=["status", "outcome", "closed_at", "answered_at", "answer_by"])
    if from_status != locked.status:
        _record_change(locked, actor=None, from_status=from_status)


def contact_request_flag_from_message(contact_request: ContactRequest, *, message) -> None:
    """
    A message from the person matched a warning phrase, however it arrived:
    the request is urgent (a history row says so when it was not), it records
    which message and phrase, and the duty address is alerted once for that
    message, with the reference and a link only. Call inside the transaction
    that stores the message.
    """
    locked = ContactRequest.objects.select_for_update().get(pk=contact_request.pk)
    locked.urgent_matches = [
        *locked.urgent_matches,
        *({**match, "message": message.pk} for match in message.urgent_matches),
    ]
    newly_urgent = not locked.urgent
    locked.urgent = True
    _urgent_deadline_apply(locked, at=message.created_at)
    locked.save(update_fields=["urgent", "urgent_matches", "answer_by"])
    if newly_urgent:
        _record_change(locked, actor=None, from_status=locked.status, urgent=True)
    support_emails_queue(locked, [SupportEmail.Kind.URGENT_ALERT], message=message)


def request_view_record(*, contact_request: ContactRequest, viewer: AbstractBaseUser) -> RequestView:
    """A member of staff opened the request's page: kept on the request and in the security log."""
    view = RequestView.objects.create(contact_request=contact_request, viewer=viewer)
    security_event("support.request_viewed", user_id=viewer.pk, request_id=contact_request.pk)
    return view


def enquiry_tag_set(
    *,
    contact_request: ContactRequest,
    actor: AbstractBaseUser,
    article_id: int | None = None,
    missing_topic: str = "",
) -> EnquiryTag | None:
    """
    Record what answered a request (a treatment page) or what no page covers (a
    short topic), for the content plan. Replaces an earlier tag; neither clears it.
    """
    _require(workflow.CHANGE, actor)
    # A topic, not a person: contact details typed into it are never kept (erasure clears the rest).
    missing_topic = without_personal_data(missing_topic)
    if article_id and missing_topic:
        raise SupportWorkflowError(
            "Choose the page that answered it, or say that no page covers it: not both."
        )
    if not article_id and not missing_topic:
        EnquiryTag.objects.filter(contact_request=contact_request).delete()
        return None
    tag, _ = EnquiryTag.objects.update_or_create(
        contact_request=contact_request,
        defaults={"article_id": article_id, "missing_topic": missing_topic, "tagged_by": actor},
    )
    return tag
