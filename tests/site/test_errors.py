from unittest import mock

from django.db import OperationalError
from django.test import RequestFactory

from charity_site.views import server_error


def test_500_page_renders_without_the_database_or_context_processors():
    request = RequestFactory().get("/")
    # Any database use while rendering the error page would raise here.
    with mock.patch("django.db.backends.base.base.BaseDatabaseWrapper.cursor", side_effect=OperationalError):
        response = server_error(request)
    assert response.status_code == 500
    html = response.content.decode()
    assert "Sorry, something went wrong" in html
    assert '<a href="tel:08081570192">0808 157 0192</a>' in html
    # A plain path, not {% static %}: the manifest may be what is missing.
    assert 'href="/static/css/site.css"' in html
