"""A month of the monthly summary, kept once it is settled: counts and times, never a person."""

from django.db import models
from django.utils import timezone


class MonthFigures(models.Model):
    """
    The summary's figures for one month (support/summary.py), kept once the
    month after it has also ended. From then on the summary reads them instead of
    counting again: a month's figures never change afterwards, not when its
    requests are deleted at the end of their retention, nor when a page is viewed.
    """

    month = models.DateField(help_text="The first day of the month.")
    figures = models.JSONField(help_text="Counts and response times only: nothing anyone wrote or gave.")
    kept_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["month"],
                name="month_figures_month_unique",
                violation_error_message="Each month's figures are kept once.",
            )
        ]
        ordering = ["-month"]
        verbose_name_plural = "month figures"

    def __str__(self):
        return self.month.strftime("%B %Y")
