"""The contact-request list writes its row checkboxes itself (core/admin_changelist.py)."""

import pytest
from django.contrib import admin

from support.models import ContactRequest


@pytest.mark.parametrize(
    "obj",
    [
        ContactRequest(pk=123456, reference="SR-2026-123456"),
        ContactRequest(pk=7, reference='SR & "you" <b>'),
    ],
)
def test_the_quick_row_checkbox_is_the_html_django_writes(obj):
    model_admin = admin.site.get_model_admin(ContactRequest)
    assert model_admin.action_checkbox(obj) == admin.ModelAdmin.action_checkbox(model_admin, obj)
