"""
An article's marks of trust, as a reader meets them: the review line under the
title, citations that take you to the source and back (keyboard only), the
Key facts box and a quote; and all of it kept when the page is printed.
"""

import re as regex

import pytest
from playwright.sync_api import expect

from tests.browser.test_accessibility import violations

pytestmark = pytest.mark.django_db(transaction=True)
URL = "/treatments/immunotherapy/"


def test_citations_work_by_keyboard_and_the_boxes_pass_axe(visit, demo_site):
    page = visit(viewport={"width": 1280, "height": 900})
    page.goto(URL)
    expect(page.locator(".review-line")).to_contain_text("Page last reviewed:")
    expect(page.get_by_role("complementary", name="Key facts")).to_be_visible()
    expect(page.locator("figure.patient-quote figcaption")).to_have_text("Pat, who has pleural mesothelioma")

    first_citation = page.locator("sup.citation a").first
    first_citation.focus()
    expect(first_citation).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{page.url.split('#')[0].split('?')[0]}#source-3")
    back = page.locator("#source-3 .cited-at a").first
    back.focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(page.url.split("#")[0] + "#cite-3-1")

    # The first use of a glossary word leads to its definition below, and on to the A to Z.
    word = page.locator("a.glossary-term").first
    word.focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(regex.compile("#define-[^#]+$"))
    target = page.url.split("#")[1]
    definition = page.locator(f"#{target} + dd")
    expect(definition).to_be_visible()
    origin = page.url.split("/treatments/")[0]
    # A way back to the place in the text, with the keyboard.
    anchor = target.removeprefix("define-")
    definition.get_by_role("link", name=regex.compile("^Back to")).focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(regex.compile(f"#use-{anchor}$"))
    expect(page.locator(f"#use-{anchor}")).to_be_in_viewport()
    page.go_back()
    definition.get_by_role("link", name=regex.compile("in the A to Z of words$")).focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{origin}/glossary/#{anchor}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Words explained: an A to Z")
    assert violations(page) == []
    page.goto(URL)
    assert violations(page) == []


def test_printing_keeps_the_review_line_citations_and_boxes(visit, demo_site):
    page = visit(viewport={"width": 800, "height": 1000})
    page.goto(URL)
    page.emulate_media(media="print")
    for selector in [
        ".review-line",
        "sup.citation",
        ".key-facts",
        "figure.patient-quote",
        "#source-1",
        "a.glossary-term",
        ".words-explained",
    ]:
        expect(page.locator(selector).first).to_be_visible()
    expect(page.locator(".breadcrumbs")).to_be_hidden()
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
