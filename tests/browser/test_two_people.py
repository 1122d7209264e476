"""
Two people, one article, in two browsers: each sees that the other has it
open, by public name; both save; the second save is refused with the two
texts side by side, and nothing either typed is lost unless its writer chose.
"""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from staff.models import StaffProfile
from tests.browser.pages import add_paragraph, serious_violations, sign_in
from tests.treatments.factories import ArticleFactory, nurse

pytestmark = pytest.mark.django_db(transaction=True)
SCREENSHOTS = Path(__file__).parent / "screenshots"
PRIYAS = "Priya added this paragraph about infection."
TOMS = "Tom added this paragraph about showering."


def test_both_save_and_no_paragraph_is_lost_without_a_choice(visit):
    priya = nurse(username="priya", first_name="Priya", last_name="Nair")
    tom = nurse(username="tom", first_name="Tom", last_name="Hale")
    StaffProfile.objects.create(user=priya, public_name="Priya Nair RN", role_title="Nurse specialist")
    StaffProfile.objects.create(user=tom, public_name="Tom Hale", role_title="Nurse specialist")
    article = ArticleFactory(
        written_by=priya, last_edited_by=priya, title="Pleural drains", body="<p>A drain eases breathing.</p>"
    )
    url = f"/admin/treatments/article/{article.pk}/change/"
    first = visit(viewport={"width": 1280, "height": 900})
    second = visit(viewport={"width": 1280, "height": 900})
    sign_in(first, priya.username)
    sign_in(second, tom.username)
    first.goto(url)
    second.goto(url)

    # Each is told the other has the page open, by public name (the heartbeat, within seconds).
    expect(second.locator("#page-presence")).to_contain_text("Priya Nair RN has had this page open since")
    first.reload()
    expect(first.locator("#page-presence")).to_contain_text("Tom Hale has had this page open since")
    first.screenshot(path=str(SCREENSHOTS / "presence-notice-1280.png"))
    assert serious_violations(first, "#page-presence", ".workflow-status") == []

    add_paragraph(first, PRIYAS)
    first.get_by_role("button", name="Save and continue editing").click()
    expect(first.locator(".messagelist")).to_contain_text("was changed successfully")

    add_paragraph(second, TOMS)
    second.get_by_role("button", name="Save and continue editing").click()
    conflict = second.locator(".edit-conflict")
    expect(conflict).to_contain_text("What Priya Nair RN saved, beside what you typed")
    expect(conflict.locator("mark.conflict-theirs")).not_to_have_count(0)
    expect(conflict).to_contain_text("infection")
    expect(conflict).to_contain_text("showering")
    second.screenshot(path=str(SCREENSHOTS / "edit-conflict-1280.png"), full_page=True)
    assert serious_violations(second, ".edit-conflict", ".errornote") == []
    article.refresh_from_db()
    assert PRIYAS in article.body and TOMS not in article.body  # Tom's is not saved yet, Priya's is kept

    # Saving again without choosing is refused; Tom keeps his text, then copies Priya's paragraph in.
    second.get_by_role("button", name="Save and continue editing").click()
    expect(second.locator(".errornote").first).to_be_visible()
    expect(
        second.get_by_text("Choose whether to keep what you typed or what they saved for: Body.")
    ).to_be_visible()
    second.get_by_label("Keep what I typed").check()
    add_paragraph(second, PRIYAS)
    second.get_by_role("button", name="Save and continue editing").click()
    expect(second.locator(".messagelist")).to_contain_text("was changed successfully")
    article.refresh_from_db()
    assert PRIYAS in article.body and TOMS in article.body  # both paragraphs, by Tom's choice
