"""
The site's form renderer: Django's, except that the smallest, commonest pieces
(a plain <input>, a <textarea>, a <select>, a label, a field's empty error list) are written in Python
rather than through a template. They are most of a staff form (an article's
sources alone are about 170 inputs) and each one through the template engine
cost up to half a millisecond of worker time; written here, a few
microseconds. The markup is the templates' own, byte for byte:
tests/site/test_form_renderer.py renders each both ways and compares.
"""

from html import escape as html_escape

from django.forms.renderers import DjangoTemplates
from django.utils.functional import Promise
from django.utils.safestring import SafeString, mark_safe

# Templates that are the bare input (django/forms/widgets/input.html) and nothing else.
_INPUT_TEMPLATES = frozenset(
    f"django/forms/widgets/{name}.html"
    for name in [
        "input",
        "text",
        "number",
        "email",
        "url",
        "tel",
        "search",
        "password",
        "hidden",
        "date",
        "time",
        "datetime",
        "color",
        "checkbox",
    ]
)

_ERROR_LIST_TEMPLATES = frozenset(
    {"django/forms/errors/list/ul.html", "django/forms/errors/list/default.html"}
)


def conditional_escape(value) -> str:
    """
    django.utils.html.conditional_escape's result, without the check of every
    call for lazy arguments that Django's escape() makes (at thousands of
    calls a page it cost more than the escaping itself).
    """
    if isinstance(value, Promise):
        value = str(value)
    if hasattr(value, "__html__"):
        return value.__html__()
    return html_escape(str(value))


def _text(value) -> str:
    """What `{{ value|stringformat:'s' }}` writes: the value as text, escaped unless it was marked safe."""
    return conditional_escape("%s" % value)  # noqa: UP031 - the filter's own formatting


def _attrs(attrs: dict | None) -> str:
    """django/forms/widgets/attrs.html (and forms/attrs.html): True is the bare name, False leaves it out."""
    return "".join(
        f" {conditional_escape(name)}" if value is True else f' {conditional_escape(name)}="{_text(value)}"'
        for name, value in (attrs or {}).items()
        if value is not False
    )


def input_html(widget: dict) -> SafeString:
    """django/forms/widgets/input.html, for one widget's context."""
    value = f' value="{_text(widget["value"])}"' if widget["value"] is not None else ""
    return mark_safe(  # noqa: S308 - every piece escaped
        f'<input type="{conditional_escape(widget["type"])}" name="{conditional_escape(widget["name"])}"'
        f"{value}{_attrs(widget['attrs'])}>"
    )


def textarea_html(widget: dict) -> SafeString:
    """django/forms/widgets/textarea.html, for one widget's context (its value is text, or None)."""
    value = conditional_escape(widget["value"]) if widget["value"] else ""
    return mark_safe(  # noqa: S308 - every piece escaped
        f'<textarea name="{conditional_escape(widget["name"])}"{_attrs(widget["attrs"])}>\n{value}</textarea>'
    )


def label_html(context: dict) -> SafeString:
    """django/forms/label.html: the label in its tag, or the bare text for a field without an id."""
    if not context["use_tag"]:
        return mark_safe(str(conditional_escape(context["label"])).strip())  # noqa: S308 - escaped
    tag = conditional_escape(context["tag"])
    return mark_safe(f"<{tag}{_attrs(context['attrs'])}>{conditional_escape(context['label'])}</{tag}>")  # noqa: S308


def select_html(widget: dict) -> SafeString | None:
    """django/forms/widgets/select.html with its options (None if an option has a template of its own)."""
    parts = [f'<select name="{conditional_escape(widget["name"])}"{_attrs(widget["attrs"])}>']
    for group_name, group_choices, _index in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{conditional_escape(group_name)}">')
        for option in group_choices:
            if option["template_name"] != "django/forms/widgets/select_option.html":
                return None
            parts.append(
                f'\n  <option value="{_text(option["value"])}"{_attrs(option["attrs"])}>'
                f"{conditional_escape(option['label'])}</option>\n"
            )
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")
    return mark_safe("".join(parts))  # noqa: S308 - every piece escaped


class FastInputRenderer(DjangoTemplates):
    """Django's renderer (which strips what a template writes); plain inputs written directly."""

    def render(self, template_name, context, request=None):
        if template_name in _INPUT_TEMPLATES:
            return input_html(context["widget"])
        if template_name == "django/forms/widgets/textarea.html":
            return textarea_html(context["widget"])
        if template_name in _ERROR_LIST_TEMPLATES and not context["errors"]:
            return ""  # every field without an error asks for its list: the template writes nothing
        if template_name == "django/forms/label.html":
            return label_html(context)
        if template_name == "django/forms/widgets/select.html" and (html := select_html(context["widget"])):
            return html
        if template_name == "admin/widgets/date.html":
            return mark_safe(f'<p class="date">\n  {input_html(context["widget"])}\n\n\n</p>')  # noqa: S308
        if template_name == "admin/widgets/url.html":
            return _admin_url_html(context)
        return super().render(template_name, context, request)


def _admin_url_html(context: dict) -> SafeString:
    """admin/widgets/url.html: the current link above the input when the value is a valid address."""
    widget = context["widget"]
    if not context["url_valid"]:
        return input_html(widget)
    return mark_safe(  # noqa: S308 - every piece escaped
        f'<p class="url">{conditional_escape(context["current_label"])} '
        f'<a href="{conditional_escape(widget["href"])}">{conditional_escape(widget["value"])}</a><br>'
        f"{conditional_escape(context['change_label'])} {input_html(widget)}\n</p>"
    )
