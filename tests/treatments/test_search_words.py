"""
The list of the public pages' words ("Did you mean …?"): an approval adds its
own page's words (its cost is the page's, not the site's), a withdrawal
forgets the words no other page uses, and the list is always what a rebuild
from every public page would make, with two approvers at work at once.
"""

from functools import partial

import pytest

from tests.factories import fresh
from tests.threads import at_once
from tests.treatments.factories import ArticleFactory, approve, approver, nurse, published_article
from treatments import search, services
from treatments.models import SearchWord

pytestmark = pytest.mark.django_db

# "pleural" is a body word on one page and a title word on the other: offered either way round.
HEADING_PAGE = {
    "title": "Pleural drains at home",
    "body": "<h2>Looking after your drain</h2><p>A nurse visits weekly.</p>",
}
BODY_PAGE = {
    "title": "Talc pleurodesis",
    "body": "<h2>What happens</h2><p>Talc is put into the pleural space.</p>",
}


def word_list() -> dict[str, bool]:
    return dict(SearchWord.objects.values_list("word", "suggestible"))


def rebuilt_list() -> dict[str, bool]:
    search.search_words_refresh()
    return word_list()


@pytest.mark.parametrize("pages", [[HEADING_PAGE, BODY_PAGE], [BODY_PAGE, HEADING_PAGE]])
def test_after_each_approval_the_list_is_what_a_rebuild_makes(pages):
    for page in pages:
        published_article(**page)
    kept = word_list()
    assert kept == rebuilt_list()
    assert kept["pleural"] is True and kept["drains"] is True
    assert kept["space"] is False  # a body word: known, never offered


def test_an_approval_adds_its_own_words_and_reads_no_other_page():
    published_article(**HEADING_PAGE)
    SearchWord.objects.all().delete()
    published_article(**BODY_PAGE)
    assert "drains" not in word_list()  # the other page was not read again
    assert {"talc", "pleurodesis", "pleural", "space"} <= word_list().keys()


def test_withdrawing_a_page_forgets_only_the_words_no_other_page_uses():
    kept_page = published_article(**HEADING_PAGE)
    withdrawn = published_article(**BODY_PAGE)
    services.article_archive(article=withdrawn, approver=fresh(approver()))
    words = word_list()
    assert "pleurodesis" not in words and "talc" not in words
    assert words["pleural"] is True  # still in the other page's title
    services.article_archive(article=kept_page, approver=fresh(approver()))
    assert "pleural" not in word_list()


def test_restoring_a_withdrawn_page_brings_its_words_back():
    page = published_article(**BODY_PAGE)
    services.article_archive(article=page, approver=fresh(approver()))
    assert "pleurodesis" not in word_list()
    services.article_restore(article=page, approver=fresh(approver()))
    assert word_list() == rebuilt_list()
    assert word_list()["pleurodesis"] is True


def submitted(**fields):
    writer = nurse()
    article = ArticleFactory(written_by=writer, last_edited_by=writer, **fields)
    services.article_submit(article=article, user=fresh(writer))
    return article


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_approvals_at_once_with_the_same_new_words_both_go_through(roles):
    for attempt in range(3):
        shared = f"Mesothelin{'x' * attempt} vaccines"
        first = submitted(title=f"{shared} in trials", body=f"<p>{shared} for pleural disease.</p>")
        second = submitted(title=f"{shared} explained", body=f"<p>{shared} and pleural fluid.</p>")
        outcomes = at_once(
            partial(approve, first, approver=fresh(approver()), full_review=True),
            partial(approve, second, approver=fresh(approver()), full_review=True),
        )
        assert outcomes == ["done", "done"]
        assert word_list() == rebuilt_list()


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_withdrawal_beside_an_approval_keeps_the_approved_pages_words(roles):
    for attempt in range(3):
        leaving = published_article(title=f"Old leaflet {attempt}")
        arriving = submitted(title=f"Cryotherapy{'x' * attempt} trials", body="<p>Freezing the tumour.</p>")
        outcomes = at_once(
            partial(services.article_archive, article=leaving, approver=fresh(approver())),
            partial(approve, arriving, approver=fresh(approver()), full_review=True),
        )
        assert outcomes == ["done", "done"]
        words = word_list()
        assert f"cryotherapy{'x' * attempt}" in words and "freezing" in words
        assert "leaflet" not in words
