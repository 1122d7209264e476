"""
Emails that tell nurses and approvers something waits for them: a draft
submitted (to each clinical approver but the submitter), returned (to its last
editor, with the comment), taken back from approval by an edit (to the
approvers), approved (to everyone who edited that version).

The outbox is ArticleNotification: rows written in the transaction of the
move, sent after commit by a background task, retried with back-off by
`manage.py send_article_notifications` (every minute) until they go.
"""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from core.outbox import attempt_failed
from core.staff import staff_name

from .models import Article, ArticleNotification, ArticleTransition
from .readability import readability_of
from .roles import clinical_team
from .workflow import Status

logger = logging.getLogger(__name__)


def approvers_to_tell(article: Article, *, submitter) -> list:
    """Active staff who may approve, with an email address, other than whoever submitted."""
    return [
        user
        for user in clinical_team().exclude(pk=submitter.pk).exclude(email="").distinct()
        if user.has_perm("treatments.approve_article")
    ]


def notifications_queue(*, transition: ArticleTransition, recipient_ids: set[int]) -> None:
    """Store the emails a move owes (inside its transaction) and send them once it commits."""
    User = get_user_model()
    recipients = User.objects.filter(pk__in=recipient_ids, is_active=True).exclude(email="")
    ArticleNotification.objects.bulk_create(
        [ArticleNotification(transition=transition, recipient=user) for user in recipients],
        ignore_conflicts=True,
    )
    transition_id = transition.pk
    transaction.on_commit(lambda: _enqueue(transition_id))


def _enqueue(transition_id: int) -> None:
    try:
        send_article_notifications_task.enqueue(transition_id)
    except Exception:
        # Stored and still pending: send_article_notifications will pick them up.
        logger.exception("Could not queue the emails for article transition %s.", transition_id)


# Each email by what the move means to its reader: a nurse's edit and an
# approver's return both lead from awaiting approval to draft.
SUBJECTS = {
    "awaiting_approval": "Waiting for your approval: {title}",
    "draft": "Returned to you: {title}",
    "taken_back": "No longer waiting for your approval: {title}",
    "published": "Now live: {title}",
}


def _email_kind(transition: ArticleTransition) -> str:
    if transition.action == "edit" and transition.from_status == Status.AWAITING_APPROVAL:
        return "taken_back"
    return transition.to_status


def _email(notification: ArticleNotification) -> EmailMessage:
    transition = notification.transition
    article = transition.article
    context = {
        "transition": transition,
        "article": article,
        "actor": staff_name(transition.actor),
        "recipient": staff_name(notification.recipient),
        "charity_name": settings.CHARITY_NAME,
        "change_url": settings.SITE_URL + reverse("admin:treatments_article_change", args=[article.pk]),
        "approve_url": settings.SITE_URL
        + reverse("admin:treatments_article_workflow", args=[article.pk, "approve"]),
        "public_url": settings.SITE_URL + article.get_absolute_url(),
        "readability": readability_of(article.body)
        if transition.to_status == Status.AWAITING_APPROVAL
        else None,
    }
    kind = _email_kind(transition)
    return EmailMessage(
        subject=SUBJECTS[kind].format(title=article.title),
        body=render_to_string(f"treatments/email/workflow_{kind}.txt", context),
        to=[notification.recipient.email],
    )


def send_due_notifications(*, transition_id: int | None = None, limit: int = 100) -> tuple[int, int]:
    """Send the emails whose next attempt is due (of one move, or all). Returns (sent, failed)."""
    sent = failed = 0
    due = ArticleNotification.objects.due()
    if transition_id is not None:
        due = due.filter(transition_id=transition_id)
    for notification_id in list(due.values_list("pk", flat=True)[:limit]):
        with transaction.atomic():
            # SKIP LOCKED: a worker and the cron command never send the same row at once.
            notification = (
                ArticleNotification.objects.select_for_update(skip_locked=True)
                .due()
                .select_related("transition__article", "transition__actor", "recipient")
                .filter(pk=notification_id)
                .first()
            )
            if notification is None:
                continue
            try:
                _email(notification).send()
            except Exception as error:  # any mail failure: record it and retry later
                level = attempt_failed(notification, error)
                logger.log(
                    level, "Workflow email %s failed (attempt %s).", notification.pk, notification.attempts
                )
                failed += 1
            else:
                notification.sent_at = timezone.now()
                notification.save(update_fields=["sent_at"])
                sent += 1
    return sent, failed


@task()
def send_article_notifications_task(transition_id: int) -> int:
    """The background task: in a worker in production; at once in development and tests."""
    return send_due_notifications(transition_id=transition_id)[0]
