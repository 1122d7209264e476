"""Versions approved before the structure pass get it by migration, as pages no longer run it on each view."""

import pytest

from tests.migrating import latest, migrate_to
from tests.treatments.factories import published_article
from treatments.models import ArticleVersion

BEFORE = [("treatments", "0025_glossary_approved_columns_removed")]
OLD_FRAGMENT = (
    '<h2 id="what-it-is">What it is</h2><p>&nbsp;</p><h2 id=""></h2><p><img alt="x"></p><p>Text.</p>'
)


@pytest.mark.django_db(transaction=True)
def test_an_older_versions_fragments_lose_empty_blocks_and_images_without_a_picture(client, roles):
    article = published_article(
        body="<h2>What it is</h2><p>&nbsp;</p><h2></h2><p><img alt='x'></p><p>Text.</p>"
    )
    old = migrate_to(BEFORE)
    old.get_model("treatments", "ArticleVersion").objects.filter(article_id=article.pk).update(
        body_html=OLD_FRAGMENT,
        sections=[{"id": "what-it-is", "text": "What it is"}, {"id": "", "text": ""}],
    )
    migrate_to(latest())
    version = ArticleVersion.objects.get(article=article)
    assert version.body_html == '<h2 id="what-it-is">What it is</h2><p>Text.</p>'
    assert [section["text"] for section in version.sections] == ["What it is"]
    page = client.get(article.get_absolute_url()).content.decode()
    assert "<p>&nbsp;</p>" not in page and "<img" not in page.split("<main", 1)[1]
