"""
UK GDPR rights for the people who contact the support line: see everything
held about them (subject access), and have all of it erased. A person is
found by their email address or phone number, across all their requests.
"""

import hashlib
import hmac
import imaplib
import logging
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import AbstractBaseUser
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.exceptions import PermissionDenied
from django.db import models, transaction

from core.phones import phone_normal_form
from core.refusals import Refused
from core.security_log import security_event

from . import workflow
from .mailbox import mailbox_erase
from .models import ContactRequest, Erasure, PersonLookup

ERASE_CONFIRMATION = "ERASE"


class ErasureRefused(Refused):
    """Erasure not done; the message is shown to the member of staff."""


def person_requests(*, email: str = "", phone: str = ""):
    """Every request made with this email address or phone number (however the number was written)."""
    query = models.Q(pk__in=[])
    if email.strip():
        query |= models.Q(email__iexact=email.strip())
    if wanted := phone_normal_form(phone):
        query |= models.Q(phone_normal=wanted)
    return ContactRequest.objects.filter(query).order_by("received_at")


def _keyed_hash(kind: str, normal_form: str) -> str:
    if not normal_form:
        return ""
    message = f"{kind}:{normal_form}".encode()
    return hmac.new(settings.PERSON_LOOKUP_KEY.encode(), message, hashlib.sha256).hexdigest()


def person_hashes(*, email: str = "", phone: str = "") -> tuple[str, str]:
    """The keyed hashes of an email address and a phone number, each in its one normal form."""
    return (_keyed_hash("email", email.strip().casefold()), _keyed_hash("phone", phone_normal_form(phone)))


def person_lookup_record(
    *, user: AbstractBaseUser, email: str, phone: str, purpose: str, requests_found: int
) -> PersonLookup:
    email_hash, phone_hash = person_hashes(email=email, phone=phone)
    return PersonLookup.objects.create(
        searched_by=user,
        purpose=purpose,
        email_hash=email_hash,
        phone_hash=phone_hash,
        requests_found=requests_found,
    )


def person_lookups(*, email: str = "", phone: str = "") -> models.QuerySet:
    """Every earlier look-up of this email address or phone number, newest first, with who did it."""
    email_hash, phone_hash = person_hashes(email=email, phone=phone)
    query = models.Q(pk__in=[])
    if email_hash:
        query |= models.Q(email_hash=email_hash)
    if phone_hash:
        query |= models.Q(phone_hash=phone_hash)
    return PersonLookup.objects.filter(query).select_related("searched_by__staff_profile")


def _require(user: AbstractBaseUser) -> None:
    if not user.has_perm(workflow.CHANGE):
        raise PermissionDenied("Only the support team can see or erase what a person sent us.")


@dataclass(frozen=True)
class PersonalTable:
    """
    A table holding rows about a person's requests: how a row is tied to its
    request, and what erasure does to it. One list, PERSONAL_TABLES, serves
    both the export and the erasure, so the export holds every row erasure
    touches; a test compares it with the schema, so a new table that points at
    a request cannot be forgotten.
    """

    label: str  # app_label.model_name
    request_field: str  # the field holding the request's id ("pk" for the request itself)
    scrub: tuple[str, ...] = ()  # kept, with these fields emptied; otherwise deleted

    @property
    def model(self) -> type[models.Model]:
        return apps.get_model(self.label)

    def rows(self, request_ids: list[int]) -> models.QuerySet:
        if self.label == "admin.logentry":  # the admin's own history, keyed by text ids
            content_type = ContentType.objects.get_for_model(ContactRequest)
            return LogEntry.objects.filter(
                content_type=content_type, object_id__in=[str(pk) for pk in request_ids]
            )
        return self.model.objects.filter(**{f"{self.request_field}__in": request_ids})


PERSONAL_TABLES = (
    PersonalTable("support.contactrequest", "pk"),
    PersonalTable("support.contactmessage", "contact_request"),
    PersonalTable("support.contactnote", "contact_request"),
    PersonalTable("support.statuschange", "contact_request"),
    PersonalTable("support.requestview", "contact_request"),
    # The emails the request owed (what was sent, when): they say who was written to.
    PersonalTable("support.supportemail", "contact_request"),
    # Kept for the content plan (what answered, or no page covers), without the
    # free text staff typed, which could name the person.
    PersonalTable("support.enquirytag", "contact_request", scrub=("missing_topic",)),
    # The admin's history of changes to the request: its reference and note lines.
    PersonalTable("admin.logentry", "object_id"),
)


