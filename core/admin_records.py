"""Admin building blocks for records that are shown to staff and never edited there."""

from django.contrib import admin
from django.template.defaultfilters import linebreaksbr
from django.utils.html import format_html


def isolated_text(value: str, *, multiline: bool = False):
    """
    Text a person wrote, shown to staff in its own direction: Arabic or Hebrew
    (or a stray direction mark) cannot reorder the labels and text around it.
    """
    if multiline:
        return format_html('<div dir="auto" class="user-text">{}</div>', linebreaksbr(value))
    return format_html("<bdi>{}</bdi>", value)


class RecordInline(admin.TabularInline):
    """A record (audit row, approved version, note) shown on its parent, never changed or deleted here."""

    extra = 0
    can_delete = False
    select_related = ()  # what each row names (a member of staff), fetched with the rows: one query

    def get_queryset(self, request):
        return super().get_queryset(request).select_related(*self.select_related)

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class RecordAdmin(admin.ModelAdmin):
    """A list of records staff may read but not add, change or delete."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
