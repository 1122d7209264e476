"""
Load the demo treatment articles through the real workflow: the nurse writes
and submits, the approver signs off. Review dates are then moved into the
past so the demo shows an overdue page and one due soon; every review is
after the sources its page cites (treatments/trust.py).
"""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from demo.article_texts import ARTICLES, CATEGORIES
from staff.models import StaffProfile
from treatments import drafts, services
from treatments.models import (
    Article,
    ArticleReview,
    ArticleVersion,
    Category,
    Source,
    add_months,
)
from treatments.roles import CLINICAL_APPROVERS, NURSE_EDITORS

DEMO_ROLES = {
    "nurse": (NURSE_EDITORS, "Nia Roberts", "Mesothelioma clinical nurse specialist"),
    "approver": (CLINICAL_APPROVERS, "Sam Okafor", "Lead mesothelioma clinical nurse specialist"),
}


def _demo_staff():
    User = get_user_model()
    users = {}
    for username, (group_name, public_name, role) in DEMO_ROLES.items():
        user = User.objects.get(username=username)
        user.groups.add(Group.objects.get(name=group_name))
        StaffProfile.objects.get_or_create(
            user=user, defaults={"public_name": public_name, "role_title": role}
        )
        # Permissions are cached per user object; fetch a fresh one.
        users[username] = User.objects.get(pk=user.pk)
    return users["nurse"], users["approver"]


def _add_sources(article: Article, sources: list[dict], reviewed_on: datetime.date) -> None:
    """Web pages cited are checked on the day of the review, as the trust checks ask."""
    for position, source in enumerate(sources, 1):
        fields = {key: value for key, value in source.items() if key != "checked_at_review"}
        if source.get("checked_at_review"):
            fields["accessed_on"] = reviewed_on
        Source.objects.create(article=article, position=position, **fields)


def _backdate_review(article: Article, reviewed_on: datetime.date) -> None:
    """Demo history only: pretend the approval and review happened months ago."""
    approved_at = timezone.make_aware(datetime.datetime.combine(reviewed_on, datetime.time(10, 30)))
    ArticleVersion.objects.filter(article=article).update(approved_at=approved_at)
    ArticleReview.objects.filter(article=article).update(reviewed_on=reviewed_on, recorded_at=approved_at)
    article.transitions.update(at=approved_at)
    Article.objects.filter(pk=article.pk).update(
        last_reviewed_on=reviewed_on,
        next_review_due_on=article.next_review_due_after(reviewed_on),
        last_edited_at=approved_at,
    )


def demo_articles_load() -> int:
    """Create the demo articles that do not exist yet. Returns how many were created."""
    nurse, approver = _demo_staff()
    today = timezone.localdate()
    categories = {
        name: Category.objects.get_or_create(name=name, defaults={"position": position})[0]
        for name, position in CATEGORIES
    }
    created = []
    for spec in ARTICLES:
        if Article.objects.filter(slug=spec["slug"]).exists():
            continue
        article = Article.objects.create(
            slug=spec["slug"],
            category=categories[spec["category"]],
            position=spec["position"],
            title=spec["title"],
            summary=spec["summary"],
            body=spec["body"].strip(),
            written_by=nurse,
            last_edited_by=nurse,
        )
        reviewed_on = add_months(today, -spec["reviewed_months_ago"])
        _add_sources(article, spec["sources"], reviewed_on)
        created.append((article, spec))
        services.article_submit(article=article, user=nurse)
        services.article_approve(
            article=article,
            seen_fingerprint=drafts.article_draft_fingerprint(article),
            approver=approver,
            full_review=True,
            sources_rechecked=True,
        )
        _backdate_review(article, reviewed_on)

    by_slug = {article.slug: article for article, _ in created}
    for article, spec in created:
        # Other treatments: the rest of the same category, set explicitly.
        siblings = [other for other in by_slug.values() if other.category_id == article.category_id]
        article.related_articles.set([other for other in siblings if other.pk != article.pk])
        edit = spec.get("pending_edit")
        if edit:
            article.refresh_from_db()
            article.summary = edit["summary"]
            article.body = article.body + edit["body_append"]
            article.save(update_fields=["summary", "body"])
            services.article_record_edit(article=article, editor=nurse)
            services.article_submit(article=article, user=nurse)
    return len(created)
