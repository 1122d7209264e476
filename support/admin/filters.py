"""The contact-request list's filters: open requests by default, the team by name, call backs waiting."""

from django.contrib import admin

from staff.names import staff_name

from ..models import ContactRequest, NeedsAction
from ..roles import support_team


class OpenFilter(admin.SimpleListFilter):
    """Open requests by default: those are the ones waiting for a person."""

    title = "open or closed"
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [("open", "Open"), ("closed", "Closed"), ("all", "All")]

    def value(self):
        return super().value() or "open"

    def choices(self, changelist):
        for lookup, title in self.lookup_choices:
            yield {
                "selected": self.value() == lookup,
                "query_string": changelist.get_query_string({self.parameter_name: lookup}),
                "display": title,
            }

    def queryset(self, request, queryset):
        if self.value() == "open":
            return queryset.open()
        if self.value() == "closed":
            return queryset.filter(status=ContactRequest.Status.CLOSED)
        return queryset


class AssignedToFilter(admin.SimpleListFilter):
    """The support team as choices: no scan of every request to find who is assigned."""

    title = "assigned to"
    parameter_name = "assigned"

    def lookups(self, request, model_admin):
        team = [(str(user.pk), staff_name(user)) for user in support_team().select_related("staff_profile")]
        return [("me", "Me (my requests)"), ("nobody", "Nobody"), *team]

    def queryset(self, request, queryset):
        if self.value() == "me":
            return queryset.filter(assigned_to=request.user)
        if self.value() == "nobody":
            return queryset.filter(assigned_to__isnull=True)
        if self.value():
            return queryset.filter(assigned_to_id=self.value())
        return queryset


class CallbacksWaitingFilter(admin.SimpleListFilter):
    title = "call backs"
    parameter_name = "callbacks"

    def lookups(self, request, model_admin):
        return [("waiting", "Still waiting for a call")]

    def queryset(self, request, queryset):
        if self.value() == "waiting":
            return queryset.callbacks_waiting()
        return queryset


class UrgentFilter(admin.SimpleListFilter):
    title = "urgent"
    parameter_name = "urgent"

    def lookups(self, request, model_admin):
        return [("waiting", "Urgent, not answered yet"), ("yes", "Urgent"), ("no", "Not urgent")]

    def queryset(self, request, queryset):
        if self.value() == "waiting":
            return queryset.filter(needs_action=NeedsAction.URGENT)
        if self.value() in ("yes", "no"):
            return queryset.filter(urgent=self.value() == "yes")
        return queryset


class AnswerByFilter(admin.SimpleListFilter):
    title = "answer by"
    parameter_name = "answer_by"

    def lookups(self, request, model_admin):
        return [("overdue", "Overdue"), ("today", "Due by the end of today")]

    def queryset(self, request, queryset):
        if self.value() == "overdue":
            return queryset.overdue()
        if self.value() == "today":
            return queryset.due_today()
        return queryset
