"""What site search keeps: the words of approved pages (for "Did you mean …?") and searches that found nothing."""

from django.db import models


class SearchWord(models.Model):
    """One word used on the public pages, lower case; rebuilt whenever what the public sees changes."""

    word = models.CharField(max_length=60, unique=True)

    def __str__(self):
        return self.word


class UnfoundSearch(models.Model):
    """
    A search that found nothing, counted per day: the words only (no address,
    no session, no time of day), kept for 90 days, to show what readers miss.
    """

    day = models.DateField()
    query = models.CharField(max_length=200)
    count = models.PositiveIntegerField(default=1)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["day", "query"], name="unfound_search_day_query")]
        indexes = [models.Index(fields=["day"])]

    def __str__(self):
        return f"{self.query} ({self.count} on {self.day:%d %b %Y})"
