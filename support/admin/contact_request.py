import re

from django.contrib import admin
from django.contrib.admin.utils import flatten_fieldsets
from django.core.exceptions import PermissionDenied
from django.template.defaultfilters import linebreaksbr
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.html import format_html
from django.views.decorators.debug import sensitive_post_parameters

from core.admin_changelist import FullWidthChangelistMixin, QuickActionCheckboxMixin
from core.admin_records import isolated_text
from core.links import tel_href
from core.phones import phone_normal_form
from staff.admin_columns import staff_column
from staff.names import staff_name
from staff.presence import presence_context

from .. import services
from ..models import (
    CLOSED_ORDER,
    NEEDS_ACTION_ORDER,
    ContactNote,
    ContactRequest,
    NeedsAction,
    RefusedSubmissions,
)
from ..summary import chart_bars, monthly_summary, summary_csv
from ..timing import answer_by_text, short_time
from .data_rights import person_view
from .filters import AnswerByFilter, AssignedToFilter, CallbacksWaitingFilter, OpenFilter, UrgentFilter
from .inlines import AddNoteInline, NoteHistoryInline, StatusChangeInline
from .reply import reply_view
from .request_actions import RequestActionsMixin


@admin.register(ContactRequest)
class ContactRequestAdmin(
    RequestActionsMixin, FullWidthChangelistMixin, QuickActionCheckboxMixin, admin.ModelAdmin
):
    # What triage needs, in a width that fits a 1280 px screen beside the filters.
    list_display = [
        "reference",
        "urgent_flag",
        "received",
        "answer_by_column",
        "topic",
        "how",
        "status",
        "assignee",
    ]
    list_filter = [
        OpenFilter,
        UrgentFilter,
        AnswerByFilter,
        "status",
        "topic",
        AssignedToFilter,
        CallbacksWaitingFilter,
    ]
    # A reference or an email address is typed whole; names and numbers in part.
    search_fields = ["=reference", "name", "=email", "phone"]
    show_full_result_count = False  # one count, not two, over 100,000 rows
    list_per_page = 50  # a screenful to triage; each row costs about a millisecond to draw
    list_select_related = ["assigned_to__staff_profile"]
    fieldsets = [
        (
            "Request",
            {
                "fields": [
                    "reference",
                    "received_at",
                    "answer_by_display",
                    "urgent_display",
                    "status",
                    "outcome",
                    "assignee",
                    "first_response_at",
                    "closed_at",
                ]
            },
        ),
        (
            "How to contact them",
            {
                "fields": [
                    "their_name",
                    "contact_method",
                    "email_link",
                    "phone_link",
                    "callback_days_display",
                    "callback_time",
                    "voicemail_ok",
                ]
            },
        ),
        ("Their question", {"fields": ["who", "topic", "their_message"]}),
        ("Emails with them", {"fields": ["thread"]}),
        ("Consent", {"fields": ["consent_wording", "consent_given_at"]}),
        ("Who has opened this page", {"fields": ["viewed_by"]}),
        (
            "Emails sent",
            {"fields": ["emails_sent"]},
        ),
    ]
    # What the person sent is a record: staff change a request only through the actions.
    readonly_fields = flatten_fieldsets(fieldsets)
    inlines = [NoteHistoryInline, AddNoteInline, StatusChangeInline]
    actions = ["assign_to_me", "assign_to_colleague", "change_status"]
    change_form_template = "admin/support/contactrequest/change_form.html"
    change_list_template = "admin/support/contactrequest/change_list.html"

    assignee = staff_column("assigned_to", "assigned to")

    @admin.display(description="urgent", ordering="needs_action")
    def urgent_flag(self, contact_request):
        # Words, not colour alone: the flag reads "Urgent" in any colour scheme or screen reader.
        # Sorting by it is the list's own order: what needs action first (NeedsAction).
        if contact_request.needs_action == NeedsAction.URGENT:
            return format_html('<strong class="urgent-flag">{}</strong>', "Urgent")
        return "Urgent, answered" if contact_request.urgent and contact_request.status != "closed" else ""

    @admin.display(description="urgent")
    def urgent_display(self, contact_request):
        on_arrival = [m for m in contact_request.urgent_matches if "message" not in m]
        later = [m for m in contact_request.urgent_matches if "message" in m]
        reasons = []
        if on_arrival:
            reasons.append(
                "On arrival its message matched " + ", ".join(f"“{m['phrase']}”" for m in on_arrival) + "."
            )
        if later:
            reasons.append(
                "An email from them matched "
                + ", ".join(f"“{m['phrase']}”" for m in later)
                + " (see the emails below)."
            )
        reason = " ".join(reasons)
        if contact_request.urgent:
            return format_html(
                '<strong class="urgent-flag">{}</strong> {}',
                "Urgent: answer first.",
                reason or "Marked urgent by staff.",
            )
        if reason:
            return f"Not urgent (the flag was cleared). {reason}"
        return "Not urgent."

    @admin.display(description="contact by", ordering="contact_method")
    def how(self, contact_request):
        return (
            "Email" if contact_request.contact_method == ContactRequest.ContactMethod.EMAIL else "Call back"
        )

    def change_view(self, request, object_id, form_url="", extra_context=None):
        # Every opening of a request's page is recorded (who, when) and listed on it.
        contact_request = self.get_object(request, object_id) if self.has_view_permission(request) else None
        if contact_request is not None:
            if request.method == "GET":
                services.request_view_record(contact_request=contact_request, viewer=request.user)
            extra_context = {**(extra_context or {}), **presence_context(request, contact_request)}
        return super().change_view(request, object_id, form_url, extra_context)

    @admin.display(description="viewed by")
    def viewed_by(self, contact_request):
        views = list(contact_request.views.select_related("viewer__staff_profile")[:50])
        lines = [f"{staff_name(view.viewer)}, {short_time(view.at)}" for view in views]
        total = contact_request.views.count()
        if total > len(views):
            lines.append(f"… and {total - len(views)} earlier.")
        return linebreaksbr("\n".join(lines)) or "Nobody yet."

    @admin.display(description="received", ordering="received_at")
    def received(self, contact_request):
        return short_time(contact_request.received_at)

    @admin.display(description="answer by", ordering="answer_by")
    def answer_by_column(self, contact_request):
        return answer_by_text(contact_request)

    @admin.display(description="answer by")
    def answer_by_display(self, contact_request):
        return answer_by_text(contact_request, long=True)

    CALL_BACK_FIELDS = ("phone_link", "callback_days_display", "callback_time", "voicemail_ok")

    @admin.display(description="email")
    def email_link(self, contact_request):
        if not contact_request.email:
            return "–"
        return format_html('<a href="mailto:{0}">{0}</a>', contact_request.email)

    @admin.display(description="phone")
    def phone_link(self, contact_request):
        if not contact_request.phone:
            return "–"
        return format_html('<a href="{}">{}</a>', tel_href(contact_request.phone), contact_request.phone)

    @admin.display(description="emails")
    def emails_sent(self, contact_request):
        """What the request's outbox sent and when, in words."""

        def when(moment):
            return timezone.localtime(moment).strftime("%-d %b %Y, %H:%M")

        lines = []
        for email in contact_request.emails.order_by("created_at", "pk"):
            label = email.get_kind_display() + (" (for an email from them)" if email.message_id else "")
            if email.sent_at:
                lines.append(f"{label}: sent {when(email.sent_at)}.")
            elif email.attempts:
                lines.append(
                    f"{label}: not sent yet, {email.attempts} failed attempt(s); last error: {email.last_error}."
                )
            else:
                lines.append(f"{label}: not sent yet.")
        if not contact_request.wants_acknowledgement:
            lines.append("No acknowledgement: they gave no email address.")
        return linebreaksbr("\n".join(lines))

    def get_fieldsets(self, request, obj=None):
        # An email request has no call-back details: do not show empty call-back fields.
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or obj.contact_method != ContactRequest.ContactMethod.EMAIL:
            return fieldsets
        return [
            (name, {**options, "fields": [f for f in options["fields"] if f not in self.CALL_BACK_FIELDS]})
            for name, options in fieldsets
        ]

    # Fewer digits than any phone number has: a search for them is a request's number.
    PHONE_SEARCH_MIN_DIGITS = 6

    def get_search_results(self, request, queryset, search_term):
        # A request's number alone ("13" or "000013") finds that request and no other; a
        # longer run of digits may also be part of a phone number.
        term = search_term.strip()
        number = term.lstrip("0")
        if term.isdigit() and len(term) < self.PHONE_SEARCH_MIN_DIGITS:
            return queryset.filter(pk=int(number or 0)), False
        results, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        if number.isdigit():
            results |= queryset.filter(pk=int(number))
        # A phone number, however it is written ("+44 (0)1632 960 734" finds "01632 960734").
        if len(re.sub(r"\D", "", term)) >= self.PHONE_SEARCH_MIN_DIGITS and (
            wanted := phone_normal_form(term)
        ):
            results |= queryset.filter(phone_normal=wanted)
        return results, may_have_duplicates

    @admin.display(description="name")
    def their_name(self, contact_request):
        return isolated_text(contact_request.name)

    @admin.display(description="message")
    def their_message(self, contact_request):
        return isolated_text(contact_request.message, multiline=True)

    @admin.display(description="emails")
    def thread(self, contact_request):
        return render_to_string(
            "admin/support/contactrequest/thread.html",
            {"thread": contact_request.messages.select_related("author__staff_profile")},
        )

    @admin.display(description="days that suit")
    def callback_days_display(self, contact_request):
        labels = dict(ContactRequest.Weekday.choices)
        return ", ".join(labels.get(day, day) for day in contact_request.callback_days) or "Any"

    # The next job first (NeedsAction): urgent and unanswered, then unanswered by their
    # answer-by time (overdue, due today, the rest), then answered, then closed; the closed
    # view alone, the latest closed first. Each order has its index.
    ordering = NEEDS_ACTION_ORDER

    def get_ordering(self, request):
        if request.GET.get(OpenFilter.parameter_name) == "closed":
            return CLOSED_ORDER
        return super().get_ordering(request)

    def has_add_permission(self, request):
        return False  # requests come only from the public form

    def has_delete_permission(self, request, obj=None):
        return False  # and leave only through purge_contact_requests

    def save_formset(self, request, form, formset, change):
        if formset.model is not ContactNote:
            return super().save_formset(request, form, formset, change)
        # Notes are only ever added, through the service, with the server's author and time.
        formset.new_objects = [
            services.contact_note_add(
                contact_request=form.instance,
                author=request.user,
                text=note_form.cleaned_data["text"],
                call_outcome=note_form.cleaned_data.get("call_outcome", ""),
            )
            for note_form in formset.forms
            if note_form.has_changed() and note_form.cleaned_data.get("text", "").strip()
        ]
        formset.changed_objects, formset.deleted_objects = [], []
        return formset.new_objects

    # --- Pages of their own ------------------------------------------------------

    @method_decorator(sensitive_post_parameters())
    def person_view(self, request):
        return person_view(self, request)

    def reply_view(self, request, object_id):
        return reply_view(self, request, self._for_change(request, object_id))

    def get_urls(self):
        return [
            path(
                "summary/",
                self.admin_site.admin_view(self.summary_view),
                name="support_contactrequest_summary",
            ),
            path(
                "person/",
                self.admin_site.admin_view(self.person_view),
                name="support_contactrequest_person",
            ),
            path(
                "<path:object_id>/assign/",
                self.admin_site.admin_view(self.assign_view),
                name="support_contactrequest_assign",
            ),
            path(
                "<path:object_id>/reply/",
                self.admin_site.admin_view(self.reply_view),
                name="support_contactrequest_reply",
            ),
            path(
                "<path:object_id>/urgent/",
                self.admin_site.admin_view(self.urgent_view),
                name="support_contactrequest_urgent",
            ),
            path(
                "<path:object_id>/status/",
                self.admin_site.admin_view(self.status_view),
                name="support_contactrequest_status",
            ),
            *super().get_urls(),
        ]

    def summary_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        summaries = monthly_summary()
        if request.GET.get("format") == "csv":
            return summary_csv(summaries)
        bars = chart_bars(summaries)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": "Support requests by month",
            "summaries": summaries,
            "bars": bars,
            "chart_months": f"{bars[0].label} to {bars[-1].label}",
            "topics": ContactRequest.Topic.labels,
            "whos": ContactRequest.Who.labels,
            "outcomes": ContactRequest.Outcome.labels,
            "refusal_reasons": RefusedSubmissions.Reason.labels,
        }
        return TemplateResponse(request, "admin/support/contactrequest/summary.html", context)
