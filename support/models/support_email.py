"""
The emails a contact request owes, one outbox row each (core/outbox.py): the
urgent alert to the duty address (once for the request, and once more for each
message from the person that matches a warning phrase), the new-request alert
to the support inbox, the acknowledgement to the person, and a note to each
member of staff a colleague assigns it to (once per assignment). Written in the transaction that stores
or flags the request, so none can be lost; what each says is in
support/notifications.py, and none carries the message or any health detail.
"""

from django.db import models
from django.db.models import Q

from core.outbox import OutboxRow

from .contact_request import ContactRequest, StatusChange
from .message import ContactMessage


class SupportEmail(OutboxRow):
    class Kind(models.TextChoices):
        # In the order they are sent: the duty address first.
        URGENT_ALERT = "urgent_alert", "Urgent alert to the duty address"
        NEW_REQUEST = "new_request", "Support inbox alert"
        ACKNOWLEDGEMENT = "acknowledgement", "Acknowledgement to them"
        ASSIGNED = "assigned", "Note to the member of staff it was assigned to"

    contact_request = models.ForeignKey(ContactRequest, on_delete=models.CASCADE, related_name="emails")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    # An urgent alert for one message from the person (None: for the request as it arrived or was flagged).
    message = models.ForeignKey(
        ContactMessage, on_delete=models.CASCADE, null=True, blank=True, related_name="emails"
    )

    # A note to an assignee: for this assignment (its history row), to its assignee.
    assignment = models.ForeignKey(
        StatusChange, on_delete=models.CASCADE, null=True, blank=True, related_name="emails"
    )

    outbox_related = ("contact_request", "message", "assignment__assigned_to")

    class Meta(OutboxRow.Meta):
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["contact_request", "kind"],
                condition=Q(message__isnull=True, assignment__isnull=True),
                name="support_email_once",
                violation_error_message="This email is already owed for this request: it is sent once.",
            ),
            models.UniqueConstraint(
                fields=["assignment", "kind"],
                condition=Q(assignment__isnull=False),
                name="support_email_once_per_assignment",
                violation_error_message="The note for this assignment is already owed: it is sent once.",
            ),
            models.UniqueConstraint(
                fields=["message", "kind"],
                condition=Q(message__isnull=False),
                name="support_email_once_per_message",
                violation_error_message="The alert for this email from them is already owed: it is sent once.",
            ),
            models.CheckConstraint(
                condition=Q(kind__in=["urgent_alert", "new_request", "acknowledgement", "assigned"]),
                name="support_email_kind_valid",
                violation_error_message="Not an email a request can owe.",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} for {self.contact_request}"

    def outbox_name(self) -> str:
        return f"{self.get_kind_display()} for {self.contact_request.reference}"

    def send(self) -> None:
        from ..notifications import support_email_message  # which imports this module

        support_email_message(self).send()
