"""
Editing without losing work, and signing off with two pairs of eyes: the
preview, "Save and submit", the edit conflict check and four-eyes over the
whole edit history, tested by direct requests as an attacker would send them.
"""

import re

import pytest
from django.core.cache import caches
from django.urls import reverse

from tests.factories import UserFactory, fresh
from tests.html_checks import input_value
from tests.treatments.factories import (
    ArticleFactory,
    CategoryFactory,
    SourceFactory,
    approve,
    approver,
    article_form_data,
    nurse,
    published_article,
    sign_off_data,
)
from treatments import services
from treatments.models import Article, ArticleTransition, ArticleVersion
from treatments.roles import CLINICAL_APPROVERS, NURSE_EDITORS

pytestmark = pytest.mark.django_db


def change_url(article):
    return reverse("admin:treatments_article_change", args=[article.pk])


def preview_url(article):
    return reverse("admin:treatments_article_preview", args=[article.pk])


def approve_url(article):
    return reverse("admin:treatments_article_workflow", args=[article.pk, "approve"])


def both_roles(**kwargs):
    return UserFactory(groups=[NURSE_EDITORS, CLINICAL_APPROVERS], **kwargs)


# --- Four-eyes over the whole edit history --------------------------------------


def test_nobody_in_the_drafts_edit_history_may_approve_it(client):
    a, b, c = both_roles(), both_roles(), approver()
    client.force_login(a)
    category_id = CategoryFactory().pk
    data = {
        **article_form_data(ArticleFactory.build(written_by=a, category_id=category_id), slug="new-page"),
        "written_by": a.pk,
        "category": category_id,
        "seen_version": "",
    }
    assert client.post("/admin/treatments/article/add/", data).status_code == 302  # A writes
    article = Article.objects.get(slug="new-page")
    client.force_login(b)
    edited = article_form_data(article, title="B fixed a comma", seen_version=article.edit_version)
    assert client.post(change_url(article), edited).status_code == 302  # B edits
    article.refresh_from_db()
    assert article.last_edited_by == b
    services.article_submit(article=article, user=fresh(b))

    for person in (a, b):  # A wrote it, B last edited it: both refused
        client.force_login(person)
        response = client.post(approve_url(article), sign_off_data(article, full_review="yes"))
        assert response.status_code == 409
        assert "You changed this draft" in response.content.decode()
    assert not ArticleVersion.objects.exists()

    client.force_login(c)
    assert client.post(approve_url(article), sign_off_data(article, full_review="yes")).status_code == 302
    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED


def test_edits_before_the_live_version_do_not_count(client):
    writer, checker = both_roles(), approver()
    article = published_article(editor=writer, approver_user=checker)
    # A new draft edited only by the earlier approver, who may not approve it; the writer may.
    services.article_record_edit(article=article, editor=fresh(both_roles_from(checker)))
    services.article_submit(article=article, user=fresh(checker))
    assert checker.pk in Article.objects.get(pk=article.pk).draft_editor_ids()
    assert writer.pk not in Article.objects.get(pk=article.pk).draft_editor_ids()
    approve(
        article,
        approver=fresh(writer),
        full_review=False,
    )


def both_roles_from(user):
    user.groups.add(*nurse().groups.all())
    return user


# --- Preview ------------------------------------------------------------------------


def test_the_preview_shows_the_working_copy_to_staff_only(client, settings):
    writer = nurse()
    article = published_article(editor=writer, title="Live title")
    article.title = "Draft title"
    article.body = "<h2>New section</h2><p>Words not yet approved.</p>"
    article.save()

    assert client.get(preview_url(article)).status_code == 302  # anonymous: to the sign-in page
    client.force_login(UserFactory())  # staff without permission to view articles
    assert client.get(preview_url(article)).status_code == 403

    client.force_login(writer)
    response = client.get(preview_url(article))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Preview: not on the website" in html
    assert "Draft title" in html and "Words not yet approved." in html
    assert 'href="#new-section"' in html  # "On this page", from the working copy
    assert "no-store" in response["Cache-Control"]
    assert response["X-Robots-Tag"].startswith("noindex")
    # The public page still shows the approved text.
    client.logout()
    assert "Live title" in client.get(article.get_absolute_url()).content.decode()


def test_a_preview_never_enters_the_page_cache(client, settings):
    article = published_article()
    client.force_login(nurse())
    client.get(preview_url(article))
    cache = caches[settings.PAGE_CACHE_ALIAS]
    assert not any("page:" in str(key) for key in getattr(cache, "_cache", {}))


