"""Advisory content checks: each one found when it should be, and a clean page has none."""

from treatments.content_checks import content_findings

CLEAN = (
    "<h2>What it is</h2><p>A short, plain sentence.</p>"
    '<h3>Side effects</h3><p>Read the <a href="https://www.nhs.uk/">NHS advice on side effects</a>.</p>'
    "<table><tr><th>Drug</th></tr><tr><td>Nivolumab</td></tr></table>"
)
GOOD_SOURCE = {
    "title": "CheckMate 743",
    "year": 2021,
    "url": "https://doi.org/x",
    "accessed_on": "2026-01-05",
}


def checks(body, sources=()):
    return [finding.check for finding in content_findings(body, list(sources))]


def test_a_clean_page_has_no_findings():
    assert checks(CLEAN, [GOOD_SOURCE]) == []


def test_each_problem_is_found():
    long_sentence = " ".join(["word"] * 26) + "."
    body = (
        '<h2>Start</h2><h4>Skipped a level</h4><h3></h3><p><img src="/media/x.png"></p>'
        '<p><a href="/x">click here</a> and <a href="https://example.org/a">https://example.org/a</a></p>'
        f"<table><tr><td>No header</td></tr></table><p>{long_sentence}</p>"
    )
    sources = [{"title": "No year"}, {"title": "Unchecked link", "year": 2020, "url": "https://example.org"}]
    assert sorted(checks(body, sources)) == sorted(
        [
            "heading-skip",
            "empty-heading",
            "image-alt",
            "link-text",
            "link-text",
            "table-header",
            "long-sentence",
            "source-year",
            "source-accessed",
        ]
    )


def test_findings_show_on_the_change_and_approve_pages(client, db):
    from django.urls import reverse

    from tests.factories import fresh
    from tests.treatments.factories import ArticleFactory, approver, nurse
    from treatments import services

    writer = nurse()
    article = ArticleFactory(
        written_by=writer, last_edited_by=writer, body='<p><a href="/x">click here</a></p>'
    )
    services.article_submit(article=article, user=fresh(writer))
    client.force_login(writer)
    assert (
        "A link reads “click here”"
        in client.get(reverse("admin:treatments_article_change", args=[article.pk])).content.decode()
    )
    client.force_login(approver())
    page = client.get(
        reverse("admin:treatments_article_workflow", args=[article.pk, "approve"])
    ).content.decode()
    assert "A link reads “click here”" in page and "They do not stop approval" in page
