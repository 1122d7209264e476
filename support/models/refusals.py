"""Contact-form submissions refused as spam, counted by month and reason: numbers only, nothing they sent."""

import datetime

from django.db import DatabaseError, IntegrityError, models, transaction
from django.db.models import F
from django.utils import timezone


class RefusedSubmissions(models.Model):
    class Reason(models.TextChoices):
        HONEYPOT = "honeypot", "Filled in the hidden field"
        TIMING = "timing", "Sent too fast or with a forged form"
        RATE_LIMITED = "rate_limited", "Too many from one address"

    month = models.DateField(help_text="The first day of the month.")
    reason = models.CharField(max_length=20, choices=Reason.choices)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["month", "reason"],
                name="refused_submissions_month_reason",
                violation_error_message="Each month has one count for each reason a form was refused.",
            )
        ]
        verbose_name_plural = "refused submissions"

    def __str__(self):
        return f"{self.month:%B %Y}: {self.get_reason_display()} ({self.count})"

    @classmethod
    def count_one(cls, reason: str, when: datetime.datetime | None = None) -> None:
        """Add one to this month's counter. Never raises: a refusal must not fail because counting did."""
        month = timezone.localdate(when).replace(day=1)
        try:
            with transaction.atomic():
                if cls.objects.filter(month=month, reason=reason).update(count=F("count") + 1):
                    return
                try:
                    with transaction.atomic():
                        cls.objects.create(month=month, reason=reason, count=1)
                except IntegrityError:  # created at the same moment by another request
                    cls.objects.filter(month=month, reason=reason).update(count=F("count") + 1)
        except DatabaseError:
            pass  # the security log still has the event
