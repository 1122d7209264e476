from django.contrib import admin

from charity_site.page_cache import public_pages_changed

from ..models import Category


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "position"]
    search_fields = ["name"]
    fields = ["name", "position"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        public_pages_changed()  # category names and order show on the treatments index
