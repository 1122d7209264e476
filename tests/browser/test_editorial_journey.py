"""
Journey 3: what nurses and approvers need to trust the admin. What the nurse
typed is saved with "Save and submit" and is exactly what the approver
previews; a second person's out-of-date save is refused with their text kept;
a one-word change reads as one word in the approver's diff.
"""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.pages import add_paragraph, serious_violations, sign_in
from tests.factories import fresh
from tests.treatments.factories import ArticleFactory, approver, nurse, published_article
from treatments import services
from treatments.models import ArticleNotification

pytestmark = pytest.mark.django_db(transaction=True)
SCREENSHOTS = Path(__file__).parent / "screenshots"


def test_typed_text_is_saved_submitted_and_previewed(visit, smtp_sink):
    writer, checker = nurse(username="nia"), approver(username="sam")
    article = ArticleFactory(
        written_by=writer, last_edited_by=writer, title="Pleural drains", body="<p>Start.</p>"
    )

    page = visit(viewport={"width": 1280, "height": 900})
    sign_in(page, writer.username)
    page.goto(f"/admin/treatments/article/{article.pk}/change/")
    editor = page.locator(".ck-editor__editable").first
    editor.click()
    page.keyboard.press("Control+End")
    page.keyboard.press("Enter")
    page.keyboard.type("A drain can stay in for a few days.")
    page.fill("#id_note_for_approver", "I added how long a drain stays in.")
    page.screenshot(path=str(SCREENSHOTS / "editor-change-page-1280.png"), full_page=True)
    page.get_by_role("button", name="Save and submit for approval").click()
    expect(page.get_by_text("Saved and submitted for approval")).to_be_visible()

    # The approver's email went through the outbox to the mail server, once.
    notification = ArticleNotification.objects.get(transition__article=article)
    assert notification.recipient == checker and notification.sent_at is not None
    assert [message["To"] for message in smtp_sink.messages] == [checker.email]
    assert "I added how long a drain stays in." in smtp_sink.messages[0].get_payload(decode=True).decode()

    reviewer = visit(viewport={"width": 1280, "height": 900})
    sign_in(reviewer, checker.username)
    reviewer.goto(f"/admin/treatments/article/{article.pk}/workflow/approve/")
    expect(reviewer.get_by_text("I added how long a drain stays in.")).to_be_visible()
    expect(reviewer.locator(".content-diff")).to_contain_text("A drain can stay in for a few days.")
    reviewer.screenshot(path=str(SCREENSHOTS / "approve-page-1280.png"), full_page=True)
    reviewer.get_by_role("link", name="Preview the page as patients would see it").click()
    expect(reviewer.get_by_text("Preview: not on the website.")).to_be_visible()
    expect(reviewer.locator(".article-body")).to_contain_text("A drain can stay in for a few days.")
    reviewer.screenshot(path=str(SCREENSHOTS / "preview-1280.png"), full_page=True)
    reviewer.goto("/admin/")
    expect(reviewer.locator("#review-dashboard")).to_contain_text("Waiting for your approval (1)")
    reviewer.screenshot(path=str(SCREENSHOTS / "dashboard-1280.png"), full_page=True)


def test_a_second_save_from_an_old_form_is_refused_with_the_text_kept(visit):
    first, second = nurse(username="nia", first_name="Nia", last_name="Roberts"), nurse(username="tom")
    article = ArticleFactory(written_by=first, last_edited_by=first, title="Surgery")
    url = f"/admin/treatments/article/{article.pk}/change/"
    nia, tom = visit(), visit()
    sign_in(nia, first.username)
    sign_in(tom, second.username)
    nia.goto(url)
    tom.goto(url)  # both have the form open

    nia.fill("#id_title", "Surgery for mesothelioma")
    nia.get_by_role("button", name="Save and continue editing").click()
    expect(nia.locator(".messagelist")).to_contain_text("was changed successfully")

    tom.fill("#id_title", "Operations")
    tom.fill("#id_summary", "Tom's careful new summary.")
    tom.get_by_role("button", name="Save and continue editing").click()
    expect(tom.locator(".errornote, .errorlist").first).to_be_visible()
    expect(tom.get_by_text("Nia Roberts saved this article at")).to_be_visible()
    expect(tom.locator("#id_title")).to_have_value("Operations")
    expect(tom.locator("#id_summary")).to_have_value("Tom's careful new summary.")
    article.refresh_from_db()
    assert article.title == "Surgery for mesothelioma"


def test_a_one_word_change_reads_as_one_word(visit):
    writer, checker = nurse(), approver(username="sam")
    paragraphs = [f"<p>Paragraph {n} stays as it was.</p>" for n in range(1, 5)]
    article = published_article(
        editor=writer, approver_user=checker, body="".join(paragraphs) + "<p>Most people feel tired.</p>"
    )
    article.body = "".join(paragraphs) + "<p>Most people feel sleepy.</p>"
    article.save()
    services.article_record_edit(article=article, editor=fresh(writer))
    services.article_submit(article=article, user=fresh(writer))

    page = visit(viewport={"width": 1280, "height": 900})
    sign_in(page, checker.username)
    page.goto(f"/admin/treatments/article/{article.pk}/workflow/approve/")
    diff = page.locator(".content-diff")
    expect(diff.locator("del")).to_have_text("[removed: tired]")
    expect(diff.locator("ins")).to_have_text("[added: sleepy]")
    expect(diff.locator("details summary")).to_have_text("4 unchanged paragraphs")
    expect(diff.get_by_text("Paragraph 1 stays as it was.")).to_be_hidden()  # folded
    page.screenshot(path=str(SCREENSHOTS / "diff-one-word-1280.png"), full_page=True)


