"""The production record of an article: every version and review, sources' checks, feedback and enquiries."""

import io

import pytest
from django.core.management import call_command

from support import services as support_services
from tests.factories import fresh
from tests.support.factories import make_request, support_user
from tests.treatments.factories import approve, approver, nurse
from treatments.models import Article, ArticleReview, ArticleVersion, PageFeedback

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_article(settings):
    settings.DEBUG = True
    call_command("load_demo_content", stdout=io.StringIO())
    settings.DEBUG = False
    return Article.objects.get(slug="immunotherapy")


def test_the_record_lists_every_version_and_review_of_a_demo_article(client, demo_article):
    from treatments import services

    writer = nurse()
    checker = approver()
    demo_article.summary = "A new summary."
    demo_article.last_edited_by = writer
    demo_article.save()
    services.article_record_edit(
        article=demo_article, editor=fresh(writer), changed_fields={"summary"}, content_changed=True
    )
    services.article_submit(article=demo_article, user=fresh(writer))
    approve(
        demo_article,
        approver=fresh(checker),
        full_review=True,
        comment="Checked the trial figures.",
    )
    demo_article.refresh_from_db()
    PageFeedback.objects.create(article=demo_article, version=demo_article.live_version, helpful=True)
    PageFeedback.objects.create(article=demo_article, version=demo_article.live_version, helpful=False)
    staff = fresh(support_user())
    answered = make_request()
    support_services.enquiry_tag_set(contact_request=answered, actor=staff, article_id=demo_article.pk)

    client.force_login(writer)
    page = client.get(f"/admin/treatments/article/{demo_article.pk}/record/").content.decode()
    versions = ArticleVersion.objects.filter(article=demo_article)
    reviews = ArticleReview.objects.filter(article=demo_article)
    assert f"Approved versions ({versions.count()})" in page and versions.count() >= 2
    assert f"Full clinical reviews ({reviews.count()})" in page and reviews.count() >= 2
    for version in versions:
        assert f'<th scope="row">{version.number}' in page
    assert "Checked the trial figures." in page
    assert "<td>1 / 1</td>" in page  # this version's feedback
    assert "1 enquiry closed by the support line as answered by this page." in page
    assert "Reading age" in page
    # Every workflow move; the article's own page shows the newest ten of the same.
    moves = demo_article.transitions.count()
    assert f"Workflow history ({moves})" in page and page.count("Awaiting approval → Published") >= 2
    form = client.get(f"/admin/treatments/article/{demo_article.pk}/change/").content.decode()
    history = form.split('id="history-heading"')[1]
    assert "Checked the trial figures." in history and "Draft → Awaiting approval" in history
    assert f"/admin/treatments/article/{demo_article.pk}/record/" in history

    download = client.get(f"/admin/treatments/article/{demo_article.pk}/record/?download=html")
    assert download["Content-Disposition"] == 'attachment; filename="production-record-immunotherapy.html"'
    assert download.content.decode().startswith("<!DOCTYPE html>")

    client.force_login(support_user())
    assert client.get(f"/admin/treatments/article/{demo_article.pk}/record/").status_code == 403
