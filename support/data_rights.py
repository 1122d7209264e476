"""
UK GDPR rights for the people who contact the support line: see everything
held about them (subject access), and have all of it erased. A person is
found by their email address or phone number, across all their requests.
"""

import hashlib
import hmac
import re
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core import serializers
from django.core.exceptions import PermissionDenied
from django.db import models, transaction

from core.security_log import security_event

from . import workflow
from .models import ContactRequest, Erasure, PersonLookup

ERASE_CONFIRMATION = "ERASE"


class ErasureRefused(Exception):
    """Erasure not done; the message is shown to the member of staff."""


def phone_digits(phone: str) -> str:
    """A phone number as digits, UK numbers in their national form: "+44 1632 960 114" -> "01632960114"."""
    digits = re.sub(r"\D", "", phone)
    if digits.startswith("0044"):
        digits = "0" + digits[4:]
    elif digits.startswith("44") and len(digits) > 10:
        digits = "0" + digits[2:]
    return digits


def person_requests(*, email: str = "", phone: str = ""):
    """Every request made with this email address or phone number (however the number was written)."""
    query = models.Q(pk__in=[])
    if email.strip():
        query |= models.Q(email__iexact=email.strip())
    wanted = phone_digits(phone)
    if len(wanted) >= 6:
        # Numbers are written in many ways ("01632 960 114", "+44 1632 960114"): compare digits.
        matching = [
            pk
            for pk, stored in ContactRequest.objects.exclude(phone="").values_list("pk", "phone").iterator()
            if phone_digits(stored) == wanted
        ]
        query |= models.Q(pk__in=matching)
    return ContactRequest.objects.filter(query).order_by("received_at")


def _keyed_hash(kind: str, normal_form: str) -> str:
    if not normal_form:
        return ""
    message = f"{kind}:{normal_form}".encode()
    return hmac.new(settings.PERSON_LOOKUP_KEY.encode(), message, hashlib.sha256).hexdigest()


def person_hashes(*, email: str = "", phone: str = "") -> tuple[str, str]:
    """The keyed hashes of an email address and a phone number, each in its one normal form."""
    wanted_phone = phone_digits(phone)
    return (
        _keyed_hash("email", email.strip().casefold()),
        _keyed_hash("phone", wanted_phone if len(wanted_phone) >= 6 else ""),
    )


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
    if not user.has_perm(f"support.{workflow.CHANGE}"):
        raise PermissionDenied("Only the support team can see or erase what a person sent us.")


def personal_models() -> list[type[models.Model]]:
    """
    ContactRequest and every support model whose rows belong to one request (deleted
    with it). Rows that only point at a request and outlive it (enquiry tags: no
    personal data) are not among them.
    """
    related = [
        model
        for model in apps.get_app_config("support").get_models()
        if any(
            isinstance(field, models.ForeignKey)
            and field.related_model is ContactRequest
            and field.remote_field.on_delete is models.CASCADE
            for field in model._meta.get_fields()
        )
    ]
    return [ContactRequest, *related]


def _rows(requests) -> dict[type[models.Model], models.QuerySet]:
    ids = list(requests.values_list("pk", flat=True))
    rows = {}
    for model in personal_models():
        if model is ContactRequest:
            rows[model] = model.objects.filter(pk__in=ids)
        else:
            field = next(
                f.name
                for f in model._meta.get_fields()
                if isinstance(f, models.ForeignKey) and f.related_model is ContactRequest
            )
            rows[model] = model.objects.filter(**{f"{field}__in": ids})
    return rows


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
        model._meta.label_lower: serializers.serialize("python", queryset.order_by("pk"))
        for model, queryset in _rows(requests).items()
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


def erase(
    *, user: AbstractBaseUser, email: str = "", phone: str = "", confirmation: str, open_confirmed: bool
) -> Erasure:
    """
    Delete every request of this person with its emails, notes, history and views.
    Needs the typed confirmation; refused while a request is open unless that is confirmed too.
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
        rows = _rows(ContactRequest.objects.filter(pk__in=[item.pk for item in found]))
        total = sum(queryset.count() for queryset in rows.values())
        ContactRequest.objects.filter(pk__in=[item.pk for item in found]).delete()
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
    return record
