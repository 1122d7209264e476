import threading

import pytest
from django.db import connection

from tests.factories import fresh
from tests.treatments.factories import ArticleFactory, approve, approver, nurse
from treatments import services
from treatments.models import Article, ArticleVersion


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_approvers_at_once_make_one_version(roles):
    writer = nurse()
    article = ArticleFactory(written_by=writer, last_edited_by=writer)
    services.article_submit(article=article, user=fresh(writer))
    approvers = [approver(), approver()]
    barrier = threading.Barrier(len(approvers))
    outcomes = []

    def approve_at_once(user):
        try:
            barrier.wait()
            approve(
                article,
                approver=fresh(user),
                full_review=True,
            )
            outcomes.append("approved")
        except services.WorkflowError:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=approve_at_once, args=(user,)) for user in approvers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes) == ["approved", "refused"]
    assert ArticleVersion.objects.filter(article=article).count() == 1
    assert Article.objects.get(pk=article.pk).status == Article.Status.PUBLISHED