# --- Nothing lost -------------------------------------------------------------------


def test_save_and_submit_saves_what_was_typed_then_submits(client):
    writer = nurse()
    article = ArticleFactory(written_by=writer, last_edited_by=writer)
    client.force_login(writer)
    data = article_form_data(
        article,
        body="<p>Typed just now.</p>",
        seen_version=article.edit_version,
        note_for_approver="I rewrote the side effects section.",
        _submit_for_approval="Save and submit for approval",
    )
    response = client.post(change_url(article), data)
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.body == "<p>Typed just now.</p>"
    assert article.status == Article.Status.AWAITING_APPROVAL
    submission = ArticleTransition.objects.get(article=article, to_status=Article.Status.AWAITING_APPROVAL)
    assert submission.comment == "I rewrote the side effects section."


def test_save_and_preview_saves_then_opens_the_preview(client):
    writer = nurse()
    article = ArticleFactory(written_by=writer, last_edited_by=writer)
    client.force_login(writer)
    data = article_form_data(
        article, title="Previewed title", seen_version=article.edit_version, _preview="1"
    )
    response = client.post(change_url(article), data)
    assert response["Location"] == preview_url(article)
    assert "Previewed title" in client.get(preview_url(article)).content.decode()


def test_a_save_from_an_out_of_date_form_is_refused_and_keeps_the_text(client):
    first, second = nurse(first_name="Nia", last_name="Roberts"), nurse()
    article = ArticleFactory(written_by=first, last_edited_by=first)
    opened_at = article.edit_version  # both open the article now
    client.force_login(first)
    data = article_form_data(article, title="First save", seen_version=opened_at)
    assert client.post(change_url(article), data).status_code == 302

    client.force_login(second)
    typed = article_form_data(article, title="Second person's title", seen_version=opened_at)
    response = client.post(change_url(article), typed)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Nia Roberts saved this article at" in html
    assert "Second person&#x27;s title" in html  # still in the form
    article.refresh_from_db()
    assert article.title == "First save"
    # The form now carries the current version and shows both titles side by side.
    current = int(input_value(html, "seen_version"))
    assert current == article.edit_version
    assert input_value(html, "conflict_version") == str(current)
    assert 'name="conflict_choice_title" value="mine"' in html
    # Saving again without choosing is refused: never a blind overwrite.
    again = {**typed, "seen_version": current, "conflict_version": current}
    response = client.post(change_url(article), again)
    assert response.status_code == 200
    assert "Choose whether to keep what you typed or what they saved for: Title." in response.content.decode()
    article.refresh_from_db()
    assert article.title == "First save"
    # A choice made: kept.
    assert client.post(change_url(article), {**again, "conflict_choice_title": "mine"}).status_code == 302
    article.refresh_from_db()
    assert article.title == "Second person's title"


# --- Names, not usernames -----------------------------------------------------------


def test_staff_are_shown_by_name_in_lists_choices_and_history(client):
    from staff.models import StaffProfile

    writer = nurse(username="nroberts", first_name="Nia", last_name="Roberts")
    StaffProfile.objects.create(user=writer, public_name="Nia Roberts RN", role_title="Nurse")
    article = published_article(editor=writer)
    client.force_login(writer)
    listing = client.get("/admin/treatments/article/").content.decode()
    assert "Nia Roberts RN" in listing and "nroberts" not in listing
    page = client.get(change_url(article)).content.decode()
    assert ">Nia Roberts RN</option>" in page  # "Written by" choices
    assert "nroberts" not in page.split('id="article_form"')[1]


def test_view_on_site_is_offered_only_for_a_public_page(client):
    writer = nurse()
    draft = ArticleFactory(written_by=writer, last_edited_by=writer)
    live = published_article(editor=writer)
    client.force_login(writer)
    assert draft.get_absolute_url() not in client.get(change_url(draft)).content.decode()
    assert f'href="{live.get_absolute_url()}"' in client.get(change_url(live)).content.decode()


# --- Sources keep their order ------------------------------------------------------


