"""
Nothing typed is lost when a session ends: with a 40-second idle limit, a
nurse writes a paragraph, leaves it for 50 seconds and clicks Save; the
sign-in page says her text is kept, and after signing in again it is back in
the form, ready to save. The same for a support worker's reply. Typing keeps
the session alive; a page left alone still signs out on time.
"""

from pathlib import Path

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from support.models import ContactMessage
from tests.browser.pages import add_paragraph, serious_violations, sign_in
from tests.site.test_staff_sign_in import current_token
from tests.support.factories import make_request, support_user
from tests.treatments.factories import ArticleFactory, SourceFactory, nurse

pytestmark = pytest.mark.django_db(transaction=True)
SCREENSHOTS = Path(__file__).parent / "screenshots"
IDLE_SECONDS = 40
PARAGRAPH = "A nurse will phone you the day after your drain is put in."


@pytest.fixture
def short_sessions(settings):
    settings.SESSION_COOKIE_AGE = IDLE_SECONDS


def sign_in_again(page, username, device=None):
    expect(page.locator("#login-form")).to_be_visible()
    page.fill("#id_username", username)
    page.fill("#id_password", "a-long-test-password")
    if device is not None:  # two-factor sign-in: the code from the authenticator app, first try
        page.fill("#id_otp_token", current_token(device))
    page.click("input[type=submit]")


def test_an_article_paragraph_typed_before_the_session_ended_is_put_back(visit, short_sessions, settings):
    """With two-factor sign-in, as in production."""
    settings.ADMIN_REQUIRE_2FA = True
    writer = nurse(username="nia")
    device = TOTPDevice.objects.create(user=writer, name="phone")
    article = ArticleFactory(written_by=writer, last_edited_by=writer, body="<p>Start.</p>")
    SourceFactory(article=article, position=1, title="TIME2")
    page = visit(viewport={"width": 1280, "height": 900})
    page.goto("/admin/login/")
    sign_in_again(page, writer.username, device)
    page.wait_for_url("**/admin/")
    page.goto(f"/admin/treatments/article/{article.pk}/change/")
    add_paragraph(page, PARAGRAPH)
    page.fill("#id_sources-0-title", "TIME2 trial")

    page.wait_for_timeout((IDLE_SECONDS + 10) * 1000)  # left alone past the idle limit
    page.get_by_role("button", name="Save and continue editing").click()

    expect(page.locator(".typed-restored")).to_contain_text("What you typed is kept in this tab")
    page.screenshot(path=str(SCREENSHOTS / "session-ended-sign-in-1280.png"), full_page=True)
    assert serious_violations(page, "#content-main") == []
    article.refresh_from_db()
    assert PARAGRAPH not in article.body  # not saved: the session had ended

    sign_in_again(page, writer.username, device)  # a new code: each works once
    page.wait_for_url(f"**/admin/treatments/article/{article.pk}/change/")
    expect(page.locator(".typed-restored")).to_contain_text("Your session ended before this was saved")
    expect(page.locator(".ck-editor__editable").first).to_contain_text(PARAGRAPH)
    expect(page.locator("#id_sources-0-title")).to_have_value("TIME2 trial")
    page.screenshot(path=str(SCREENSHOTS / "typed-text-put-back-1280.png"), full_page=True)
    assert serious_violations(page, ".typed-restored", ".workflow-status") == []

    page.get_by_role("button", name="Save and continue editing").click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    article.refresh_from_db()
    assert PARAGRAPH in article.body
    assert article.sources.get().title == "TIME2 trial"


def test_a_reply_typed_before_the_session_ended_is_put_back(visit, short_sessions):
    staff = support_user(username="jo", first_name="Jo", last_name="Patel")
    request = make_request(contact_method="email", email="margaret@example.org", phone="")
    page = visit(viewport={"width": 1280, "height": 900})
    sign_in(page, staff.username)
    page.goto(f"/admin/support/contactrequest/{request.pk}/reply/")
    page.get_by_label("Your reply").fill(f"Dear Margaret,\n\n{PARAGRAPH}\n")

    page.wait_for_timeout((IDLE_SECONDS + 10) * 1000)
    page.get_by_role("button", name="Preview").click()
    sign_in_again(page, staff.username)
    page.wait_for_url(f"**/admin/support/contactrequest/{request.pk}/reply/")
    expect(page.get_by_label("Your reply")).to_have_value(f"Dear Margaret,\n\n{PARAGRAPH}\n")
    expect(page.locator(".typed-restored")).to_be_visible()
    assert not ContactMessage.objects.filter(contact_request=request).exists()


def test_typing_keeps_the_session_alive_and_a_page_left_alone_signs_out(visit, short_sessions):
    writer = nurse(username="nia")
    article = ArticleFactory(written_by=writer, last_edited_by=writer, title="Surgery")
    page = visit(viewport={"width": 1280, "height": 900})
    sign_in(page, writer.username)
    page.goto(f"/admin/treatments/article/{article.pk}/change/")
    title = page.locator("#id_title")
    for word in ["for", "pleural", "mesothelioma"]:  # 60 seconds of work, never 40 without a keystroke
        title.press("End")
        page.keyboard.type(f" {word}")
        page.wait_for_timeout(20_000)
    page.get_by_role("button", name="Save and continue editing").click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    article.refresh_from_db()
    assert article.title == "Surgery for pleural mesothelioma"

    page.wait_for_timeout((IDLE_SECONDS + 5) * 1000)  # now nobody touches it
    page.goto("/admin/")
    expect(page.locator("#login-form")).to_be_visible()


@pytest.mark.parametrize(
    ("page_url", "field"),
    [
        ("/admin/treatments/glossaryterm/add/", "#id_term"),
        ("/admin/support/cannedreply/add/", "#id_text"),
        ("/admin/support/warningphrase/add/", "#id_phrase"),
        ("/admin/support/contactrequest/{request}/change/", "textarea[name$='-text']"),
        ("/admin/support/contactrequest/{request}/reply/", "#id_text"),
    ],
)
def test_leaving_any_staff_form_with_unsaved_words_asks_first(visit, page_url, field):
    from tests.factories import UserFactory

    boss = UserFactory(username="boss", is_superuser=True)
    request = make_request()
    page = visit(viewport={"width": 1280, "height": 900})
    sign_in(page, boss.username)
    page.goto(page_url.format(request=request.pk))
    page.locator(field).first.fill("Words typed and not saved")
    dialogs = []

    def stay(dialog):
        dialogs.append(dialog.type)
        dialog.dismiss()

    page.on("dialog", stay)
    page.locator("#site-name a").click()
    page.wait_for_timeout(500)
    assert dialogs == ["beforeunload"]
    expect(page.locator(field).first).to_have_value("Words typed and not saved")
