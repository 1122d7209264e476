"""
The workflow table (treatments/workflow.py) walked against the services and
the admin's buttons: for every action and every status, the button shows
exactly when the service does it, and the service leads where the table says.
"""

import pytest
from django.core.exceptions import PermissionDenied

from tests.factories import UserFactory, fresh
from tests.treatments.factories import ArticleFactory, approver, nurse, published_article
from treatments import drafts, services, workflow
from treatments.admin.workflow import BUTTONS, available_actions
from treatments.models import Article
from treatments.roles import CLINICAL_APPROVERS, NURSE_EDITORS

pytestmark = pytest.mark.django_db

FORM_DATA = {"full_review": True, "sources_rechecked": True, "comment": "Please check the dose.", "note": ""}


def form_data(article: Article) -> dict:
    """What a button's form sends when posted from the page showing the article as it is now."""
    return {**FORM_DATA, "seen_fingerprint": drafts.article_draft_fingerprint(article)}


def article_in(status: str) -> Article:
    """An article in `status`, last edited by a nurse, with a live version to point at."""
    editor = nurse()
    article = ArticleFactory(written_by=editor, last_edited_by=editor)
    live = published_article()
    Article.objects.filter(pk=article.pk).update(status=status, live_version=live.live_version)
    return Article.objects.get(pk=article.pk)


def test_every_button_is_an_action_of_the_table():
    assert set(BUTTONS) <= set(workflow.ACTIONS)
    assert set(workflow.ACTIONS) - set(BUTTONS) == {"edit"}  # saving the form is the edit


@pytest.mark.parametrize("status", workflow.Status.values)
@pytest.mark.parametrize("action", list(BUTTONS))
def test_a_button_shows_exactly_when_the_service_does_it(action, status):
    article = article_in(status)
    # Both clinical roles: every permission, and not the last editor (four-eyes).
    user = fresh(UserFactory(groups=[NURSE_EDITORS, CLINICAL_APPROVERS]))
    allowed_by_table = status in workflow.ACTIONS[action].from_statuses

    shown = action in available_actions(article, user)
    try:
        BUTTONS[action].perform(article, user, form_data(article))
        done = True
    except services.WorkflowError:
        done = False

    assert shown == done == allowed_by_table
    article.refresh_from_db()
    if done:
        assert article.status in workflow.ACTIONS[action].to_statuses
    else:
        assert article.status == status
        assert not article.transitions.exists()


@pytest.mark.parametrize("action", list(BUTTONS))
def test_without_the_tables_permission_there_is_no_button_and_the_service_refuses(action):
    needed = workflow.ACTIONS[action].permission
    status = next(iter(workflow.ACTIONS[action].from_statuses))
    article = article_in(status)
    # Whichever role lacks the permission this action needs.
    user = fresh(
        nurse() if needed in {"treatments.approve_article", "treatments.archive_article"} else approver()
    )
    assert not user.has_perm(needed)
    assert action not in available_actions(article, user)
    with pytest.raises(PermissionDenied):
        BUTTONS[action].perform(article, user, form_data(article))
    article.refresh_from_db()
    assert article.status == status


def test_every_recorded_move_is_one_the_table_allows():
    """Whatever the services record in the audit trail, the table could have made."""
    editor, checker = nurse(), approver()
    article = published_article(editor=editor, approver_user=checker)
    services.article_archive(article=article, approver=fresh(checker))
    services.article_restore(article=article, approver=fresh(checker))
    moves = set(article.transitions.values_list("from_status", "to_status"))
    assert moves and moves <= workflow.allowed_moves()
