"""
Every page we added to the admin answers an id alike: someone without the
permission gets 403 whether or not the id exists (nothing to learn from it);
with the permission, an id that is not a plain number is 404, like a missing
one, never a server error.
"""

import pytest
from django.urls import reverse

from tests.factories import UserFactory
from tests.support.factories import make_request
from tests.treatments.factories import ArticleFactory
from treatments.models import GlossaryTerm

pytestmark = pytest.mark.django_db

ARTICLE_PAGES = [
    ("admin:treatments_article_workflow", ["approve"]),
    ("admin:treatments_article_workflow", ["return"]),
    ("admin:treatments_article_compare", []),
    ("admin:treatments_article_record", []),
    ("admin:treatments_article_preview", []),
]
REQUEST_PAGES = [
    ("admin:support_contactrequest_reply", []),
    ("admin:support_contactrequest_assign", []),
    ("admin:support_contactrequest_urgent", []),
    ("admin:support_contactrequest_status", []),
]
BAD_IDS = ["abc", "1.5", "-1", "١٢", "１", "1 OR 1=1", "99999999"]


def pages():
    article = ArticleFactory()
    request = make_request()
    term = GlossaryTerm.objects.create(term="biopsy", definition="Taking a small piece of tissue to look at.")
    found = [(name, article.pk, extra) for name, extra in ARTICLE_PAGES]
    found += [(name, request.pk, extra) for name, extra in REQUEST_PAGES]
    found.append(("admin:treatments_glossaryterm_approve", term.pk, []))
    return found


def url(name, object_id, extra):
    # Built by hand: reverse() would refuse the ids an attacker types.
    real = reverse(name, args=[1, *extra])
    return real.replace("/1/", f"/{object_id}/", 1)


def test_without_the_permission_an_existing_and_a_missing_id_get_the_same_403(client):
    client.force_login(UserFactory())  # staff, in no role
    for name, existing, extra in pages():
        for object_id in (existing, 99999999, "abc"):
            response = client.get(url(name, object_id, extra))
            assert response.status_code == 403, (name, object_id)


def test_with_the_permission_a_bad_or_missing_id_is_404(client):
    client.force_login(UserFactory(is_superuser=True))
    for name, _, extra in pages():
        for object_id in BAD_IDS:
            response = client.get(url(name, object_id, extra))
            assert response.status_code == 404, (name, object_id, response.status_code)
