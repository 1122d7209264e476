"""
axe-core (WCAG 2.2 A and AA rules) on every public page, our customised admin
pages, and layout at 320 px and 200% zoom, with screenshots to look at.
"""

from pathlib import Path

import pytest

from support.models import ContactRequest
from tests.browser.pages import DEMO_ARTICLES, contrast_violations, sign_in, violations
from tests.treatments.factories import nurse
from treatments.models import Article

pytestmark = pytest.mark.django_db(transaction=True)

SCREENSHOTS = Path(__file__).parent / "screenshots"


def submit_contact_form_with_errors(page):
    page.goto("/support/contact/")
    page.get_by_label("Your name").fill("Ann")
    page.get_by_label("An email").check()
    page.get_by_role("button", name="Send").click()


def public_pages():
    yield "home", lambda page: page.goto("/")
    yield "treatments index", lambda page: page.goto("/treatments/")
    yield "glossary", lambda page: page.goto("/glossary/")
    for slug in DEMO_ARTICLES:
        yield f"article {slug}", lambda page, slug=slug: page.goto(f"/treatments/{slug}/")
    yield "contact form", lambda page: page.goto("/support/contact/")
    yield "contact form with errors", submit_contact_form_with_errors

    def thank_you(page):
        page.goto("/support/contact/")
        page.get_by_label("Your name").fill("Ann")
        page.get_by_label("An email").check()
        page.get_by_label("Email address").fill("ann@example.org")
        page.get_by_label("I have mesothelioma").check()
        page.get_by_label("Treatment", exact=True).check()
        page.get_by_label("Your message").fill("A question.")
        page.get_by_label("I agree", exact=False).check()
        page.get_by_role("button", name="Send").click()
        page.wait_for_url("**/thank-you/")

    yield "thank-you page", thank_you
    yield "404 page", lambda page: page.goto("/no-such-page/")
    yield "search results", lambda page: page.goto("/search/?q=side+effects")
    yield "search with no results", lambda page: page.goto("/search/?q=xyzzy")
    yield "search with nothing typed", lambda page: page.goto("/search/?q=%21%21")

    def feedback(page):
        page.goto("/treatments/surgery/")
        page.locator("#feedback button[value=no]").click()
        page.wait_for_selector("#id_comment")

    yield "feedback comment form", feedback
    yield "privacy notice", lambda page: page.goto("/privacy/")
    yield "accessibility statement", lambda page: page.goto("/accessibility/")


PUBLIC_PAGES = list(public_pages())


def test_public_pages_have_no_wcag_violations(visit, demo_site):
    page = visit()
    found = {}
    for name, open_page in PUBLIC_PAGES:
        open_page(page)
        if problems := violations(page):
            found[name] = problems
    assert found == {}


def test_the_checker_reports_a_real_violation(visit, demo_site):
    """The check above must be able to fail: remove a label and axe must say so."""
    page = visit()
    page.goto("/support/contact/")
    page.evaluate("() => document.querySelector('label[for=id_name]').remove()")
    assert any(problem.startswith("label") for problem in violations(page))


def customised_admin_pages() -> dict[str, list[str]]:
    """Admin pages we customised, and the parts of them our own templates add."""
    chemotherapy = Article.objects.get(slug="chemotherapy")  # has an edit awaiting approval
    contact_request = ContactRequest.objects.order_by("pk").first()
    email_request = ContactRequest.objects.exclude(email="").order_by("pk").first()
    return {
        "/admin/": ["#review-dashboard", "#support-dashboard"],
        f"/admin/treatments/article/{chemotherapy.pk}/change/": [
            ".workflow-status",
            ".readability",
            ".object-tools",
            ".article-save-actions",
        ],
        f"/admin/treatments/article/{chemotherapy.pk}/workflow/approve/": ["#content-main"],
        f"/admin/treatments/article/{chemotherapy.pk}/preview/": ["main", ".preview-banner"],
        f"/admin/treatments/article/{chemotherapy.pk}/compare/": ["#content-main"],
        f"/admin/treatments/article/{chemotherapy.pk}/record/": ["#content-main"],
        "/admin/treatments/glossaryterm/": ["#changelist-form"],
        f"/admin/support/contactrequest/{contact_request.pk}/change/": [
            ".object-tools",
            "#content-main fieldset",
        ],
        "/admin/support/contactrequest/summary/": ["#content-main"],
        "/admin/support/contactrequest/": ["#changelist-form", "#changelist-filter", ".object-tools"],
        f"/admin/support/contactrequest/{email_request.pk}/reply/": ["#content-main"],
        f"/admin/support/contactrequest/{contact_request.pk}/urgent/": ["#content-main"],
        "/admin/support/contactrequest/person/": ["#content-main"],
        "/admin/support/warningphrase/": ["#changelist-form"],
        "/admin/support/cannedreply/": ["#changelist-form"],
    }


