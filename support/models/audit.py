"""Who looked at a request, and the erasures done on people's request: the support line's own audit."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from .contact_request import ContactRequest


class RequestView(models.Model):
    """One opening of a request's page by a member of staff (shown on the page, deleted with the request)."""

    contact_request = models.ForeignKey(ContactRequest, on_delete=models.CASCADE, related_name="views")
    viewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["contact_request", "-at"])]

    def __str__(self):
        return f"Viewed {timezone.localtime(self.at):%d %b %Y %H:%M}"


class PersonLookup(models.Model):
    """
    A member of staff looked up everything held about a person (subject access
    or erasure). The details searched are kept only as keyed hashes
    (HMAC-SHA256 with PERSON_LOOKUP_KEY) of their normal form, so "was this
    person looked up, and by whom?" can be answered without keeping the search.
    Outlives erasure: it holds nothing that names anyone.
    """

    class Purpose(models.TextChoices):
        ACCESS = "access", "Looked up what we hold"
        ERASURE = "erasure", "Erased"

    searched_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(default=timezone.now)
    purpose = models.CharField(max_length=10, choices=Purpose.choices)
    email_hash = models.CharField(max_length=64, blank=True)
    phone_hash = models.CharField(max_length=64, blank=True)
    requests_found = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["email_hash"]), models.Index(fields=["phone_hash"])]

    def __str__(self):
        return f"{self.get_purpose_display()}, {timezone.localtime(self.at):%d %b %Y %H:%M}"


class Erasure(models.Model):
    """
    That an erasure was done, by whom and how much it removed: no name, address,
    reference or text of what was erased, so the record can be kept.
    """

    erased_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    erased_at = models.DateTimeField(default=timezone.now)
    requests_deleted = models.PositiveIntegerField()
    rows_deleted = models.PositiveIntegerField(
        help_text="Requests with their emails, notes, history and views."
    )
    open_requests_deleted = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-erased_at"]

    def __str__(self):
        return f"Erasure of {self.requests_deleted} request(s), {timezone.localtime(self.erased_at):%d %b %Y %H:%M}"
