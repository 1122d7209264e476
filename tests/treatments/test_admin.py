import datetime

import pytest
import time_machine
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from tests.factories import UserFactory, fresh
from tests.treatments.factories import (
    ArticleFactory,
    CategoryFactory,
    approve,
    approver,
    article_form_data,
    nurse,
    published_article,
    sign_off_data,
)
from treatments import services
from treatments.models import Article, ArticleVersion
from treatments.roles import CLINICAL_APPROVERS, NURSE_EDITORS

pytestmark = pytest.mark.django_db
Status = Article.Status


def workflow_url(article, action):
    return reverse("admin:treatments_article_workflow", args=[article.pk, action])


def change_url(article):
    return reverse("admin:treatments_article_change", args=[article.pk])


def awaiting(editor):
    article = ArticleFactory(written_by=editor, last_edited_by=editor)
    services.article_submit(article=article, user=fresh(editor))
    return article


# --- Every admin page answers -------------------------------------------------


def test_every_treatments_admin_page_renders_for_a_superuser(admin_client):
    article = published_article()
    urls = [
        reverse("admin:index"),
        reverse("admin:treatments_article_changelist"),
        reverse("admin:treatments_article_changelist") + "?review=overdue",
        reverse("admin:treatments_article_changelist") + "?review=due90",
        reverse("admin:treatments_article_changelist") + "?status__exact=awaiting_approval",
        reverse("admin:treatments_article_add"),
        change_url(article),
        reverse("admin:treatments_article_history", args=[article.pk]),
        reverse("admin:treatments_category_changelist"),
        reverse("admin:treatments_category_change", args=[article.category_id]),
        reverse("admin:treatments_articleversion_changelist"),
        reverse("admin:treatments_articleversion_change", args=[article.live_version_id]),
        reverse("admin:staff_staffprofile_changelist"),
        reverse("admin:auth_user_change", args=[article.written_by_id]),
        *(workflow_url(article, action) for action in ["confirm", "archive"]),
    ]
    for url in urls:
        assert admin_client.get(url).status_code == 200, url


@pytest.mark.parametrize("make_user", [nurse, approver])
def test_clinical_staff_can_open_their_pages(client, make_user):
    article = published_article()
    client.force_login(make_user())
    for url in [reverse("admin:index"), reverse("admin:treatments_article_changelist"), change_url(article)]:
        assert client.get(url).status_code == 200, url


def test_groups_have_exactly_the_permissions_they_need():
    def perms(name):
        return set(Group.objects.get(name=name).permissions.values_list("codename", flat=True))

    assert "approve_article" not in perms(NURSE_EDITORS)
    assert "archive_article" not in perms(NURSE_EDITORS)
    assert "delete_article" not in perms(NURSE_EDITORS)
    assert {"add_article", "change_article", "change_source"} <= perms(NURSE_EDITORS)
    assert {"approve_article", "archive_article"} <= perms(CLINICAL_APPROVERS)
    assert "change_article" not in perms(CLINICAL_APPROVERS)
    assert not any(codename.startswith("delete_article") for codename in perms(CLINICAL_APPROVERS))


# --- Workflow by direct POST --------------------------------------------------


def test_a_nurse_posting_approve_is_refused(client):
    writer, other = nurse(), nurse()
    article = awaiting(writer)
    client.force_login(other)
    response = client.post(workflow_url(article, "approve"), sign_off_data(article, full_review="yes"))
    assert response.status_code == 403
    article.refresh_from_db()
    assert article.status == Status.AWAITING_APPROVAL and article.live_version is None


def test_the_last_editor_posting_approve_is_refused_with_a_message(client):
    editor = approver()
    editor.groups.add(Group.objects.get(name=NURSE_EDITORS))
    article = awaiting(editor)
    client.force_login(editor)
    response = client.post(workflow_url(article, "approve"), sign_off_data(article, full_review="yes"))
    assert response.status_code == 409
    html = response.content.decode()
    assert html.count("You changed this draft, so you cannot approve it") == 1  # said once
    assert "Approve and publish" not in html  # and no form is offered
    article.refresh_from_db()
    assert article.status == Status.AWAITING_APPROVAL
    assert not ArticleVersion.objects.exists()


