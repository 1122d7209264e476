"""
An inline form's fields in a compact grid: label, input and errors for each,
with the help written once for the whole list (compact_help). The admin's
own fieldset templates cost about a millisecond of rendering per field, which
fifteen sources of eleven fields each made most of an article's page.
"""

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

register = template.Library()


@register.simple_tag
def compact_fields(inline_admin_form) -> str:
    """Every field of one inline form, as cells of a grid (staff.css .compact-fields)."""
    cells = []
    for fieldset in inline_admin_form:
        for line in fieldset:
            for admin_field in line:
                if admin_field.is_readonly:
                    cells.append(
                        format_html(
                            '<div class="compact-cell field-{}"><span class="compact-label">{}:</span>'
                            '<div class="readonly">{}</div></div>',
                            admin_field.field["name"],
                            admin_field.field["label"],
                            admin_field.contents(),
                        )
                    )
                    continue
                bound = admin_field.field
                if bound.is_hidden:
                    cells.append(str(bound))
                    continue
                cells.append(
                    format_html(
                        '<div class="compact-cell field-{}{}">{}<label for="{}"{}>{}:</label>{}</div>',
                        bound.name,
                        " errors" if bound.errors else "",
                        bound.errors if bound.errors else "",
                        bound.id_for_label,
                        mark_safe(' class="required"') if bound.field.required else "",
                        bound.label,
                        bound,
                    )
                )
    return format_html('<div class="compact-fields">{}</div>', mark_safe("".join(cells)))  # noqa: S308 - built above


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
