import pytest
from django.contrib import admin

from support.models import ContactRequest
from treatments.models import Article

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "obj",
    [
        ContactRequest(pk=123456, reference="SR-2026-123456"),
        Article(pk=7, title='Surgery & "you" <b>'),
    ],
)
def test_the_quick_row_checkbox_is_the_html_django_writes(obj):
    model_admin = admin.site.get_model_admin(type(obj))
    assert model_admin.action_checkbox(obj) == admin.ModelAdmin.action_checkbox(model_admin, obj)
