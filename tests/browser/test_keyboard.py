"""Journey 3: keyboard only. Skip link first, every control reachable, focus always visible."""

import pytest
from playwright.sync_api import expect

from support.models import ContactRequest

pytestmark = pytest.mark.django_db(transaction=True)

FOCUSABLE = "a[href], button, input:not([type=hidden]), select, textarea, [tabindex]:not([tabindex='-1'])"

# Marks every visible focusable element; for radio groups only the first of
# each group, since Tab moves between groups and arrow keys within one.
MARK_FOCUSABLE = """
(selector) => {
  const seenGroups = new Set();
  let n = 0;
  for (const el of document.querySelectorAll(selector)) {
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    if (style.visibility === "hidden" || style.display === "none" || (box.width === 0 && box.height === 0)) continue;
    if (el.closest("[aria-hidden=true]") || el.disabled) continue;
    if (el.type === "radio") { if (seenGroups.has(el.name)) continue; seenGroups.add(el.name); }
    el.dataset.kb = String(n++);
  }
  return n;
}
"""

FOCUS_IS_VISIBLE = """
() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2;
  const shadow = style.boxShadow && style.boxShadow !== "none";
  const yellow = style.backgroundColor === "rgb(255, 221, 0)";
  return outline || shadow || yellow;
}
"""


def tab_through(page) -> tuple[int, set[str], list[str]]:
    """Press Tab until focus leaves the page; return (marked, reached, without a visible focus)."""
    total = page.evaluate(MARK_FOCUSABLE, FOCUSABLE)
    page.evaluate("() => document.activeElement && document.activeElement.blur()")
    reached, invisible = set(), []
    for _ in range(total + 20):
        page.keyboard.press("Tab")
        info = page.evaluate(
            "() => ({kb: document.activeElement.dataset.kb, tag: document.activeElement.outerHTML.slice(0, 80),"
            " body: document.activeElement === document.body})"
        )
        if info["body"]:
            break
        if info["kb"] is not None:
            reached.add(info["kb"])
        if not page.evaluate(FOCUS_IS_VISIBLE):
            invisible.append(info["tag"])
    return total, reached, invisible


def test_the_skip_link_comes_first_and_moves_focus_to_the_content(visit, demo_site):
    page = visit()
    page.goto("/")
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    expect(skip).to_be_focused()
    box = skip.bounding_box()
    assert box["y"] >= 0 and box["height"] > 10, "the skip link must be on screen when focused"
    page.keyboard.press("Enter")
    expect(page.locator("#main-content")).to_be_focused()


@pytest.mark.parametrize(
    "path", ["/", "/treatments/", "/treatments/immunotherapy/", "/glossary/", "/support/contact/"]
)
def test_every_control_is_reachable_with_a_visible_focus(visit, demo_site, path):
    page = visit()
    page.goto(path)
    total, reached, invisible = tab_through(page)
    assert total > 5
    assert len(reached) == total, f"{total - len(reached)} controls never received focus on {path}"
    assert invisible == [], f"focus not visible on {invisible}"


def tab_to(page, selector: str, limit: int = 120) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def test_the_contact_form_can_be_sent_without_a_mouse(visit, demo_site):
    page = visit()
    page.goto("/support/contact/")
    tab_to(page, "#id_name")
    page.keyboard.type("Alan Brookes")
    tab_to(page, "input[name=contact_method]")
    page.keyboard.press("Space")  # the first choice: a call back
    tab_to(page, "#id_phone")
    page.keyboard.type("+44 1632 960 387")
    tab_to(page, "input[name=voicemail_ok]")
    page.keyboard.press("ArrowDown")  # from "Yes" to "No"
    page.keyboard.press("ArrowUp")  # and back to "Yes": arrows select within a group
    tab_to(page, "input[name=who]")
    page.keyboard.press("Space")
    tab_to(page, "input[name=topic]")
    page.keyboard.press("ArrowDown")  # "Clinical trials"
    tab_to(page, "#id_message")
    page.keyboard.type("I would like to know about trials near me.")
    tab_to(page, "#id_consent")
    page.keyboard.press("Space")
    tab_to(page, "button[type=submit]")
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", level=1)).to_have_text("We have your message")
    stored = ContactRequest.objects.get(message="I would like to know about trials near me.")
    assert (stored.name, stored.phone, stored.topic, stored.voicemail_ok) == (
        "Alan Brookes",
        "+44 1632 960 387",
        "trials",
        True,
    )
