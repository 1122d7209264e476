"""Admin columns that name a member of staff."""

from django.contrib import admin

from .names import staff_name


def staff_column(field: str, description: str):
    """An admin column or read-only field naming the member of staff in `field`, never by username."""

    @admin.display(description=description, ordering=field)
    def column(model_admin, obj):
        return staff_name(getattr(obj, field))

    return column
