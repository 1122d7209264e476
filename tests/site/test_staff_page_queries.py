"""
Staff pages cost the same number of queries however much their object holds:
an article with one source or fifteen, one approval or many; a request with
one note or twenty; a summary of one month or two years. Each count is also
held under a ceiling, so a query added per row (or per page) shows here.
"""

import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from support import services as support_services
from tests.factories import fresh
from tests.support.factories import make_request, support_user
from tests.treatments.factories import SourceFactory, approve, approver, nurse, published_article
from treatments import services
from treatments.models import Article

pytestmark = pytest.mark.django_db


def queries_for(client, url: str) -> int:
    client.get(url)  # the first view of a page fills per-process caches, as a running worker has
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def article_with(sources: int, approvals: int, writer, checker) -> Article:
    """A public page approved `approvals` times, with `sources` sources, edited again and submitted."""
    article = published_article(editor=writer, approver_user=checker)
    for number in range(sources):
        SourceFactory(article=article, position=number + 1)
    for round_ in range(approvals):
        article = Article.objects.get(pk=article.pk)
        article.summary = f"Changed {round_ + 1} times."
        article.save(update_fields=["summary"])
        services.article_record_edit(article=article, editor=fresh(writer), changed_fields={"summary"})
        services.article_submit(article=article, user=fresh(writer))
        if round_ < approvals - 1:
            approve(Article.objects.get(pk=article.pk), approver=fresh(checker), full_review=True)
    return Article.objects.get(pk=article.pk)


def test_the_article_form_and_the_approve_page_do_not_grow_with_sources_or_history(client):
    writer, checker = nurse(), approver()
    small = article_with(sources=1, approvals=1, writer=writer, checker=checker)
    large = article_with(sources=15, approvals=12, writer=writer, checker=checker)
    assert large.sources.count() == 15 and large.versions.count() == 12

    client.force_login(writer)
    form = {
        article: queries_for(client, f"/admin/treatments/article/{article.pk}/change/")
        for article in (small, large)
    }
    assert form[small] == form[large] <= 21

    client.force_login(checker)
    approve_page = {
        article: queries_for(client, f"/admin/treatments/article/{article.pk}/workflow/approve/")
        for article in (small, large)
    }
    assert approve_page[small] == approve_page[large] <= 19


def test_the_request_page_does_not_grow_with_its_notes(client):
    staff = fresh(support_user())
    short, long = make_request(), make_request(email="ann@example.org", contact_method="email", phone="")
    support_services.contact_note_add(
        contact_request=short, author=staff, text="Called.", call_outcome="spoke"
    )
    for number in range(20):
        support_services.contact_note_add(
            contact_request=long,
            author=staff,
            text=f"Note {number}.",
            call_outcome="no_answer" if number % 2 else "",
        )
    client.force_login(staff)
    counts = [
        queries_for(client, f"/admin/support/contactrequest/{request.pk}/change/")
        for request in (short, long)
    ]
    assert counts[0] == counts[1] <= 17


def test_the_monthly_summary_does_not_grow_with_the_months_or_requests(client):
    staff = fresh(support_user())
    client.force_login(staff)
    now = timezone.now()
    with time_machine.travel(now - datetime.timedelta(days=3), tick=False):
        make_request()
    one_month = queries_for(client, "/admin/support/contactrequest/summary/")
    for days in range(30, 730, 30):
        with time_machine.travel(now - datetime.timedelta(days=days), tick=False):
            request = make_request()
            support_services.contact_note_add(
                contact_request=request, author=staff, text="Rang.", call_outcome="spoke"
            )
    two_years = queries_for(client, "/admin/support/contactrequest/summary/")
    # Settled months are read as kept (MonthFigures), not counted again: never more queries.
    assert two_years <= one_month <= 15
    csv = client.get("/admin/support/contactrequest/summary/?format=csv")
    assert csv.status_code == 200
