from django.contrib import admin

from .. import services
from ..models import Category


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    """Categories group the treatments index; a change is public at once (no approval)."""

    list_display = ["name", "position"]
    search_fields = ["name"]
    fields = ["name", "position"]

    def save_model(self, request, obj, form, change):
        services.category_save(category=obj)

    def delete_model(self, request, obj):
        services.category_delete(category=obj)

    def delete_queryset(self, request, queryset):
        for category in queryset:
            services.category_delete(category=category)