def _rows(request_ids: list[int]) -> dict[PersonalTable, models.QuerySet]:
    return {table: table.rows(request_ids) for table in PERSONAL_TABLES}


@dataclass
class SubjectAccess:
    requests: list[ContactRequest]
    tables: dict[str, list[dict]]  # model label -> its rows, every field
    earlier_lookups: list[PersonLookup]  # before this one: who looked this person up, and when

    @property
    def row_count(self) -> int:
        return sum(len(rows) for rows in self.tables.values())


def subject_access(*, user: AbstractBaseUser, email: str = "", phone: str = "") -> SubjectAccess:
    """Everything held about the person, table by table, with every field."""
    _require(user)
    requests = person_requests(email=email, phone=phone)
    tables = {
        table.label: serializers.serialize("python", queryset.order_by("pk"))
        for table, queryset in _rows(list(requests.values_list("pk", flat=True))).items()
    }
    found = list(
        requests.prefetch_related(
            "messages__author__staff_profile", "notes__author__staff_profile", "changes__actor__staff_profile"
        )
    )
    earlier = list(person_lookups(email=email, phone=phone)[:50])
    person_lookup_record(
        user=user, email=email, phone=phone, purpose=PersonLookup.Purpose.ACCESS, requests_found=len(found)
    )
    security_event("support.subject_access", user_id=user.pk, requests=len(found))
    return SubjectAccess(requests=found, tables=tables, earlier_lookups=earlier)


@dataclass
class ErasureDone:
    record: Erasure
    # Emails deleted from the support mailbox; None when there is no mailbox, or it
    # could not be reached (then staff delete them there by hand).
    mailbox_deleted: int | None


def erase(
    *, user: AbstractBaseUser, email: str = "", phone: str = "", confirmation: str, open_confirmed: bool
) -> ErasureDone:
    """
    Delete every request of this person with its emails, notes, history and views,
    then their emails in the support mailbox. Needs the typed confirmation; refused
    while a request is open unless that is confirmed too.
    """
    _require(user)
    if confirmation.strip() != ERASE_CONFIRMATION:
        raise ErasureRefused(f"Type {ERASE_CONFIRMATION} in capitals to confirm the erasure.")
    with transaction.atomic():
        requests = person_requests(email=email, phone=phone).select_for_update()
        found = list(requests)
        if not found:
            raise ErasureRefused("Nothing is held for that email address or phone number.")
        open_count = sum(1 for item in found if item.status != ContactRequest.Status.CLOSED)
        if open_count and not open_confirmed:
            raise ErasureRefused(
                f"{open_count} of their requests {'is' if open_count == 1 else 'are'} still open. "
                "Tick the box to confirm they should be erased too."
            )
        request_ids = [item.pk for item in found]
        total = 0
        # Every table of the one list: scrubbed ones keep their rows without the text;
        # the others are deleted, the requests themselves last.
        for table, rows in reversed(_rows(request_ids).items()):
            if table.scrub:
                rows.update(**dict.fromkeys(table.scrub, ""))
            else:
                total += rows.delete()[0]
        record = Erasure.objects.create(
            erased_by=user, requests_deleted=len(found), rows_deleted=total, open_requests_deleted=open_count
        )
        person_lookup_record(
            user=user,
            email=email,
            phone=phone,
            purpose=PersonLookup.Purpose.ERASURE,
            requests_found=len(found),
        )
    security_event("support.erasure", user_id=user.pk, requests=len(found), rows=total, erasure_id=record.pk)
    emails = {item.email.strip() for item in found if item.email.strip()} | (
        {email.strip()} if email.strip() else set()
    )
    return ErasureDone(
        record=record, mailbox_deleted=_erase_from_mailbox(emails, [item.reference for item in found])
    )


def _erase_from_mailbox(emails: set[str], references: list[str]) -> int | None:
    """After the database: the mailbox may be down, and the erasure stands without it."""
    if not settings.SUPPORT_IMAP_HOST:
        return None
    try:
        return sum(
            mailbox_erase(email=address, references=references if index == 0 else [])
            for index, address in enumerate(sorted(emails) or [""])
        )
    except (imaplib.IMAP4.error, OSError) as error:
        security_event("support.erasure_mailbox_failed", level=logging.WARNING, error=type(error).__name__)
        return None
