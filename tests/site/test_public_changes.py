"""
Every write path that changes what the public sees throws away the cached
public pages, once its transaction commits: the services are its one home.
"""

import pytest
from django.core.cache import caches
from django.urls import reverse

from core.page_cache import GENERATION_KEY
from tests.factories import fresh
from tests.treatments.factories import (
    CategoryFactory,
    approve,
    approver,
    article_form_data,
    nurse,
    published_article,
)
from treatments import drafts, services
from treatments.models import Category

pytestmark = pytest.mark.django_db


@pytest.fixture
def generation(settings):
    cache = caches[settings.PAGE_CACHE_ALIAS]
    return lambda: cache.get(GENERATION_KEY, 0)


def article_change_url(article):
    return reverse("admin:treatments_article_change", args=[article.pk])


def test_approving_withdrawing_restoring_and_re_reviewing(generation, committed):
    writer, checker = nurse(), approver()
    article = published_article(editor=writer, approver_user=checker)
    steps = [
        lambda: services.article_archive(article=article, approver=fresh(checker)),
        lambda: services.article_restore(article=article, approver=fresh(checker)),
        lambda: services.article_confirm_still_accurate(
            article=article,
            seen_fingerprint=drafts.article_draft_fingerprint(article),
            approver=fresh(checker),
            sources_rechecked=False,
        ),
    ]
    for step in steps:
        before = generation()
        committed(step)
        assert generation() > before


def test_an_approval(generation, committed):
    writer, checker = nurse(), approver()
    article = published_article(editor=writer, approver_user=checker)
    committed(services.article_record_edit, article=article, editor=fresh(writer))
    committed(services.article_submit, article=article, user=fresh(writer))
    before = generation()
    committed(
        approve,
        article,
        approver=fresh(checker),
        full_review=False,
    )
    assert generation() > before


@pytest.mark.parametrize(
    "changes",
    [
        {"review_interval_months": 12},
        {"position": 7},
        {"category": "new"},
    ],
)
def test_admin_changes_to_a_live_article_that_show_without_approval(client, generation, committed, changes):
    writer = nurse()
    article = published_article(editor=writer)
    if changes.get("category") == "new":
        changes = {"category": CategoryFactory().pk}
    client.force_login(writer)
    before = generation()
    response = committed(client.post, article_change_url(article), article_form_data(article, **changes))
    assert response.status_code == 302
    assert generation() > before


def test_the_related_articles_of_a_live_article(client, generation, committed):
    writer = nurse()
    article, other = published_article(editor=writer), published_article(editor=writer)
    client.force_login(writer)
    before = generation()
    data = article_form_data(article, related_articles=[other.pk])
    assert committed(client.post, article_change_url(article), data).status_code == 302
    assert generation() > before


def test_adding_changing_and_deleting_a_category(admin_client, generation, committed):
    before = generation()
    response = committed(
        admin_client.post, "/admin/treatments/category/add/", {"name": "Care", "position": 3}
    )
    assert response.status_code == 302
    category = Category.objects.get(name="Care")
    assert generation() > before

    before = generation()
    url = f"/admin/treatments/category/{category.pk}/change/"
    assert committed(admin_client.post, url, {"name": "Caring", "position": 3}).status_code == 302
    assert generation() > before

    before = generation()
    url = f"/admin/treatments/category/{category.pk}/delete/"
    assert committed(admin_client.post, url, {"post": "yes"}).status_code == 302
    assert not Category.objects.filter(pk=category.pk).exists()
    assert generation() > before


def test_a_draft_edit_changes_nothing_public(client, generation, committed):
    writer = nurse()
    article = published_article(editor=writer)
    client.force_login(writer)
    before = generation()
    data = article_form_data(article, title="A draft title")
    assert committed(client.post, article_change_url(article), data).status_code == 302
    assert generation() == before
