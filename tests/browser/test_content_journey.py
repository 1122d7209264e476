"""Journey 1: a nurse writes an article in CKEditor 5, an approver signs it off, the public reads it."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.pages import sign_in
from tests.treatments.factories import CategoryFactory, approver, nurse
from treatments.models import Article
from treatments.sanitise import sanitise_html

pytestmark = pytest.mark.django_db(transaction=True)


def type_article_body(page):
    """Formatted text through the real editor: a heading, a list and a link."""
    editor = page.locator(".ck-editor__editable").first
    editor.click()
    page.keyboard.type("## How it is given")
    page.keyboard.press("Enter")
    page.keyboard.type("You have it through a drip. You may need:")
    page.keyboard.press("Enter")
    page.keyboard.type("- a blood test first")
    page.keyboard.press("Enter")
    page.keyboard.type("a lie-down afterwards")
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")  # leaves the list
    page.keyboard.type("Read the NHS advice")
    page.keyboard.press("Shift+Home")
    page.keyboard.press("Control+k")
    page.get_by_label("Link URL").fill("https://www.nhs.uk/")
    page.get_by_role("button", name="Insert", exact=True).click()


def add_source(page, index, authors, title, publisher, year):
    page.locator(".add-row a", has_text=re.compile("Add another source", re.I)).click()
    page.fill(f"#id_sources-{index}-authors", authors)
    page.fill(f"#id_sources-{index}-title", title)
    page.fill(f"#id_sources-{index}-publisher", publisher)
    page.fill(f"#id_sources-{index}-year", str(year))


def approve(page, article_id, *, full_review):
    page.goto(f"/admin/treatments/article/{article_id}/change/")
    page.get_by_role("link", name="Approve", exact=True).click()
    expect(page.get_by_role("heading", name="What changed since the live version")).to_be_visible()
    page.check("#id_full_review_0" if full_review else "#id_full_review_1")
    page.get_by_role("button", name="Approve and publish").click()
    expect(page.get_by_text("Approved. Patients now see this version.")).to_be_visible()


def test_nurse_writes_approver_approves_public_reads(visit):
    writer = nurse(username="nia")
    checker = approver(username="sam")
    category = CategoryFactory(name="Treatments for pleural mesothelioma")

    # The nurse writes the article in the admin.
    nurse_page = visit()
    sign_in(nurse_page, writer.username)
    nurse_page.goto("/admin/treatments/article/add/")
    nurse_page.fill("#id_title", "Pleural drains")
    nurse_page.fill("#id_summary", "A pleural drain removes fluid from around the lung.")
    type_article_body(nurse_page)
    nurse_page.select_option("#id_category", str(category.pk))
    add_source(nurse_page, 0, "Baas P, et al.", "CheckMate 743", "Lancet", 2021)
    add_source(nurse_page, 1, "Vogelzang NJ, et al.", "Pemetrexed with cisplatin", "J Clin Oncol", 2003)
    nurse_page.get_by_role("button", name="Save and continue editing").click()
    expect(nurse_page.locator(".workflow-status")).to_contain_text("Status: Draft")

    article = Article.objects.get(title="Pleural drains")
    public_url = article.get_absolute_url()
    body = sanitise_html(article.body)
    assert "<h2>How it is given</h2>" in body
    assert "<ul><li>a blood test first</li><li>a lie-down afterwards</li></ul>" in body
    assert '<a href="https://www.nhs.uk/" rel="noopener">Read the NHS advice</a>' in body
    assert article.sources.count() == 2

    nurse_page.get_by_role("link", name="Submit for approval").click()
    nurse_page.get_by_role("button", name="Submit for approval").click()
    expect(nurse_page.get_by_text("Submitted for approval")).to_be_visible()

    # Not public yet.
    visitor = visit()
    assert visitor.goto(public_url).status == 404

    # The approver finds it on the dashboard, reads the changes and approves.
    approver_page = visit()
    sign_in(approver_page, checker.username)
    dashboard = approver_page.locator("#review-dashboard")
    dashboard.get_by_role("link", name="Pleural drains").click()
    approve(approver_page, article.pk, full_review=True)

    # The public page shows the approved text, the sources and the review block.
    assert visitor.goto(public_url).status == 200
    expect(visitor.get_by_role("heading", level=1)).to_have_text("Pleural drains")
    expect(visitor.get_by_role("heading", name="How it is given")).to_be_visible()
    expect(visitor.locator(".article-body li")).to_have_count(2)
    expect(visitor.get_by_role("link", name="Read the NHS advice")).to_have_attribute(
        "href", "https://www.nhs.uk/"
    )
    expect(visitor.locator("ol.sources li")).to_have_count(2)
    review = visitor.locator(".review-block")
    expect(review).to_contain_text("Last reviewed")
    expect(review).to_contain_text(f"{checker.first_name} {checker.last_name}, Clinical nurse specialist")

    # The nurse edits the live article: the public still reads the approved text.
    nurse_page.goto(f"/admin/treatments/article/{article.pk}/change/")
    nurse_page.fill("#id_summary", "An edited summary waiting for sign-off.")
    nurse_page.get_by_role("button", name="Save and continue editing").click()
    visitor.reload()
    expect(visitor.get_by_text("A pleural drain removes fluid from around the lung.")).to_be_visible()
    expect(visitor.get_by_text("An edited summary waiting for sign-off.")).to_have_count(0)

    # She cannot approve her own edit, whatever she tries.
    nurse_page.get_by_role("link", name="Submit for approval").click()
    nurse_page.get_by_role("button", name="Submit for approval").click()
    expect(nurse_page.get_by_role("link", name="Approve", exact=True)).to_have_count(0)
    refused = nurse_page.goto(f"/admin/treatments/article/{article.pk}/workflow/approve/")
    assert refused.status == 403
    response = nurse_page.request.post(
        f"/admin/treatments/article/{article.pk}/workflow/approve/",
        form={"full_review": "yes", "csrfmiddlewaretoken": nurse_csrf(nurse_page)},
        headers={"Referer": nurse_page.url},
    )
    assert response.status == 403
    visitor.reload()
    expect(visitor.get_by_text("An edited summary waiting for sign-off.")).to_have_count(0)

    # The approver signs the edit off; now the public sees it.
    approve(approver_page, article.pk, full_review=False)
    visitor.reload()
    expect(visitor.get_by_text("An edited summary waiting for sign-off.")).to_be_visible()

    for page in (nurse_page, approver_page, visitor):
        assert not [error for error in page.context.console_errors if "Content Security Policy" in error]


def nurse_csrf(page) -> str:
    cookies = {cookie["name"]: cookie["value"] for cookie in page.context.cookies()}
    return cookies.get("__Host-csrftoken") or cookies["csrftoken"]
