import datetime
import re
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command
from django.test import override_settings

from tests.factories import fresh
from tests.html_checks import XSS_PAYLOADS, active_content
from tests.treatments.factories import (
    ArticleFactory,
    SourceFactory,
    approve,
    approver,
    nurse,
    published_article,
)
from treatments import services

pytestmark = pytest.mark.django_db

DEMO_SLUGS = [
    "immunotherapy",
    "chemotherapy",
    "surgery",
    "radiotherapy",
    "clinical-trials",
    "multidisciplinary-team",
    "fluid-on-the-lung",
    "living-with-mesothelioma",
    "peritoneal-mesothelioma",
    "tests-and-diagnosis",
    "compensation-and-benefits",
]


def page(client, article):
    return client.get(f"/treatments/{article.slug}/")


def article_element(response) -> str:
    html = response.content.decode()
    return html[html.index("<article") : html.index("</article>")]


def test_an_article_never_approved_is_404(client):
    article = ArticleFactory()
    assert page(client, article).status_code == 404
    services.article_submit(article=article, user=fresh(nurse()))
    assert page(client, article).status_code == 404
    assert article.title not in client.get("/treatments/").content.decode()


def test_the_public_keeps_the_approved_text_while_an_edit_waits(client):
    writer = nurse()
    article = published_article(editor=writer, title="Approved title", summary="Approved summary.")
    approved_article = article_element(page(client, article))

    article.title = "Unapproved title"
    article.summary = "Unapproved summary."
    article.body = "<h2>Unapproved section</h2>"
    article.save()
    SourceFactory(article=article, title="Unapproved source")
    services.article_record_edit(article=article, editor=fresh(writer))
    services.article_submit(article=article, user=fresh(writer))

    response = page(client, article)
    assert response.status_code == 200
    assert article_element(response) == approved_article
    for unapproved in ("Unapproved title", "Unapproved summary", "Unapproved section", "Unapproved source"):
        assert unapproved not in response.content.decode()
        assert unapproved not in client.get("/treatments/").content.decode()


def test_a_withdrawn_article_is_410_with_a_link_to_the_index(client):
    checker = approver()
    article = published_article(approver_user=checker)
    services.article_archive(article=article, approver=fresh(checker))
    response = page(client, article)
    assert response.status_code == 410
    assert 'href="/treatments/"' in response.content.decode()
    assert article.title not in client.get("/treatments/").content.decode()


def test_an_archived_article_that_was_never_public_is_404(client):
    checker = approver()
    article = ArticleFactory()
    services.article_archive(article=article, approver=fresh(checker))
    assert page(client, article).status_code == 404


def test_the_page_shows_sources_review_block_and_contents(client):
    checker = approver(first_name="Sam", last_name="Okafor")
    with time_machine.travel(datetime.date(2026, 2, 3), tick=False):
        article = ArticleFactory(body="<h2>What it is</h2><p>x</p><h2>Side effects</h2><p>y</p>")
        SourceFactory(
            article=article,
            authors="Baas P, et al.",
            title="CheckMate 743",
            publisher="Lancet",
            year=2021,
            volume_pages="397(10272):375-386",
            url="https://example.org/paper",
            accessed_on=datetime.date(2026, 1, 5),
        )
        services.article_submit(article=article, user=fresh(article.last_edited_by))
        approve(
            article,
            approver=fresh(checker),
            full_review=True,
        )
    html = page(client, article).content.decode()
    assert '<a href="#what-it-is">What it is</a>' in html
    assert '<h2 id="side-effects">Side effects</h2>' in html
    assert "Baas P, et al. <cite>CheckMate 743</cite>" in html
    assert "Lancet, 2021;397(10272):375-386." in html
    assert "Accessed <time" in html and "5 January 2026" in html
    assert re.search(r"<dt>Last reviewed</dt>\s*<dd><time[^>]*>3 February 2026</time>", html)
    assert re.search(r"<dt>Next review due</dt>\s*<dd><time[^>]*>3 February 2029</time>", html)
    assert "<dd>Sam Okafor, Clinical nurse specialist</dd>" in html
    assert 'href="/support/contact/"' in html
    assert "due for review" not in html


def test_the_overdue_notice_shows_and_the_content_stays(client):
    with time_machine.travel(datetime.date(2022, 1, 10), tick=False):
        article = published_article(summary="Still readable.")
    with time_machine.travel(datetime.date(2026, 11, 22), tick=False):
        html = page(client, article).content.decode()
    assert "This page is due for review" in html
    assert "10 January 2025" in html
    assert "Still readable." in html


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_xss_in_body_and_sources_is_inert_on_the_page(client, payload):
    editor = nurse()
    article = ArticleFactory(written_by=editor, last_edited_by=editor, body=f"<p>Safe</p>{payload}")
    SourceFactory(
        article=article, authors=payload, title=payload, publisher=payload, volume_pages=payload[:100]
    )
    services.article_submit(article=article, user=fresh(editor))
    approve(
        article,
        approver=fresh(approver()),
        full_review=True,
    )
    html = page(client, article).content.decode()
    article_html = html[html.index("<article") : html.index("</article>")]
    assert "<p>Safe</p>" in article_html
    assert active_content(article_html) == []


def test_a_javascript_source_link_is_refused_by_the_model_field():
    from django.core.exceptions import ValidationError

    source = SourceFactory.build(article=ArticleFactory(), url="javascript:alert(1)")
    with pytest.raises(ValidationError):
        source.full_clean()