def test_our_admin_templates_have_no_serious_violations(visit, demo_site):
    page = visit()
    sign_in(page, "admin", "demo-pass-2026")
    found = {}
    for path, regions in customised_admin_pages().items():
        page.goto(path)
        present = [region for region in regions if page.locator(region).count()]
        assert present, path
        context = {"include": [[region] for region in present]}
        if problems := violations(page, context=context, impacts={"serious", "critical"}):
            found[path] = problems
    # Pages that come after a form: a person's data found, and a reply previewed.
    page.goto("/admin/support/contactrequest/person/")
    page.get_by_label("Their email address").fill(ContactRequest.objects.exclude(email="").first().email)
    page.get_by_role("button", name="Find").click()
    page.get_by_role("heading", name="Erase everything we hold about them").wait_for()
    if problems := violations(
        page, context={"include": [["#content-main"]]}, impacts={"serious", "critical"}
    ):
        found["person found"] = problems
    page.goto(f"/admin/support/contactrequest/{ContactRequest.objects.exclude(email='').first().pk}/reply/")
    page.get_by_label("Your reply").fill("Hello {first_name}")
    page.get_by_role("button", name="Preview").click()
    page.locator(".reply-preview").wait_for()
    if problems := violations(
        page, context={"include": [["#content-main"]]}, impacts={"serious", "critical"}
    ):
        found["reply preview"] = problems
    assert found == {}


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_our_admin_regions_keep_their_contrast_in_the_light_and_the_dark_theme(visit, demo_site, scheme):
    """The admin follows the system's dark mode; our colours must follow it too."""
    page = visit(color_scheme=scheme)
    sign_in(page, "admin", "demo-pass-2026")
    found = {}
    for path, regions in customised_admin_pages().items():
        page.goto(path)
        present = [region for region in regions if page.locator(region).count()]
        if problems := contrast_violations(page, *present):
            found[path] = problems
    assert found == {}


LAYOUT_PAGES = [
    "/",
    "/treatments/",
    "/treatments/immunotherapy/",
    "/support/contact/",
    "/search/?q=side+effects",
]


@pytest.mark.parametrize("width", [320, 640])
def test_no_sideways_scrolling_at_320px_or_200_percent_zoom(visit, demo_site, width):
    # 200% zoom on a 1280 px window lays the page out in 640 CSS pixels.
    page = visit(viewport={"width": width, "height": 800})
    wide = {}
    for path in LAYOUT_PAGES:
        page.goto(path)
        scroll_width = page.evaluate("() => document.documentElement.scrollWidth")
        if scroll_width > width:
            wide[path] = scroll_width
    assert wide == {}


# The lists staff work from, with the columns they must see (the review due date, the answer-by time).
STAFF_LISTS = [
    ("nurse", "/admin/treatments/article/"),
    ("nurse", "/admin/treatments/articleversion/"),
    ("approver", "/admin/treatments/article/"),
    ("support", "/admin/support/contactrequest/"),
]


def test_staff_lists_show_every_column_at_1280px(visit, demo_site):
    hidden = {}
    for username, path in STAFF_LISTS:
        page = visit(viewport={"width": 1280, "height": 900})
        sign_in(page, username, "demo-pass-2026")
        page.goto(path)
        # Django scrolls a wide table inside its box: the page fits while the last columns do not show.
        widths = page.evaluate(
            "() => { const box = document.querySelector('#changelist .results');"
            " return [box.scrollWidth, box.clientWidth, document.documentElement.scrollWidth]; }"
        )
        if widths[0] > widths[1] or widths[2] > 1280:
            hidden[(username, path)] = widths
    assert hidden == {}


def test_screenshots_to_look_at(visit, demo_site):
    SCREENSHOTS.mkdir(exist_ok=True)
    for width in (360, 1280):
        page = visit(viewport={"width": width, "height": 900})
        for name, path in [("home", "/"), ("index", "/treatments/"), ("article", "/treatments/immunotherapy/"),
                           ("contact", "/support/contact/")]:  # fmt: skip
            page.goto(path)
            file = SCREENSHOTS / f"{name}-{width}.png"
            page.screenshot(path=str(file), full_page=True)
            assert file.stat().st_size > 10_000


def test_admin_editor_runs_without_errors(visit, demo_site):
    """CKEditor 5 under our admin CSP: it starts, and nothing is blocked."""
    writer = nurse(username="nia-editor")
    page = visit()
    sign_in(page, writer.username)
    page.goto("/admin/treatments/article/add/")
    page.locator(".ck-editor__editable").first.click()
    page.keyboard.type("Typed into the editor.")
    assert "Typed into the editor." in page.locator(".ck-editor__editable").first.inner_text()
    assert [error for error in page.context.console_errors if "Content Security Policy" in error] == []
