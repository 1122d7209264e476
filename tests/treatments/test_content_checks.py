"""Advisory content checks: each one found when it should be, and a clean page has none."""

from pathlib import Path

from treatments.content_checks import content_findings
from treatments.readability import readability_of
from treatments.sanitise import sanitise_html

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
            "heading-skip",  # an empty heading is not one: the page never has it (normalise.py)
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


# --- Checks nurses can trust: blocks are never joined, and the text is the public's --------

FIXTURES = Path(__file__).parent.parent / "fixtures"
SIDE_EFFECTS = [
    "Feeling tired",
    "Feeling sick",
    "Loss of appetite",
    "A sore mouth",
    "Hair thinning",
    "Diarrhoea",
    "Constipation",
    "Skin rash",
    "Itching",
    "Numb fingers",
    "Ringing in the ears",
    "A higher risk of infection",
]


def test_a_bulleted_list_of_twelve_short_items_is_not_a_long_sentence():
    body = "<h2>Side effects</h2><ul>" + "".join(f"<li>{item}</li>" for item in SIDE_EFFECTS) + "</ul>"
    assert "long-sentence" not in checks(body)
    report = readability_of(body)
    assert report.longest_sentences[0][0] == 5  # "A higher risk of infection"


def test_table_cells_and_headings_are_not_run_together():
    cells = "".join(f"<td>{item} for some people</td>" for item in SIDE_EFFECTS[:6])
    row_headers = "".join(f"<th>Week {n}</th>" for n in range(1, 7))
    body = f"<h2>When they happen</h2><table><tr>{row_headers}</tr><tr>{cells}</tr></table><h3>Why</h3>"
    assert "long-sentence" not in checks(body)


def test_a_long_sentence_is_quoted_and_placed_under_its_heading():
    long_sentence = "Most people " + " ".join(["who have this treatment"] * 6) + " feel tired."
    body = f"<h2>What it is</h2><p>Short one.</p><h2>Side effects</h2><p>Fine. {long_sentence}</p>"
    [finding] = [found for found in content_findings(body, []) if found.check == "long-sentence"]
    assert finding.where == "under “Side effects”"
    assert "“Most people who have this treatment who have…”" in finding.message
    assert "Fine." not in finding.message


def test_each_finding_says_where_it_is():
    body = (
        '<p><a href="/x">click here</a></p><h2>Drains</h2><p><img src="/media/x.png"></p>'
        "<h2>Tests</h2><table><tr><td>No header</td></tr></table><h2></h2>"
    )
    places = {finding.check: finding.where for finding in content_findings(body, [])}
    assert places == {
        "link-text": "before the first heading",
        "image-alt": "under “Drains”",
        "table-header": "under “Tests”",
    }


def test_a_word_body_is_read_as_its_sanitised_text():
    """Word's style sheet and list markers are not words the public reads."""
    pasted = (FIXTURES / "paste" / "word2016-safari-nested-mixed-list.html").read_text()
    assert readability_of(pasted) == readability_of(sanitise_html(pasted))
    report = readability_of(pasted)
    # Six short list items (A1 to F2, Word's typed markers gone: they are a real list now),
    # not Word's style sheet.
    assert report.word_count <= 6
    assert [sentence for _, sentence in report.longest_sentences] == ["A1", "B2", "C4"]
    assert content_findings(pasted, []) == content_findings(sanitise_html(pasted), [])
    assert "long-sentence" not in checks(pasted)


def test_the_demo_articles_have_no_findings_a_nurse_would_call_wrong():
    """The demo pages are written to the checks: every finding on them would be a false alarm."""
    from demo.article_texts import ARTICLES

    assert ARTICLES
    for article in ARTICLES:
        sources = [{"title": "A source", "year": 2021}] * 12  # the citations are checked elsewhere
        findings = [f for f in content_findings(article["body"], sources) if f.check != "citation-unused"]
        assert findings == [], article["slug"]
