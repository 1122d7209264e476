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
