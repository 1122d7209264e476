"""The glossary in the admin: nurses write definitions, an approver who did not signs them off."""

from django.contrib import admin, messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html

from core.admin_objects import admin_object_or_404
from core.refusals import Refused
from staff.admin_columns import staff_column

from ..glossary import services as glossary
from ..models import GlossaryTerm


@admin.register(GlossaryTerm)
class GlossaryTermAdmin(admin.ModelAdmin):
    list_display = ["term", "status", "public_definition", "editor", "approved"]
    list_select_related = ["live_version", "last_edited_by__staff_profile"]
    list_filter = ["status"]
    search_fields = ["term", "other_forms", "definition"]
    fields = ["term", "other_forms", "definition", "public_wording"]
    readonly_fields = ["public_wording"]
    editor = staff_column("last_edited_by", "last changed by")
    change_form_template = "admin/treatments/glossaryterm/change_form.html"

    @admin.display(description="on the website")
    def public_definition(self, term):
        return "Yes" if term.is_public else "Not yet"

    @admin.display(description="approved", ordering="live_version__approved_at")
    def approved(self, term):
        return term.live_version.approved_at if term.live_version else None

    @admin.display(description="what the public reads now")
    def public_wording(self, term):
        if not term.is_public:
            return "Nothing yet: it appears once an approver signs it off."
        live = term.live_version
        return format_html("<strong>{}</strong>: {}", live.term, live.definition)

    def has_delete_permission(self, request, obj=None):
        return False  # a definition pages may link to is changed, not removed

    def save_model(self, request, obj, form, change):
        glossary.glossary_term_save(term=obj, editor=request.user)

    def get_urls(self):
        return [
            path(
                "<path:object_id>/approve/",
                self.admin_site.admin_view(self.approve_view),
                name="treatments_glossaryterm_approve",
            ),
            *super().get_urls(),
        ]

    def approve_view(self, request, object_id):
        term = admin_object_or_404(
            GlossaryTerm.objects.select_related("live_version"),
            object_id,
            allowed=request.user.has_perm("treatments.approve_glossaryterm"),
        )
        if request.method == "POST":
            try:
                glossary.glossary_term_approve(
                    term=term,
                    approver=request.user,
                    seen_fingerprint=request.POST.get("seen_fingerprint", ""),
                )
            except Refused as refusal:
                messages.error(request, str(refusal))
                term.refresh_from_db()
            else:
                messages.success(request, f"“{term.term}” is approved and now explained on the website.")
                return redirect(reverse("admin:treatments_glossaryterm_changelist"))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": f"Approve the definition of “{term.term}”",
            "original": term,
            "may_approve": glossary.glossary_term_may_approve(term, request.user),
            "seen_fingerprint": glossary.glossary_term_fingerprint(term),
        }
        return TemplateResponse(request, "admin/treatments/glossaryterm/approve.html", context)
