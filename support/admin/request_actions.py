"""
What support staff do to requests: assign, change status, mark urgent or not.
Each is an action on the list (for the ticked requests) and the same on one
request's page; each calls a service per request, reports a refusal and goes
on with the rest.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse

from core.admin_objects import admin_object_or_404
from core.refusals import Refused

from .. import services
from ..models import ContactRequest
from .forms import AssignForm, StatusForm, UrgentForm


class RequestActionsMixin:
    """For ContactRequestAdmin: its actions, their pages, and the pages for one request."""

    @admin.action(description="Assign to me", permissions=["change"])
    def assign_to_me(self, request, queryset):
        self._assign(request, queryset, assignee=request.user)

    @admin.action(description="Assign to a colleague…", permissions=["change"])
    def assign_to_colleague(self, request, queryset):
        form = AssignForm(request.POST if "apply" in request.POST else None)
        if form.is_valid():
            return self._assign(request, queryset, assignee=form.cleaned_data["assignee"])
        return self._action_page(request, form, queryset, title="Assign to a colleague")

    @admin.action(description="Change status…", permissions=["change"])
    def change_status(self, request, queryset):
        form = StatusForm(request.POST if "apply" in request.POST else None)
        if form.is_valid():
            return self._set_status(request, queryset, **form.cleaned_data)
        return self._action_page(request, form, queryset, title="Change status")

    def assign_view(self, request, object_id):
        contact_request = self._for_change(request, object_id)
        form = AssignForm(request.POST or None)
        if form.is_valid():
            self._assign(request, [contact_request], assignee=form.cleaned_data["assignee"])
            return redirect(self._change_url(contact_request))
        return self._action_page(request, form, [contact_request], title="Assign", single=True)

    def status_view(self, request, object_id):
        contact_request = self._for_change(request, object_id)
        form = StatusForm(request.POST or None, from_status=contact_request.status)
        if form.is_valid():
            self._set_status(request, [contact_request], **form.cleaned_data)
            return redirect(self._change_url(contact_request))
        return self._action_page(request, form, [contact_request], title="Change status", single=True)

    def urgent_view(self, request, object_id):
        contact_request = self._for_change(request, object_id)
        form = UrgentForm(request.POST or None, initial={"urgent": "no" if contact_request.urgent else "yes"})
        if form.is_valid():
            self._each(
                request,
                [contact_request],
                lambda item: services.contact_request_set_urgent(
                    contact_request=item, actor=request.user, urgent=form.cleaned_data["urgent"]
                ),
            )
            return redirect(self._change_url(contact_request))
        return self._action_page(request, form, [contact_request], title="Urgent or not", single=True)

    def _assign(self, request, contact_requests, *, assignee):
        self._each(
            request,
            contact_requests,
            lambda contact_request: services.contact_request_assign(
                contact_request=contact_request, actor=request.user, assignee=assignee
            ),
        )

    def _set_status(
        self, request, contact_requests, *, status, outcome="", answered_by=None, missing_topic=""
    ):
        @transaction.atomic
        def change(contact_request):
            services.contact_request_set_status(
                contact_request=contact_request, actor=request.user, to_status=status, outcome=outcome
            )
            if answered_by or missing_topic.strip():
                services.enquiry_tag_set(
                    contact_request=contact_request,
                    actor=request.user,
                    article_id=answered_by.pk if answered_by else None,
                    missing_topic=missing_topic,
                )

        self._each(request, contact_requests, change)

    @staticmethod
    def _each(request, contact_requests, change) -> None:
        """Apply one service call to each request; a refusal is reported and the rest go ahead."""
        done = 0
        for contact_request in contact_requests:
            try:
                change(contact_request)
                done += 1
            except (Refused, PermissionDenied) as refusal:
                messages.error(request, str(refusal))
        if done:
            messages.success(request, f"Updated {done} request{'s' if done != 1 else ''}.")

    def _action_page(self, request, form, contact_requests, *, title, single=False):
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": title,
            "form": form,
            "requests": contact_requests,
            "action": request.POST.get("action", ""),
            "single": single,
        }
        status = 400 if form.is_bound else 200
        return TemplateResponse(
            request, "admin/support/contactrequest/action_form.html", context, status=status
        )

    def _for_change(self, request, object_id) -> ContactRequest:
        return admin_object_or_404(
            ContactRequest.objects.all(), object_id, allowed=self.has_change_permission(request)
        )

    @staticmethod
    def _change_url(contact_request) -> str:
        return reverse("admin:support_contactrequest_change", args=[contact_request.pk])
