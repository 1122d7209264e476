"""
Two people, one article: a save from an out-of-date form shows what the
other person saved beside what was typed, part by part, and the next save
keeps, for each part that differs, exactly what the person chose. Posted
directly, as any client could.
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.html_checks import input_value
from tests.treatments.factories import ArticleFactory, article_form_data, nurse
from treatments.edit_conflict import differs, edit_conflicts

pytestmark = pytest.mark.django_db

THEIR_BODY = "<h2>Drains</h2><p>A drain eases breathing.</p><p>Priya's new paragraph about infection.</p>"
YOUR_BODY = "<h2>Drains</h2><p>A drain eases breathlessness.</p><p>Tom's new paragraph about showering.</p>"


def change_url(article):
    return reverse("admin:treatments_article_change", args=[article.pk])


@pytest.fixture
def conflict(client):
    """Priya saved after Tom opened the article; Tom's save is refused. Returns Tom's form and the page."""
    priya, tom = nurse(first_name="Priya", last_name="Nair"), nurse(first_name="Tom", last_name="Hale")
    article = ArticleFactory(
        written_by=priya,
        last_edited_by=priya,
        title="Drains",
        body="<h2>Drains</h2><p>A drain eases breathing.</p>",
    )
    opened = article.edit_version
    client.force_login(priya)
    saved = article_form_data(article, title="Pleural drains", body=THEIR_BODY, seen_version=opened)
    assert client.post(change_url(article), saved).status_code == 302
    client.force_login(tom)
    typed = article_form_data(
        article, title="Drains", body=YOUR_BODY, summary="Tom's summary.", seen_version=opened
    )
    response = client.post(change_url(article), typed)
    assert response.status_code == 200
    return article, typed, response.content.decode()


def test_the_refused_page_shows_both_versions_side_by_side_word_by_word(conflict):
    _, _, html = conflict
    panel = html.split('class="module edit-conflict"', 1)[1].split("</section>", 1)[0]
    assert "What Priya Nair saved, beside what you typed" in panel
    for label in ("Title", "Summary", "Body"):
        assert f"<legend>{label}</legend>" in panel
    # Their new paragraph beside yours: the words only on one side marked on that side.
    assert "[only in what they saved: </span>infection<" in panel
    assert "[only in what you typed: </span>showering<" in panel
    assert "new paragraph about" in panel
    # A changed word inside a shared paragraph: one word marked on each side.
    assert "[only in what they saved: </span>breathing<" in panel
    assert "[only in what you typed: </span>breathlessness<" in panel
    assert "1 unchanged heading, the same on both sides" in panel


def test_each_part_keeps_what_was_chosen(client, conflict):
    article, typed, html = conflict
    again = {
        **typed,
        "seen_version": input_value(html, "seen_version"),
        "conflict_version": input_value(html, "conflict_version"),
        "conflict_choice_title": "theirs",
        "conflict_choice_summary": "mine",
        "conflict_choice_body": "mine",
    }
    assert client.post(change_url(article), again).status_code == 302
    article.refresh_from_db()
    assert article.title == "Pleural drains"  # theirs
    assert article.summary == "Tom's summary."  # yours
    assert "showering" in article.body and "infection" not in article.body  # yours, chosen knowingly


def test_a_part_left_unchosen_is_refused_and_names_the_parts(client, conflict):
    article, typed, html = conflict
    again = {
        **typed,
        "seen_version": input_value(html, "seen_version"),
        "conflict_version": input_value(html, "conflict_version"),
        "conflict_choice_title": "mine",
    }
    response = client.post(change_url(article), again)
    page = response.content.decode()
    assert "what they saved for: Summary, Body." in page
    assert 'value="mine" checked> Keep what I typed' in page  # the title's choice is kept
    article.refresh_from_db()
    assert article.title == "Pleural drains" and "infection" in article.body


def test_a_third_save_in_between_starts_the_comparison_again(client, conflict):
    article, typed, html = conflict
    third = nurse(first_name="Sam", last_name="Lee")
    article.refresh_from_db()
    client.force_login(third)
    assert (
        client.post(
            change_url(article),
            article_form_data(article, title="Drains and catheters", seen_version=article.edit_version),
        ).status_code
        == 302
    )
    client.force_login(article.edits.order_by("at").last().editor)
    again = {
        **typed,
        "seen_version": input_value(html, "seen_version"),
        "conflict_version": input_value(html, "conflict_version"),
        "conflict_choice_title": "mine",
        "conflict_choice_summary": "mine",
        "conflict_choice_body": "mine",
    }
    response = client.post(change_url(article), again)
    assert response.status_code == 200
    assert "Sam Lee saved this article at" in response.content.decode()
    article.refresh_from_db()
    assert article.title == "Drains and catheters"


def test_a_file_chosen_in_a_refused_form_is_named_to_choose_again(client):
    priya, tom = nurse(), nurse()
    article = ArticleFactory(written_by=priya, last_edited_by=priya)
    opened = article.edit_version
    client.force_login(priya)
    client.post(change_url(article), article_form_data(article, title="Changed", seen_version=opened))
    client.force_login(tom)
    data = article_form_data(
        article,
        seen_version=opened,
        **{
            "resources-TOTAL_FORMS": "1",
            "resources-0-title": "Drain care at home",
            "resources-0-position": "1",
            "resources-0-file": SimpleUploadedFile("drain-care.pdf", b"%PDF-1.4\n%%EOF\n", "application/pdf"),
        },
    )
    html = client.post(change_url(article), data).content.decode()
    assert "cannot keep the files you chose" in html
    assert "<li>drain-care.pdf</li>" in html


def test_markup_the_editor_rewrites_is_not_a_difference():
    assert not differs("body", "<p>A drain.</p>", "<p>A drain.</p>\n")
    assert not differs("body", "<p><span style='x'>A drain.</span></p>", "<p>A drain.</p>")
    assert differs("body", "<p>A drain.</p>", "<p>Two drains.</p>")


def test_only_parts_that_differ_need_a_choice():
    class Saved:
        title, summary, body = "Same", "Same summary.", "<p>Theirs.</p>"

    conflicts = edit_conflicts(
        theirs=Saved, yours={"title": "Same", "summary": "Same summary.", "body": "<p>Mine.</p>"}
    )
    assert [conflict.name for conflict in conflicts] == ["body"]
