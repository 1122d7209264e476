"""What every browser journey shares: the demo pages, signing in and axe."""

from axe_playwright_python.sync_playwright import Axe

from demo.article_texts import ARTICLES

WCAG_A_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
axe = Axe()

DEMO_ARTICLES = [article["slug"] for article in ARTICLES]


def add_paragraph(page, text):
    """Type a new last paragraph into the article editor, as a nurse does."""
    page.locator(".ck-editor__editable").first.click()
    page.keyboard.press("Control+End")
    page.keyboard.press("Enter")
    page.keyboard.type(text)


def sign_in(page, username, password="a-long-test-password"):
    page.goto("/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/")


def violations(page, context=None, impacts=None) -> list[str]:
    """axe's WCAG 2.2 A and AA findings on the page (or in `context`), of the given impacts."""
    results = axe.run(page, context=context, options={"runOnly": {"type": "tag", "values": WCAG_A_AA}})
    found = []
    for violation in results.response["violations"]:
        if impacts and violation["impact"] not in impacts:
            continue
        targets = [" ".join(node["target"]) for node in violation["nodes"]]
        found.append(f"{violation['id']} ({violation['impact']}): {violation['help']} at {targets[:3]}")
    return found


def all_rule_violations(page) -> list[str]:
    """Every axe rule, best practices included (landmarks, headings, region), on the whole page."""
    results = axe.run(page)
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} at "
        f"{[' '.join(node['target']) for node in violation['nodes']][:3]}"
        for violation in results.response["violations"]
    ]


def serious_violations(page, *regions: str) -> list[str]:
    """Serious or critical axe findings inside our own regions of a staff page."""
    return violations(
        page, context={"include": [[region] for region in regions]}, impacts={"serious", "critical"}
    )


def contrast_violations(page, *regions: str) -> list[str]:
    """axe's colour-contrast rule alone, inside our own regions of a staff page."""
    results = axe.run(
        page,
        context={"include": [[region] for region in regions]},
        options={"runOnly": {"type": "rule", "values": ["color-contrast"]}},
    )
    return [
        f"{node['target']}: {node['any'][0]['message'] if node['any'] else ''}"
        for violation in results.response["violations"]
        for node in violation["nodes"]
    ]
