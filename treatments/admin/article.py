from django.contrib import admin, messages
from django.contrib.admin.views.main import ChangeList
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html

from core.admin_changelist import FullWidthChangelistMixin
from core.refusals import Refused
from staff.admin_columns import staff_column
from staff.presence import presence_context

from .. import services, workflow
from ..models import Article, Source
from ..readability import TARGET_READING_AGE
from ..text_checks import text_checks
from .article_history import article_history
from .article_inlines import ResourceInline, SourceInline
from .compare import compare_view
from .forms import ArticleAdminForm
from .preview import preview_view
from .record import record_view
from .workflow import BUTTONS, available_actions, workflow_view


class LightChangeList(ChangeList):
    """The article list never shows the text, so it does not fetch it."""

    def get_queryset(self, request, exclude_parameters=None):
        return super().get_queryset(request, exclude_parameters).defer("body", "summary")


class ReviewDueFilter(admin.SimpleListFilter):
    title = "review"
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [("overdue", "Overdue"), ("due90", "Due within 90 days")]

    def queryset(self, request, queryset):
        if self.value() == "overdue":
            return queryset.review_overdue()
        if self.value() == "due90":
            return queryset.review_due_within(days=90)
        return queryset


@admin.register(Article)
class ArticleAdmin(FullWidthChangelistMixin, admin.ModelAdmin):
    list_display = [
        "title",
        "category",
        "status",
        "last_reviewed_on",
        "next_review_due",
        "feedback_since_approval",
        "edited_by",
    ]
    list_filter = ["status", ReviewDueFilter, "category"]
    search_fields = ["title", "slug", "summary"]
    list_select_related = ["category", "last_edited_by__staff_profile"]
    # Everything in this section is read-only: it changes only through the services.
    STATUS_FIELDS = [
        "status",
        "public_page",
        "edited_by",
        "last_edited_at",
        "last_reviewed_on",
        "next_review_due_on",
        "feedback_since_approval",
    ]
    readonly_fields = ["readability", *STATUS_FIELDS]
    form = ArticleAdminForm
    fieldsets = [
        ("Page", {"fields": ["title", "slug", "summary", "body", "readability", "seen_version"]}),
        ("Place on the site", {"fields": ["category", "position", "related_articles"]}),
        ("Authorship and review", {"fields": ["written_by", "review_interval_months"]}),
        ("Status (changed only with the workflow buttons)", {"fields": STATUS_FIELDS}),
        ("For the approver", {"fields": ["note_for_approver"]}),
    ]
    inlines = [SourceInline, ResourceInline]
    autocomplete_fields = ["related_articles"]
    prepopulated_fields = {"slug": ["title"]}
    change_form_template = "admin/treatments/article/change_form.html"

    edited_by = staff_column("last_edited_by", "last edited by")

    def view_on_site(self, article):
        """Only a page patients can open; the preview shows a draft."""
        return article.get_absolute_url() if article.is_public else None

    @admin.display(description="next review due", ordering="next_review_due_on")
    def next_review_due(self, article):
        if article.next_review_due_on is None:
            return "–"
        if article.is_review_overdue():
            return format_html(
                '<strong class="review-overdue">{} (overdue)</strong>',
                article.next_review_due_on.strftime("%d %b %Y"),
            )
        return article.next_review_due_on.strftime("%d %b %Y")

    @admin.display(description="readers' feedback since approval")
    def feedback_since_approval(self, article):
        """Answers on the live version: how many, and the share that said "yes"."""
        answers, yes = article.live_answers, article.live_yes
        if not answers:
            return "No answers yet"
        return f"{answers} answer{'s' if answers != 1 else ''}, {round(100 * yes / answers)}% helpful"

    def get_queryset(self, request):
        # The feedback figures for the whole changelist in the same query.
        return super().get_queryset(request).with_live_feedback()

    def get_changelist(self, request, **kwargs):
        return LightChangeList

    @admin.display(description="public page")
    def public_page(self, article):
        if not article.is_public:
            return "Not on the website"
        return format_html('<a href="{0}">{0}</a>', article.get_absolute_url())

    @admin.display(description="readability and checks of the saved text")
    def readability(self, article):
        checks = article.pk and text_checks(
            article.body, [source.as_dict() for source in article.sources.all()]
        )
        if not checks or checks.readability is None:
            return "Save the article to see how easy it is to read."
        return render_to_string(
            "admin/treatments/article/readability.html",
            {"report": checks.readability, "target": TARGET_READING_AGE},
        ) + render_to_string("admin/treatments/article/content_checks.html", {"findings": checks.findings})

    def get_prepopulated_fields(self, request, obj=None):
        return {} if obj and obj.live_version_id else self.prepopulated_fields

    def get_readonly_fields(self, request, obj=None):
        # The web address is fixed once patients may have bookmarked it.
        if obj and obj.live_version_id:
            return [*self.readonly_fields, "slug"]
        return self.readonly_fields

    def get_changeform_initial_data(self, request):
        return {"written_by": request.user.pk, **super().get_changeform_initial_data(request)}

    def get_urls(self):
        def view(request, object_id, action):
            return workflow_view(self, request, object_id, action)

        return [
            path(
                "<path:object_id>/workflow/<slug:action>/",
                self.admin_site.admin_view(view),
                name="treatments_article_workflow",
            ),
            path(
                "<path:object_id>/compare/",
                self.admin_site.admin_view(lambda request, object_id: compare_view(self, request, object_id)),
                name="treatments_article_compare",
            ),
            path(
                "<path:object_id>/record/",
                self.admin_site.admin_view(lambda request, object_id: record_view(self, request, object_id)),
                name="treatments_article_record",
            ),
            path(
                "<path:object_id>/preview/",
                self.admin_site.admin_view(lambda request, object_id: preview_view(self, request, object_id)),
                name="treatments_article_preview",
            ),
            *super().get_urls(),
        ]

    def get_object(self, request, object_id, from_field=None):
        # change_view and the admin's form view both ask for the article: a page read fetches it once.
        # A save fetches it again inside its transaction, so it never works on an older copy.
        if request.method != "GET":
            return super().get_object(request, object_id, from_field)
        fetched = request.__dict__.setdefault("_fetched_articles", {})
        if (object_id, from_field) not in fetched:
            fetched[object_id, from_field] = super().get_object(request, object_id, from_field)
        return fetched[object_id, from_field]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        article = self.get_object(request, object_id)
        extra_context = extra_context or {}
        if article is not None:
            extra_context.update(
                workflow_actions=[(name, BUTTONS[name]) for name in available_actions(article, request.user)],
                preview_url=reverse("admin:treatments_article_preview", args=[article.pk]),
                can_save_and_submit=self._may_submit_after_saving(article.status, request.user),
                returned=self._latest_return(article),
                history=article_history(article),
                today=timezone.localdate(),
                **presence_context(request, article),
            )
        return super().change_view(request, object_id, form_url, extra_context)

    def add_view(self, request, form_url="", extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "can_save_and_submit": self._may_submit_after_saving(Article.Status.DRAFT, request.user),
        }
        return super().add_view(request, form_url, extra_context)

    @staticmethod
    def _may_submit_after_saving(status: str, user) -> bool:
        """Saving may make the article a draft again ("edit"); then the table decides on "submit"."""
        return workflow.action_allowed("submit", status=workflow.status_after_edit(status), user=user)

    @staticmethod
    def _latest_return(article):
        """The approver's comment when the article was last sent back, while it is still a draft."""
        if article.status != Article.Status.DRAFT:
            return None
        latest = article.transitions.select_related("actor").first()
        if latest and latest.action == "return":
            return latest
        return None

    def save_model(self, request, obj, form, change):
        if not change:
            obj.last_edited_by = request.user
            obj.last_edited_at = timezone.now()
        super().save_model(request, obj, form, change)
        request.note_for_approver = form.cleaned_data.get("note_for_approver", "")

    def save_formset(self, request, form, formset, change):
        super().save_formset(request, form, formset, change)
        if formset.model is Source:
            unplaced = [
                source_form.instance.pk
                for source_form in formset.forms
                if source_form.instance.pk in {source.pk for source in formset.new_objects}
                and "position" not in source_form.changed_data
            ]
            services.article_sources_renumber(article=form.instance, appended=unplaced)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        changed = set(form.changed_data) - {"seen_version", "note_for_approver"}
        move = services.article_record_edit(
            article=form.instance,
            editor=request.user,
            changed_fields=changed,
            content_changed=not change or bool(changed) or any(formset.has_changed() for formset in formsets),
        )
        if (
            move
            and move.from_status == Article.Status.AWAITING_APPROVAL
            and "_submit_for_approval" not in request.POST
        ):
            messages.warning(
                request,
                "This article was waiting for approval. Your change took it back: it is a draft again, and the "
                "approvers have been told. Submit it again when it is ready.",
            )

    # "Save and preview" and "Save and submit for approval": what was just typed is
    # saved first, so the preview shows it and the approver receives it.
    def response_add(self, request, obj, post_url_continue=None):
        return self._after_save(request, obj) or super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        return self._after_save(request, obj) or super().response_change(request, obj)

    def _after_save(self, request, obj):
        if "_preview" in request.POST:
            return redirect(reverse("admin:treatments_article_preview", args=[obj.pk]))
        if "_submit_for_approval" in request.POST:
            try:
                services.article_submit(
                    article=obj, user=request.user, note=getattr(request, "note_for_approver", "")
                )
            except (Refused, PermissionDenied) as refusal:
                messages.error(request, f"Saved, but not submitted: {refusal}")
            else:
                messages.success(
                    request, "Saved and submitted for approval. A clinical approver will check it."
                )
            return redirect(reverse("admin:treatments_article_change", args=[obj.pk]))
        return None
