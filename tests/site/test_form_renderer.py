"""
The site's form renderer writes plain inputs without a template
(core/form_renderer.py): each must be exactly what Django's templates write,
for every widget it covers and any value a person or an attacker could send.
"""

import datetime

import pytest
from django import forms
from django.contrib.admin import widgets as admin_widgets
from django.forms.renderers import DjangoTemplates
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy

from core.form_renderer import FastInputRenderer

WIDGETS = [
    forms.TextInput(),
    forms.NumberInput(),
    forms.EmailInput(),
    forms.URLInput(),
    forms.PasswordInput(render_value=True),
    forms.HiddenInput(),
    forms.DateInput(),
    forms.TimeInput(),
    forms.DateTimeInput(),
    forms.CheckboxInput(),
    forms.SearchInput(),
    forms.TelInput(),
    forms.ColorInput(),
    admin_widgets.AdminTextInputWidget(),
    admin_widgets.AdminIntegerFieldWidget(),
    admin_widgets.AdminEmailInputWidget(),
    admin_widgets.AdminDateWidget(),
    admin_widgets.AdminURLFieldWidget(),
    admin_widgets.AdminURLFieldWidget(attrs={"class": "wide"}),
    forms.Textarea(),
    admin_widgets.AdminTextareaWidget(),
]
VALUES = [
    None,
    "",
    "Baas P, et al.",
    'He said "stop" & <script>alert(1)</script>',
    mark_safe("<b>marked safe</b>"),
    "تتعلق بعلاج ورم المتوسطة — Müller 😀 \u200f",
    0,
    2026,
    datetime.date(2024, 2, 6),
    datetime.time(9, 30),
    True,
    False,
    gettext_lazy("Yes"),
    "https://www.example.org/a?b=1&c=<2>",
    "javascript:alert(1)",
    "https://例え.テスト/パス",
]
ATTRS = [
    {},
    {"id": "id_sources-0-title", "required": True, "disabled": False, "maxlength": 400},
    {"aria-describedby": "sources-help-doi", "data-note": 'a "quoted" <value> & more', "autofocus": True},
]


@pytest.mark.parametrize("widget", WIDGETS, ids=lambda widget: type(widget).__name__)
def test_every_input_is_written_exactly_as_the_templates_write_it(widget):
    templates, fast = DjangoTemplates(), FastInputRenderer()
    compared = 0
    for value in VALUES:
        for attrs in ATTRS:
            expected = widget.render("sources-0-title", value, attrs, renderer=templates)
            assert widget.render("sources-0-title", value, attrs, renderer=fast) == expected
            compared += 1
    assert compared == len(VALUES) * len(ATTRS)


CHOICES = [
    ("", "---------"),
    ("a", 'A & <b> "quoted"'),
    (2, "Two"),
    ("Grouped <here>", [("g1", "مرحبا"), ("g2", "Zwei 😀")]),
    ("", [("empty-group", "An unnamed group")]),
]


@pytest.mark.parametrize(
    "widget",
    [
        forms.Select(choices=CHOICES),
        forms.SelectMultiple(choices=CHOICES),
        forms.NullBooleanSelect(),
        forms.Select(choices=[]),
        forms.Select(choices=CHOICES, attrs={"required": True, "aria-describedby": "x_helptext"}),
    ],
    ids=["select", "multiple", "null-boolean", "no-choices", "attrs"],
)
@pytest.mark.parametrize("value", [None, "", "a", "g2", ["a", "g1"], 2, "unknown", True, "false"])
def test_every_select_is_written_exactly_as_the_templates_write_it(widget, value):
    try:
        expected = widget.render("category", value, {"id": "id_category"}, renderer=DjangoTemplates())
    except TypeError:  # a list for a yes/no choice: Django refuses it before any template
        with pytest.raises(TypeError):
            widget.render("category", value, {"id": "id_category"}, renderer=FastInputRenderer())
        return
    assert widget.render("category", value, {"id": "id_category"}, renderer=FastInputRenderer()) == expected


def test_other_widgets_still_go_through_their_templates():
    fast = FastInputRenderer()
    radio = forms.RadioSelect(choices=[("a", "A & <b>")]).render("x", "a", renderer=fast)
    assert radio == forms.RadioSelect(choices=[("a", "A & <b>")]).render("x", "a", renderer=DjangoTemplates())
    assert 'type="radio"' in radio and "A &amp; &lt;b&gt;" in radio
    textarea = forms.Textarea().render("x", "</textarea><script>", renderer=fast)
    assert "&lt;/textarea&gt;&lt;script&gt;" in textarea


class Person(forms.Form):
    name = forms.CharField(label='Name & "title"', help_text="As you like to be called.")
    email = forms.EmailField(required=False, label="Email?")
    agreed = forms.BooleanField(label=mark_safe("I <em>agree</em>"))
    notes = forms.CharField(widget=forms.Textarea, label="")
    choice = forms.ChoiceField(choices=[("a", "A")], widget=forms.RadioSelect, label="Pick one")


@pytest.mark.parametrize("data", [None, {}, {"name": "Ann", "email": "not an email", "agreed": "on"}])
@pytest.mark.parametrize("auto_id", ["id_%s", False, "person-%s"])
def test_labels_and_error_lists_are_written_as_the_templates_write_them(data, auto_id):
    pages = {}
    for renderer in (DjangoTemplates(), FastInputRenderer()):
        form = Person(data, auto_id=auto_id, renderer=renderer)
        form.required_css_class = "required"
        pages[type(renderer)] = [
            form.as_div(),
            *(form[name].label_tag() for name in form.fields),
            *(
                form[name].label_tag(attrs={"class": "x", "hidden": True}, label_suffix="")
                for name in form.fields
            ),
            *(str(form[name].errors) for name in form.fields),
            str(form.non_field_errors()),
        ]
    assert pages[FastInputRenderer] == pages[DjangoTemplates]
    if data:
        assert "Enter a valid email address." in pages[FastInputRenderer][0]