def test_new_sources_go_to_the_end_without_typing_numbers(client):
    from tests.treatments.factories import SourceFactory
    from treatments.models import Source

    writer = nurse()
    article = ArticleFactory(written_by=writer, last_edited_by=writer)
    first = SourceFactory(article=article, position=1, title="First")
    second = SourceFactory(article=article, position=2, title="Second")
    client.force_login(writer)
    data = article_form_data(article, seen_version=article.edit_version)
    existing = [first, second]
    data.update({"sources-TOTAL_FORMS": "4", "sources-INITIAL_FORMS": "2"})
    for index, source in enumerate(existing):
        data.update(
            {
                f"sources-{index}-id": source.pk,
                f"sources-{index}-article": article.pk,
                f"sources-{index}-position": source.position,
                f"sources-{index}-title": source.title,
                f"sources-{index}-publisher": source.publisher,
            }
        )
    for index, title in [(2, "Third, added"), (3, "Fourth, added")]:
        data.update(
            {
                f"sources-{index}-article": article.pk,
                f"sources-{index}-position": "0",  # the default, untouched
                f"sources-{index}-title": title,
                f"sources-{index}-publisher": "BMJ",
            }
        )
    assert client.post(change_url(article), data).status_code == 302
    assert list(
        Source.objects.filter(article=article).order_by("position").values_list("position", "title")
    ) == [
        (1, "First"),
        (2, "Second"),
        (3, "Third, added"),
        (4, "Fourth, added"),
    ]


def test_a_preview_of_the_unsaved_form_shows_what_was_typed_and_saves_nothing(client):
    writer = nurse()
    article = ArticleFactory(
        written_by=writer, last_edited_by=writer, title="Saved title", body="<p>Saved.</p>"
    )
    version_before = article.edit_version
    client.force_login(writer)
    data = article_form_data(
        article,
        title="Typed title",
        body="<h2>Typed section</h2><p>Typed, not saved. [1]</p><script>alert(1)</script>",
        seen_version=article.edit_version,
        **{
            "sources-TOTAL_FORMS": "2",
            "sources-0-title": "A source being typed",
            "sources-0-publisher": "Lancet",
            "sources-0-year": "2021",
            "sources-0-position": "1",
            "sources-1-title": "A source marked for deletion",
            "sources-1-DELETE": "on",
        },
    )
    response = client.post(preview_url(article), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "not saved yet" in html
    assert "Typed title" in html and "Typed, not saved." in html
    assert 'href="#typed-section"' in html  # "On this page", from the typed text
    assert "A source being typed" in html and "A source marked for deletion" not in html
    assert "<script>alert(1)" not in html
    assert "no-store" in response["Cache-Control"]
    article.refresh_from_db()
    assert (article.title, article.body, article.edit_version) == (
        "Saved title",
        "<p>Saved.</p>",
        version_before,
    )
    assert not article.sources.exists()


def test_a_preview_post_needs_the_right_to_see_the_article(client):
    article = ArticleFactory()
    client.force_login(UserFactory())  # staff, without the treatments permissions
    assert client.post(preview_url(article), {"title": "x", "body": "<p>x</p>"}).status_code == 403


def test_the_sources_editor_gives_each_help_once_names_it_from_every_input_and_keeps_a_refused_source(client):
    """The compact sources editor: help written once above the list, a refused source shown again as typed."""
    writer = nurse()
    article = published_article(editor=writer)
    for number in (1, 2, 3):
        SourceFactory(article=article, position=number, title=f"Source {number}")
    client.force_login(writer)
    html = client.get(f"/admin/treatments/article/{article.pk}/change/").content.decode()
    assert html.count('<dl class="compact-help">') == 1
    assert html.count("e.g. “Baas P, et al.”") == 1  # the authors help, once for all three
    assert html.count('id="sources-help-authors"') == 1
    for number in range(3):
        assert re.search(
            rf'name="sources-{number}-authors"[^>]*aria-describedby="sources-help-authors"', html
        )
    assert html.count('class="inline-related has_original"') == 3

    article.refresh_from_db()
    data = article_form_data(
        article,
        seen_version=article.edit_version,
        **{
            "sources-TOTAL_FORMS": "1",
            "sources-0-title": "Nivolumab in pleural mesothelioma — Müller",
            "sources-0-publisher": "Lancet",
            "sources-0-year": "2021",
            "sources-0-position": "4",
            "sources-0-doi": "doi: 10.1016/S0140 6736",
        },
    )
    data["sources-INITIAL_FORMS"] = "0"
    response = client.post(f"/admin/treatments/article/{article.pk}/change/", data)
    html = response.content.decode()
    assert response.status_code == 200
    cell = html.split('class="compact-cell field-doi errors"')[1].split("</div>")[0]
    assert "A DOI starts with “10.”" in cell and 'value="doi: 10.1016/S0140 6736"' in cell
    assert 'value="Nivolumab in pleural mesothelioma — Müller"' in html
    assert article.sources.count() == 3  # nothing half-written was saved
