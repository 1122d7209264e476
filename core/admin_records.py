"""Admin building blocks for records that are shown to staff and never edited there."""

from django.contrib import admin


class RecordInline(admin.TabularInline):
    """A record (audit row, approved version, note) shown on its parent, never changed or deleted here."""

    extra = 0
    can_delete = False

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
