"""
Emails that tell nurses and approvers something waits for them: a draft
submitted (to each clinical approver but the submitter), returned (to its last
editor, with the comment), taken back from approval by an edit (to the
approvers), approved (to everyone who edited that version).

Each email is an ArticleNotification, an outbox row (core/outbox.py) written
in the transaction of the move and sent after it commits.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse

from core.outbox import outbox_send_after_commit
from staff.names import staff_name

from .models import Article, ArticleNotification, ArticleTransition
from .readability import readability_of
from .roles import clinical_team
from .workflow import Status


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
    outbox_send_after_commit(
        ArticleNotification,
        ArticleNotification.objects.filter(transition=transition).values_list("pk", flat=True),
    )


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


def notification_email(notification: ArticleNotification) -> EmailMessage:
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
