"""
The one text rule (core/text.py) in every field people type into, public and
staff: words in any language are kept exactly, and only control and
direction-override characters are refused.
"""

import pytest
from django.core.exceptions import ValidationError

from staff.models import StaffProfile
from support.models import ContactNote, ContactRequest
from treatments.admin.workflow import CommentForm, ReturnForm
from treatments.forms import FeedbackCommentForm
from treatments.models import Article, ArticleResource, Category, PageFeedback, Source

WORDS = {
    "Persian (zero-width non-joiner)": "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645",
    "Arabic": "\u0645\u0631\u062d\u0628\u0627 \u0628\u0643",
    "Hebrew with a right-to-left mark": "\u05e9\u05dc\u05d5\u05dd \u200f(Shalom)",
    "Welsh": "Mae\u2019r meddyg yn dŵad i’r tŷ",
    "emoji family (zero-width joiner)": "Ni \U0001f468\u200d\U0001f469\u200d\U0001f467",
    "Welsh flag (tag characters)": "Cymru \U0001f3f4\U000e0067\U000e0062\U000e0077\U000e006c\U000e0073\U000e007f",
    "soft hyphen": "immuno\u00adtherapy",
}
REFUSED = {
    "right-to-left override": "exe.\u202etxt",
    "left-to-right isolate": "a\u2066b",
    "escape (C0 control)": "red\x1b[31m",
    "C1 control": "a\x85b",
}

# (model, field): every text field a person types into that is stored as written.
SINGLE_LINE = [
    (Article, "title"),
    (Category, "name"),
    (Source, "title"),
    (Source, "authors"),
    (Source, "publisher"),
    (StaffProfile, "public_name"),
    (StaffProfile, "role_title"),
    (ArticleResource, "title"),
    (ContactRequest, "name"),
]
MULTILINE = [
    (Article, "summary"),
    (ContactRequest, "message"),
    (ContactNote, "text"),
    (PageFeedback, "comment"),
]
FIELDS = SINGLE_LINE + MULTILINE
FORMS = [(FeedbackCommentForm, "comment"), (CommentForm, "comment"), (ReturnForm, "comment")]


def field_errors(model, name, value):
    try:
        model._meta.get_field(name).run_validators(value)
    except ValidationError as error:
        return error.messages
    return []


@pytest.mark.parametrize("words", WORDS.values(), ids=WORDS.keys())
@pytest.mark.parametrize(("model", "name"), FIELDS, ids=[f"{m.__name__}.{n}" for m, n in FIELDS])
def test_every_field_keeps_words_in_any_language(model, name, words):
    assert field_errors(model, name, words) == []


@pytest.mark.parametrize("text", REFUSED.values(), ids=REFUSED.keys())
@pytest.mark.parametrize(("model", "name"), FIELDS, ids=[f"{m.__name__}.{n}" for m, n in FIELDS])
def test_every_field_refuses_overrides_and_controls(model, name, text):
    assert field_errors(model, name, text)


@pytest.mark.parametrize(("model", "name"), MULTILINE, ids=[f"{m.__name__}.{n}" for m, n in MULTILINE])
def test_multiline_fields_keep_line_breaks_and_tabs(model, name):
    assert field_errors(model, name, "First line\r\nSecond\tline\n") == []


@pytest.mark.parametrize(("model", "name"), SINGLE_LINE, ids=[f"{m.__name__}.{n}" for m, n in SINGLE_LINE])
def test_single_line_fields_refuse_line_breaks_and_look_alike_spaces(model, name):
    assert field_errors(model, name, "Two\nlines")
    assert field_errors(model, name, "Ann\u200bSmith")


@pytest.mark.parametrize(("form_class", "name"), FORMS, ids=[f.__name__ for f, _ in FORMS])
def test_comment_forms_follow_the_same_rule(form_class, name):
    for words in WORDS.values():
        form = form_class({name: words})
        assert name not in form.errors, words
    for text in REFUSED.values():
        assert name in form_class({name: text}).errors, text