def test_sources_are_reordered_with_buttons_not_numbers(visit):
    from tests.treatments.factories import SourceFactory

    writer = nurse(username="nia")
    article = ArticleFactory(written_by=writer, last_edited_by=writer)
    SourceFactory(article=article, position=1, title="Older trial")
    SourceFactory(article=article, position=2, title="Newer guideline")
    page = visit(viewport={"width": 1280, "height": 900})
    sign_in(page, writer.username)
    page.goto(f"/admin/treatments/article/{article.pk}/change/")
    second = page.locator("#sources-1")
    second.get_by_role("button", name="Move up").focus()
    page.keyboard.press("Enter")  # keyboard, not only the mouse
    page.get_by_role("button", name="Save and continue editing").click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    titles = list(article.sources.order_by("position").values_list("title", flat=True))
    assert titles == ["Newer guideline", "Older trial"]


def test_the_editor_looks_like_the_page_and_leaving_unsaved_work_asks_first(visit):
    writer = nurse(username="nia")
    article = ArticleFactory(
        written_by=writer, last_edited_by=writer, body="<h2>How it is given</h2><p>Through a drip.</p>"
    )
    page = visit(viewport={"width": 1280, "height": 900})
    sign_in(page, writer.username)
    page.goto(f"/admin/treatments/article/{article.pk}/change/")
    heading = page.locator(".ck-content h2").first
    expect(heading).to_have_text("How it is given")
    # The public stylesheet's size for a section heading (1.5rem), not the admin's small caps.
    assert heading.evaluate("element => getComputedStyle(element).fontSize") == "24px"
    paragraph_size = page.locator(".ck-content p").first.evaluate(
        "element => getComputedStyle(element).fontSize"
    )
    assert paragraph_size == "18px"

    page.fill("#id_title", "A title typed and not saved")
    dialogs = []

    def stay(dialog):
        dialogs.append(dialog.type)
        dialog.dismiss()

    page.on("dialog", stay)
    page.get_by_role("link", name="Articles").first.click()
    page.wait_for_timeout(500)
    assert dialogs == ["beforeunload"]
    expect(page.locator("#id_title")).to_have_value("A title typed and not saved")


def test_an_approval_of_text_changed_after_the_page_was_opened_is_refused(visit):
    """The approver opens the approve page; the nurse saves a new sentence; the approver's click is refused."""
    writer = nurse(username="nia", first_name="Nia", last_name="Roberts")
    checker = approver(username="sam")
    article = published_article(
        editor=writer,
        approver_user=approver(),
        title="Pleural drains",
        body="<p>A drain eases breathing.</p>",
    )
    article.body = "<p>A drain eases breathing.</p><p>Most drains come out within a week.</p>"
    article.save()
    services.article_record_edit(article=article, editor=fresh(writer))
    services.article_submit(article=article, user=fresh(writer))

    reviewer = visit(viewport={"width": 1280, "height": 900})
    sign_in(reviewer, checker.username)
    reviewer.goto(f"/admin/treatments/article/{article.pk}/workflow/approve/")
    expect(reviewer.locator(".content-diff")).to_contain_text("Most drains come out within a week.")

    # Meanwhile, in another browser, the nurse adds a sentence and submits again.
    nia = visit(viewport={"width": 1280, "height": 900})
    sign_in(nia, writer.username)
    nia.goto(f"/admin/treatments/article/{article.pk}/change/")
    add_paragraph(nia, "The drain can safely stay in for six months.")
    nia.get_by_role("button", name="Save and submit for approval").click()
    expect(nia.get_by_text("Saved and submitted for approval")).to_be_visible()

    reviewer.get_by_label("Yes: I have checked the whole page").check()
    reviewer.get_by_role("button", name="Approve and publish").click()
    expect(reviewer.locator(".messagelist")).to_contain_text(
        "changed this article after you opened this page"
    )
    since = reviewer.locator(".changed-since-seen")
    expect(since).to_contain_text("Added paragraph: The drain can safely stay in for six months.")
    reviewer.screenshot(path=str(SCREENSHOTS / "approve-refused-draft-changed-1280.png"), full_page=True)
    assert serious_violations(reviewer, "#content-main", ".messagelist") == []

    public = visit()
    public.goto(article.get_absolute_url())
    expect(public.locator("main")).to_contain_text("A drain eases breathing.")
    expect(public.locator("main")).not_to_contain_text("six months")
    expect(public.locator("main")).not_to_contain_text("within a week")


def test_a_preview_of_unsaved_text_opens_in_a_new_tab_and_the_editor_keeps_it(visit):
    writer = nurse(username="nia")
    article = ArticleFactory(
        written_by=writer, last_edited_by=writer, title="Pleural drains", body="<p>Start.</p>"
    )
    page = visit(viewport={"width": 1280, "height": 900})
    sign_in(page, writer.username)
    page.goto(f"/admin/treatments/article/{article.pk}/change/")
    add_paragraph(page, "Typed and not saved yet.")
    with page.context.expect_page() as new_tab:
        page.get_by_role("button", name="Preview without saving (new tab)").click()
    preview = new_tab.value
    preview.wait_for_load_state()
    expect(preview.locator(".preview-banner")).to_contain_text("not saved yet")
    expect(preview.locator(".article-body")).to_contain_text("Typed and not saved yet.")
    preview.screenshot(path=str(SCREENSHOTS / "preview-unsaved-1280.png"), full_page=True)
    preview.close()
    # Back in the editor's tab: the text is still there, still unsaved, and saving keeps it.
    expect(page.locator(".ck-editor__editable").first).to_contain_text("Typed and not saved yet.")
    article.refresh_from_db()
    assert "Typed and not saved yet." not in article.body
    page.get_by_role("button", name="Save and continue editing").click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    article.refresh_from_db()
    assert "Typed and not saved yet." in article.body
