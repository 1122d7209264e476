"""
The new topics as a reader finds them: from the home page and from search
(with and without JavaScript), a glossary link and the way back to the text,
and the contact form's errors; every axe rule, best practices included, on the
new pages, the search pages and the contact form with errors.
"""

import pytest
from playwright.sync_api import expect

from tests.browser.pages import all_rule_violations

pytestmark = pytest.mark.django_db(transaction=True)

NEW_PAGES = [
    "/treatments/peritoneal-mesothelioma/",
    "/treatments/tests-and-diagnosis/",
    "/treatments/compensation-and-benefits/",
    "/treatments/living-with-mesothelioma/",
]


def test_every_axe_rule_passes_on_the_new_pages_search_and_the_contact_form_with_errors(visit, demo_site):
    page = visit()
    found = {}
    for path in [*NEW_PAGES, "/search/?q=pleurx", "/search/?q=zzzqqq", "/search/", "/glossary/"]:
        page.goto(path)
        if problems := all_rule_violations(page):
            found[path] = problems
    page.goto("/support/contact/")
    page.get_by_role("button", name="Send").click()
    expect(page.locator(".error-summary")).to_be_focused()
    if problems := all_rule_violations(page):
        found["contact with errors"] = problems
    assert found == {}


def test_a_reader_without_javascript_finds_the_compensation_page_and_a_word_explained(visit, demo_site):
    page = visit(java_script_enabled=False, viewport={"width": 320, "height": 640})
    page.goto("/")
    page.get_by_role("link", name="Compensation, benefits and legal help").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Compensation, benefits and legal help")
    page.screenshot(path="tests/browser/screenshots/compensation-320-no-js.png", full_page=True)
    page.goto("/search/?q=pleurx")
    page.locator("#search-results").get_by_role("link", name="Breathlessness and fluid on the lung").click()
    # A word explained: to its definition, and back to the place in the text.
    term = page.locator("a.glossary-term", has_text="IPC")
    term.click()
    definition = page.locator("#define-indwelling-pleural-catheter + dd")
    expect(definition).to_contain_text("drained at home")
    definition.get_by_role("link", name="Back to “Indwelling pleural catheter” in the text").click()
    assert page.url.endswith("#use-indwelling-pleural-catheter")
    # The contact form's errors, with no script: the summary has the focus and links to the fields.
    page.goto("/support/contact/")
    page.get_by_role("button", name="Send").click()
    summary = page.locator(".error-summary")
    expect(summary).to_be_focused()
    expect(summary.get_by_role("link").first).to_be_visible()


def test_a_printed_page_shows_each_address_once_and_no_links_that_lead_nowhere(visit, demo_site):
    page = visit()
    page.goto("/treatments/immunotherapy/")
    page.emulate_media(media="print")

    def after(selector: str) -> str:
        return page.eval_on_selector(selector, "link => getComputedStyle(link, '::after').content")

    def shown(selector: str) -> bool:
        return page.eval_on_selector(selector, "node => getComputedStyle(node).display !== 'none'")

    # A source's link already shows its address: printed once, not again after it.
    assert after('.sources a[href^="https://www.cancer.gov"]') == "none"
    # In-page links ("back to where it is cited", "Back to ... in the text") are not printed.
    assert not shown(".sources .cited-at")
    assert not shown('.words-explained a[href^="#use-"]')
    assert shown(".words-explained dd")
