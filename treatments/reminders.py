"""Daily review reminders: who needs to hear about which articles, and the digest they get."""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import send_mass_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from .models import Article, ReviewReminder
from .roles import clinical_team

DUE_WITHIN_DAYS = 30
REPEAT_AFTER = datetime.timedelta(days=7)


@dataclass(frozen=True)
class ReminderRun:
    articles: list[Article]
    recipients: list[str]


def review_reminder_recipients() -> list[str]:
    """Active editors and approvers, by group or direct permission; not superusers as such."""
    return sorted({email for email in clinical_team().values_list("email", flat=True) if email})


def articles_needing_reminder(today: datetime.date | None = None) -> list[Article]:
    """Overdue or due within 30 days, unless reminded for the same due date in the last 7 days."""
    return list(
        Article.objects.due_for_review_reminder(
            within_days=DUE_WITHIN_DAYS, not_reminded_since=timezone.now() - REPEAT_AFTER, today=today
        )
    )


def review_reminders_send(*, dry_run: bool = False) -> ReminderRun:
    today = timezone.localdate()
    articles = articles_needing_reminder(today)
    recipients = review_reminder_recipients()
    if dry_run or not articles or not recipients:
        return ReminderRun(articles, recipients)

    body = render_to_string(
        "treatments/email/review_digest.txt",
        {
            "articles": articles,
            "today": today,
            "site_url": settings.SITE_URL,
            "charity_name": settings.CHARITY_NAME,
        },
    )
    subject = f"Treatment pages due for review: {len(articles)}"
    with transaction.atomic():
        # Recorded in the same transaction as the send attempt: if sending
        # raises, nothing is recorded and tomorrow's run tries again.
        ReviewReminder.objects.bulk_create(
            ReviewReminder(
                article=article, due_on=article.next_review_due_on, recipient_count=len(recipients)
            )
            for article in articles
        )
        send_mass_mail(
            [(subject, body, settings.DEFAULT_FROM_EMAIL, [recipient]) for recipient in recipients],
            fail_silently=False,
        )
    return ReminderRun(articles, recipients)
