"""
An inline form's fields in a compact grid: label, input and errors for each,
with the help written once for the whole list (compact_help). The admin's
own fieldset templates cost about a millisecond of rendering per field, which
fifteen sources of eleven fields each made most of an article's page.
"""

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from core.form_renderer import conditional_escape as escape

register = template.Library()


@register.simple_tag
def compact_fields(inline_admin_form) -> str:
    """Every field of one inline form, as cells of a grid (staff.css .compact-fields)."""
    cells = ['<div class="compact-fields">']
    for fieldset in inline_admin_form:
        for line in fieldset:
            for admin_field in line:
                if admin_field.is_readonly:
                    field = admin_field.field
                    cells.append(
                        f'<div class="compact-cell field-{escape(field["name"])}"><span class="compact-label">'
                        f'{escape(field["label"])}:</span><div class="readonly">{escape(admin_field.contents())}'
                        "</div></div>"
                    )
                    continue
                bound = admin_field.field
                if bound.is_hidden:
                    cells.append(str(bound))
                    continue
                errors = bound.errors
                required = ' class="required"' if bound.field.required else ""
                cells.append(
                    f'<div class="compact-cell field-{escape(bound.name)}{" errors" if errors else ""}">'
                    f'{escape(errors) if errors else ""}<label for="{escape(bound.id_for_label)}"'
                    f"{required}>{escape(bound.label)}:</label>"
                    f"{escape(bound)}</div>"
                )
    cells.append("</div>")
    return mark_safe("".join(cells))  # noqa: S308 - every value escaped or already safe, as format_html would


@register.simple_tag
def compact_help(inline_admin_formset) -> str:
    """The help for each field, once, above the list; every input points to its entry (CompactHelpForm)."""
    entries = inline_admin_formset.formset.empty_form.compact_help
    if not entries:
        return ""
    return format_html(
        '<dl class="compact-help">{}</dl>',
        format_html_join("", '<dt>{}</dt><dd id="{}">{}</dd>', entries),
    )
