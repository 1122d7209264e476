"""Every admin page gets the staff style sheet and script once, from one template (admin/base_site.html)."""

import pytest

from tests.factories import UserFactory
from tests.support.factories import make_request
from tests.treatments.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_every_kind_of_admin_page_has_the_staff_style_sheet_and_script_once(client):
    article, request = ArticleFactory(), make_request()
    pages = ["/admin/login/"]
    client.force_login(UserFactory(is_superuser=True))
    pages += [
        "/admin/",
        "/admin/treatments/article/",
        f"/admin/treatments/article/{article.pk}/change/",
        f"/admin/treatments/article/{article.pk}/workflow/approve/",
        "/admin/treatments/glossaryterm/add/",
        "/admin/support/cannedreply/",
        f"/admin/support/contactrequest/{request.pk}/change/",
        "/admin/support/contactrequest/summary/",
        "/admin/auth/group/",
    ]
    for path in pages:
        if path == "/admin/login/":
            client.logout()
        html = client.get(path).content.decode()
        assert html.count("admin_extra/staff.css") == 1, path
        assert html.count("admin_extra/staff_forms.js") == 1, path
        if path == "/admin/login/":
            client.force_login(UserFactory(is_superuser=True))
