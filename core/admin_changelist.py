"""Changelists: room for their columns, and cheaper rows for the pages with many of them."""

from django.contrib.admin import helpers
from django.utils.html import format_html
from django.utils.translation import gettext as _


class QuickActionCheckboxMixin:
    """
    Writes each row's selection checkbox directly; Django renders it through a
    form widget template. Used only where it pays: the contact-request list,
    which support staff have open all day, costs 25-26 ms of CPU with it and
    28.5-29 ms without (bench/profile_page.py, 50 rows, 100,000 requests). On
    the article list the difference was within noise, so it uses Django's own.
    The HTML is the same as Django's (tests compare the two).
    """

    def action_checkbox(self, obj):
        return format_html(
            '<input type="checkbox" name="{}" value="{}" class="action-select" aria-label="{}">',
            helpers.ACTION_CHECKBOX_NAME,
            str(obj.pk),
            format_html(_("Select this object for an action - {}"), str(obj)),
        )


class FullWidthChangelistMixin:
    """
    A list whose columns staff must all see at 1280 px (the review due date,
    the answer-by time): the filters stay, the site menu on the left goes, as
    with Django's own collapse button. Without it the last columns scroll out
    of sight inside the table.
    """

    def changelist_view(self, request, extra_context=None):
        return super().changelist_view(request, {**(extra_context or {}), "is_nav_sidebar_enabled": False})