def test_a_superuser_who_last_edited_cannot_approve(client):
    boss = UserFactory(is_superuser=True)
    article = awaiting(boss)
    client.force_login(boss)
    response = client.post(workflow_url(article, "approve"), sign_off_data(article, full_review="yes"))
    assert response.status_code == 409
    assert not ArticleVersion.objects.exists()


def test_an_approver_approves_by_post(client):
    writer, checker = nurse(), approver()
    article = awaiting(writer)
    client.force_login(checker)
    page = client.get(workflow_url(article, "approve")).content.decode()
    assert "What changed since the live version" in page
    response = client.post(
        workflow_url(article, "approve"), sign_off_data(article, full_review="yes", comment="Checked.")
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.status == Status.PUBLISHED
    assert article.live_version.approved_by == checker
    assert article.last_review.reviewed_by == checker


def test_approval_needs_an_answer_about_the_full_review(client):
    article = awaiting(nurse())
    client.force_login(approver())
    response = client.post(workflow_url(article, "approve"), sign_off_data(article, comment="Kept"))
    assert response.status_code == 400
    html = response.content.decode()
    assert "Say whether this is a full clinical review." in html
    assert "Kept</textarea>" in html
    article.refresh_from_db()
    assert article.status == Status.AWAITING_APPROVAL


def test_returning_needs_a_comment_and_the_editor_sees_it(client):
    writer, checker = nurse(), approver()
    article = awaiting(writer)
    client.force_login(checker)
    response = client.post(workflow_url(article, "return"), sign_off_data(article, comment=""))
    assert response.status_code == 400
    assert "Say what needs to change" in response.content.decode()
    article.refresh_from_db()
    assert article.status == Status.AWAITING_APPROVAL

    client.post(
        workflow_url(article, "return"),
        sign_off_data(article, comment="Please explain what a pleural drain is."),
    )
    article.refresh_from_db()
    assert article.status == Status.DRAFT
    client.force_login(writer)
    assert "Please explain what a pleural drain is." in client.get(change_url(article)).content.decode()


def test_the_approver_sees_what_changed_since_the_live_version(client):
    writer, checker = nurse(), approver()
    article = published_article(editor=writer, approver_user=checker, body="<p>Old sentence.</p>")
    article.body = "<p>New sentence.</p>"
    article.save()
    services.article_record_edit(article=article, editor=fresh(writer))
    services.article_submit(article=article, user=fresh(writer))
    client.force_login(checker)
    html = client.get(workflow_url(article, "approve")).content.decode()
    assert (
        '<span class="diff-label">Changed paragraph: </span>'
        '<del><span class="diff-label">[removed: </span>Old<span class="diff-label">]</span></del>'
        '<ins><span class="diff-label">[added: </span>New<span class="diff-label">]</span></ins> sentence.'
    ) in html
    assert "Title (no change)" in html


@pytest.mark.parametrize("make_user", [nurse, approver])
def test_archive_needs_the_archive_permission(client, make_user):
    article = published_article()
    client.force_login(make_user())
    client.post(workflow_url(article, "archive"), {"comment": ""})
    article.refresh_from_db()
    assert (article.status == Status.ARCHIVED) == (make_user is approver)


def test_an_unknown_workflow_action_is_refused(admin_client):
    article = published_article()
    assert admin_client.post(workflow_url(article, "publish-now")).status_code == 403


def test_anonymous_workflow_post_goes_to_login(client):
    article = awaiting(nurse())
    response = client.post(workflow_url(article, "approve"), sign_off_data(article, full_review="yes"))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    article.refresh_from_db()
    assert article.status == Status.AWAITING_APPROVAL


# --- Editing through the admin form -------------------------------------------


def test_a_nurse_edit_of_a_live_article_waits_for_approval(client):
    writer, other_nurse = nurse(), nurse()
    article = published_article(editor=writer, title="Live title")
    client.force_login(other_nurse)
    response = client.post(change_url(article), article_form_data(article, title="Edited title"))
    assert response.status_code == 302, response.content.decode()[:2000]
    article.refresh_from_db()
    assert article.title == "Edited title"
    assert article.status == Status.DRAFT
    assert article.last_edited_by == other_nurse
    assert article.live_version.title == "Live title"
    assert "Live title" in client.get(article.get_absolute_url()).content.decode()


def test_an_approver_cannot_edit_article_text(client):
    article = published_article(title="Live title")
    client.force_login(approver())
    response = client.post(change_url(article), article_form_data(article, title="Approver edit"))
    assert response.status_code == 403
    article.refresh_from_db()
    assert article.title == "Live title"


def test_a_posted_status_field_is_ignored(client):
    writer = nurse()
    article = ArticleFactory(written_by=writer, last_edited_by=writer)
    client.force_login(writer)
    client.post(change_url(article), article_form_data(article, status="published", title="Changed"))
    article.refresh_from_db()
    assert article.title == "Changed"
    assert article.status == Status.DRAFT
    assert article.live_version is None


def test_a_nurse_creates_an_article(client):
    writer = nurse()
    client.force_login(writer)
    category = CategoryFactory()
    data = article_form_data(
        ArticleFactory.build(category=category, written_by=writer),
        slug="new-page",
        title="A new page",
    )
    response = client.post(reverse("admin:treatments_article_add"), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    article = Article.objects.get(slug="new-page")
    assert article.status == Status.DRAFT
    assert article.last_edited_by == writer
    assert client.get(article.get_absolute_url()).status_code == 404


def test_the_edit_page_shows_readability(client):
    writer = nurse()
    article = ArticleFactory(written_by=writer, last_edited_by=writer)
    client.force_login(writer)
    html = client.get(change_url(article)).content.decode()
    assert "Approximate reading age" in html
    assert "NHS target: 9 to 11" in html


# --- Changelist and dashboard -------------------------------------------------


@time_machine.travel(datetime.date(2026, 11, 22), tick=False)
def test_changelist_filters_and_dashboard(admin_client):
    with time_machine.travel(datetime.date(2023, 1, 1), tick=False):
        overdue = published_article(title="Overdue page")
    with time_machine.travel(datetime.date(2024, 1, 10), tick=False):
        due_soon = published_article(title="Due soon page")
    fine = published_article(title="Fine page")
    waiting = awaiting(nurse())

    changelist = reverse("admin:treatments_article_changelist")
    overdue_list = admin_client.get(changelist + "?review=overdue").content.decode()
    assert "Overdue page" in overdue_list and "Due soon page" not in overdue_list
    assert "(overdue)" in overdue_list
    soon_list = admin_client.get(changelist + "?review=due90").content.decode()
    assert "Due soon page" in soon_list and "Overdue page" not in soon_list and fine.title not in soon_list

    dashboard = admin_client.get(reverse("admin:index")).content.decode()
    section = dashboard[dashboard.index('id="review-dashboard"') :]
    assert change_url(overdue) in section
    assert change_url(due_soon) in section
    assert change_url(waiting) in section
    assert change_url(fine) not in section


def test_support_staff_see_no_dashboard(client):
    support = UserFactory()
    client.force_login(support)
    assert 'id="review-dashboard"' not in client.get(reverse("admin:index")).content.decode()


def test_the_changelist_query_count_does_not_grow(admin_client, django_assert_max_num_queries):
    for _ in range(12):
        published_article()
    with django_assert_max_num_queries(12):
        assert admin_client.get(reverse("admin:treatments_article_changelist")).status_code == 200


def test_change_permission_alone_does_not_grant_approval():
    user = UserFactory()
    user.user_permissions.add(Permission.objects.get(codename="change_article"))
    assert not fresh(user).has_perm("treatments.approve_article")


def test_a_script_posted_straight_to_the_admin_never_reaches_the_public_page(client):
    """Security plan A1: the editor is bypassed; the change is kept, the script is not."""
    writer, checker = nurse(), approver()
    article = ArticleFactory(written_by=writer, last_edited_by=writer)
    client.force_login(writer)
    body = "<script>alert(1)</script><p>ok</p>"
    assert client.post(change_url(article), article_form_data(article, body=body)).status_code == 302
    article.refresh_from_db()  # the approver reads the draft as saved
    services.article_submit(article=article, user=fresh(writer))
    approve(
        article,
        approver=fresh(checker),
        full_review=True,
    )
    html = client.get(article.get_absolute_url()).content.decode()
    assert "<p>ok</p>" in html
    assert "<script>alert(1)" not in html
