"""
The admin's fieldsets written in Python (core/templatetags/admin_fieldsets.py)
are the admin template's own markup: real admin forms, blank, filled and with
errors, rendered both ways and compared (whitespace between tags aside).
"""

import re

import pytest
from django.contrib import admin
from django.contrib.admin import helpers
from django.template.loader import render_to_string
from django.test import RequestFactory

from core.templatetags.admin_fieldsets import admin_fieldset
from support.models import ContactRequest
from tests.support.factories import make_request, support_user
from tests.treatments.factories import nurse, published_article
from treatments.models import Article, Source

pytestmark = pytest.mark.django_db


def _normal(html: str) -> str:
    html = re.sub(r"\s+", " ", html)
    return re.sub(r"\s*(<[^>]+>)\s*", r"\1", html).strip()


def _admin_form(model_admin, user, obj=None, data=None) -> helpers.AdminForm:
    request = RequestFactory().post("/", data or {}) if data is not None else RequestFactory().get("/")
    request.user = user
    form_class = model_admin.get_form(request, obj, change=obj is not None)
    form = form_class(data, instance=obj) if data is not None else form_class(instance=obj)
    if data is not None:
        form.is_valid()
    return helpers.AdminForm(
        form,
        list(model_admin.get_fieldsets(request, obj)),
        model_admin.get_prepopulated_fields(request, obj),
        model_admin.get_readonly_fields(request, obj),
        model_admin=model_admin,
    )


def _both_ways(admin_form: helpers.AdminForm) -> tuple[list[str], list[str]]:
    template, python = [], []
    for number, fieldset in enumerate(admin_form):
        context = {
            "fieldset": fieldset,
            "heading_level": 2,
            "prefix": "fieldset",
            "id_prefix": 0,
            "id_suffix": number,
        }
        template.append(_normal(render_to_string("admin/includes/fieldset.html", context)))
        python.append(_normal(admin_fieldset(fieldset, 2, "fieldset", 0, number)))
    return template, python


def test_an_article_form_blank_filled_and_with_errors_is_the_templates_markup():
    writer = nurse()
    article = published_article(editor=writer, title='Pleural "drains" & <tubes>')
    model_admin = admin.site._registry[Article]
    for admin_form in [
        _admin_form(model_admin, writer),
        _admin_form(model_admin, writer, article),
        _admin_form(
            model_admin, writer, article, data={"title": "", "summary": "x" * 5000, "position": "two"}
        ),
    ]:
        template, python = _both_ways(admin_form)
        assert python == template
    assert 'class="errorlist"' in "".join(python)  # the form with errors showed them


def test_a_support_request_with_read_only_fields_is_the_templates_markup():
    staff = support_user(is_superuser=True)
    request = make_request(name="محمد Müller <b>", message="Line one\nLine two & more")
    model_admin = admin.site._registry[ContactRequest]
    template, python = _both_ways(_admin_form(model_admin, staff, ContactRequest.objects.get(pk=request.pk)))
    assert python == template
    assert "&lt;b&gt;" in "".join(python)


class LinedSourceAdmin(admin.ModelAdmin):
    """Several fields on a line, a checkbox-free line, a description and a collapsible fieldset."""

    fieldsets = [
        (None, {"fields": [("position", "year"), "title"]}),
        (
            "Where to find it",
            {
                "fields": [("url", "accessed_on"), "doi", "link_status"],
                "description": "<em>Links</em> are checked daily.",
                "classes": ["collapse"],
            },
        ),
    ]
    readonly_fields = ["link_status"]


@pytest.mark.parametrize("data", [None, {"position": "x", "year": "2020", "title": "", "url": "not a link"}])
def test_lines_of_several_fields_descriptions_and_collapsible_fieldsets_are_the_templates_markup(data):
    source = published_article().sources.create(title="BTS guideline", publisher="Thorax", position=1)
    model_admin = LinedSourceAdmin(Source, admin.site)
    template, python = _both_ways(_admin_form(model_admin, nurse(is_superuser=True), source, data=data))
    assert python == template
    assert "form-multiline" in python[0] and "<details>" in python[1]
