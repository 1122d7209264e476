"""How staff are named wherever staff see each other: their public name, else their full name."""

from django import template

from staff.names import staff_name as name_of

register = template.Library()


@register.filter
def staff_name(user) -> str:
    return name_of(user)