def test_index_groups_by_category_in_editor_order(client):
    second = published_article(title="Zeta", category__name="Living with it", category__position=2)
    first = published_article(title="Alpha", category__name="Treatments", category__position=1)
    html = client.get("/treatments/").content.decode()
    assert html.index("Treatments") < html.index("Alpha") < html.index("Living with it") < html.index("Zeta")
    assert first.summary in html and second.get_absolute_url() in html


def test_each_category_section_lists_its_own_articles_in_order(client):
    symptoms = published_article(title="Pleural drain", category__name="Symptoms", category__position=2)
    published_article(title="Breathlessness", category=symptoms.category)
    published_article(title="Chemotherapy", category__name="Treatments", category__position=1)
    html = client.get("/treatments/").content.decode()
    sections = re.findall(
        r'<section aria-labelledby="category-\d+">\s*<h2[^>]*>([^<]+)</h2>(.*?)</section>', html, re.S
    )
    listed = [
        (name, re.findall(r'<h3><a href="/treatments/[^"]+/">([^<]+)</a>', body)) for name, body in sections
    ]
    assert listed == [("Treatments", ["Chemotherapy"]), ("Symptoms", ["Breathlessness", "Pleural drain"])]
    assert f'href="{symptoms.get_absolute_url()}"' in html


def test_other_treatments_show_only_public_articles(client):
    article = published_article()
    public_sibling = published_article(category=article.category, title="Public sibling")
    ArticleFactory(category=article.category, title="Draft sibling")
    html = page(client, article).content.decode()
    assert "Public sibling" in html
    assert "Draft sibling" not in html
    assert public_sibling.get_absolute_url() in html


def _grow(article, sources: int, related: int):
    for _ in range(sources):
        SourceFactory(article=article)
    for _ in range(related):
        article.related_articles.add(published_article(category=article.category))


@pytest.mark.parametrize(("sources", "related"), [(1, 1), (20, 12)])
def test_article_page_query_count_does_not_grow(client, django_assert_max_num_queries, sources, related):
    editor = nurse()
    article = ArticleFactory(written_by=editor, last_edited_by=editor)
    _grow(article, sources, related)
    services.article_submit(article=article, user=fresh(editor))
    approve(
        article,
        approver=fresh(approver()),
        full_review=True,
    )
    with django_assert_max_num_queries(3):
        response = page(client, article)
    assert response.status_code == 200
    assert response.content.decode().count("<cite>") == sources


def test_the_article_page_reads_all_it_shows_in_one_query(client, settings, django_assert_num_queries):
    # The view loads only the columns the page needs; a field it forgot would
    # be fetched on its own, as a second query.
    settings.PAGE_CACHE_SECONDS = 0
    with time_machine.travel(datetime.date(2022, 1, 10), tick=False):
        article = published_article(title="Pleural drains", summary="How a drain helps.")
        article.related_articles.add(published_article(category=article.category, title="Pleurodesis"))
    with time_machine.travel(datetime.date(2026, 11, 22), tick=False):
        page(client, article)  # builds the cached list of other treatments
        with django_assert_num_queries(1):
            html = page(client, article).content.decode()
    version = article.live_version
    review = article.last_review
    for shown in (
        "This page is due for review",
        "10 January 2025",
        article.category.name,
        "How a drain helps.",
        f"<dd>{review.reviewer_name}",
        f"<dd>{version.written_by_name}</dd>",
        ">Pleurodesis</a>",
    ):
        assert shown in html


@pytest.mark.parametrize("count", [2, 15])
def test_index_query_count_does_not_grow(client, django_assert_max_num_queries, count):
    for _ in range(count):
        published_article()
    with django_assert_max_num_queries(1):
        response = client.get("/treatments/")
    assert response.content.decode().count('<li>\n      <h3><a href="/treatments/') == count


@override_settings(DEBUG=True)
@time_machine.travel(datetime.datetime(2026, 11, 22, 12, 0), tick=False)
def test_demo_content_renders_and_only_radiotherapy_is_overdue(client):
    call_command("load_demo_content", stdout=StringIO())
    for slug in DEMO_SLUGS:
        response = client.get(f"/treatments/{slug}/")
        assert response.status_code == 200, slug
        html = response.content.decode()
        assert html.count("<cite>") >= 1, slug  # each page's own sources (radiotherapy has one)
        assert ("This page is due for review" in html) == (slug == "radiotherapy"), slug
    chemotherapy = client.get("/treatments/chemotherapy/").content.decode()
    assert "Coping with side effects" not in chemotherapy
    # The home page and the index lead to every page, the new topics included, and to the A to Z.
    home = client.get("/").content.decode()
    index = client.get("/treatments/").content.decode()
    for slug in DEMO_SLUGS:
        assert f'href="/treatments/{slug}/"' in home and f'href="/treatments/{slug}/"' in index, slug
    assert 'href="/glossary/"' in home and 'href="/glossary/"' in index


def test_a_script_already_in_the_database_is_neutralised_at_render(client):
    """Security plan A5: a row written around the services (shell, bad migration)."""
    from treatments.models import ArticleVersion

    article = published_article(title='"><script>alert(1)</script>')
    # The column the page renders from: the fragment stored at approval.
    ArticleVersion.objects.filter(pk=article.live_version_id).update(
        body_html="<p>kept</p><script>alert(2)</script><img src=x onerror=alert(3)>"
    )
    html = page(client, article).content.decode()
    assert "<p>kept</p>" in html
    assert "<script>alert" not in html and "onerror" not in html
    assert "&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in html
