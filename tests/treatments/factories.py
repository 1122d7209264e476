"""Treatments factories: staff in the clinical roles, articles, and the admin form's data."""

import factory

from staff.models import StaffProfile
from tests.factories import UserFactory, fresh
from treatments import drafts, services
from treatments.models import Article, Category, Source
from treatments.roles import CLINICAL_APPROVERS, NURSE_EDITORS


def nurse(**kwargs):
    return UserFactory(groups=[NURSE_EDITORS], **kwargs)


def approver(**kwargs):
    user = UserFactory(groups=[CLINICAL_APPROVERS], **kwargs)
    StaffProfile.objects.create(
        user=user, public_name=f"{user.first_name} {user.last_name}", role_title="Clinical nurse specialist"
    )
    return user


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category

    name = factory.Sequence(lambda n: f"Category {n}")
    position = factory.Sequence(int)


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article

    slug = factory.Sequence(lambda n: f"article-{n}")
    category = factory.SubFactory(CategoryFactory)
    title = factory.Sequence(lambda n: f"Treatment {n}")
    summary = "What this treatment is and who may have it."
    body = "<h2>What it is</h2><p>A plain explanation.</p><h2>Side effects</h2><p>Tiredness.</p>"
    written_by = factory.SubFactory(UserFactory, groups=[NURSE_EDITORS])
    last_edited_by = factory.SelfAttribute("written_by")


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Source

    article = factory.SubFactory(ArticleFactory)
    position = factory.Sequence(int)
    authors = "Baas P, et al."
    title = factory.Sequence(lambda n: f"A study of treatment {n}")
    publisher = "Lancet"
    year = 2021


def published_article(editor=None, approver_user=None, **kwargs) -> Article:
    """An article written by a nurse and approved, with a full review, by an approver."""
    editor = editor or nurse()
    approver_user = approver_user or approver()
    article = ArticleFactory(written_by=editor, last_edited_by=editor, **kwargs)
    services.article_submit(article=article, user=fresh(editor))
    approve(article, approver=fresh(approver_user), full_review=True)
    article.refresh_from_db()
    return article


def approve(article, *, approver, **options):
    """Approve `article` as an approver who has just read its draft as it is now."""
    fingerprint = drafts.article_draft_fingerprint(article)
    return services.article_approve(
        article=article, seen_fingerprint=fingerprint, approver=approver, **options
    )


def sign_off_data(article, **fields) -> dict:
    """An approve, return or confirm form as the page for `article` as it is now would send it."""
    return {"seen_fingerprint": drafts.article_draft_fingerprint(article), **fields}


def article_form_data(article, **changes):
    data = {
        "title": article.title,
        "summary": article.summary,
        "body": article.body,
        "category": article.category_id,
        "position": article.position,
        "written_by": article.written_by_id,
        "review_interval_months": article.review_interval_months,
        "sources-TOTAL_FORMS": "0",
        "sources-INITIAL_FORMS": "0",
        "resources-TOTAL_FORMS": "0",
        "resources-INITIAL_FORMS": "0",
    }
    if not article.live_version_id:
        data["slug"] = article.slug
    data.update(changes)
    return data
