"""On a contact request's page: its notes (append-only), a blank note to add, and its history."""

from django.contrib import admin

from core.admin_records import RecordInline, isolated_text
from staff.admin_columns import staff_column
from staff.names import staff_name

from ..models import ContactNote, StatusChange


class NoteHistoryInline(RecordInline):
    """Notes so far, oldest first. Append-only: nobody can change or delete one."""

    model = ContactNote
    fields = ["created_at", "by", "call_outcome", "note"]
    readonly_fields = fields
    verbose_name_plural = "notes"
    select_related = ["author__staff_profile"]
    by = staff_column("author", "by")

    @admin.display(description="text")
    def note(self, contact_note):
        return isolated_text(contact_note.text, multiline=True)


class AddNoteInline(admin.StackedInline):
    """A blank note to add. Author and time are set by the server."""

    model = ContactNote
    extra = 1
    max_num = 1
    can_delete = False
    fields = ["call_outcome", "text"]
    verbose_name = "new note"
    verbose_name_plural = "add a note"

    def get_queryset(self, request):
        return super().get_queryset(request).none()

    def has_change_permission(self, request, obj=None):
        # Lets the blank form show; existing notes never appear in this inline.
        return self.has_add_permission(request, obj)


class StatusChangeInline(RecordInline):
    model = StatusChange
    fields = ["at", "by"]  # what happened is the row's own heading (StatusChange.__str__)
    readonly_fields = fields
    verbose_name_plural = "history"
    select_related = ["actor__staff_profile"]

    @admin.display(description="by")
    def by(self, status_change):
        return staff_name(status_change.actor) if status_change.actor_id else "The site (they wrote back)"
