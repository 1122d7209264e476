"""The person page: find everything held about someone, export it, or erase it (UK GDPR)."""

import json

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone

from core.admin_records import RecordAdmin
from core.refusals import Refused
from staff.admin_columns import staff_column

from .. import data_rights
from ..models import Erasure


class PersonForm(forms.Form):
    email = forms.EmailField(label="Their email address", required=False)
    phone = forms.CharField(label="Their phone number", required=False, max_length=30)

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("email") and not cleaned.get("phone", "").strip():
            raise forms.ValidationError("Enter their email address, their phone number, or both.")
        return cleaned


class ErasureForm(PersonForm):
    confirmation = forms.CharField(
        label=f"Type {data_rights.ERASE_CONFIRMATION} to confirm", max_length=20, required=False
    )
    open_confirmed = forms.BooleanField(
        label="Some of their requests are still open: they asked for those to be erased too.", required=False
    )


# The person's details travel only in POST bodies, never in a URL; the admin view
# that calls this keeps them out of error reports (sensitive_post_parameters).
def person_view(model_admin, request):
    if not model_admin.has_change_permission(request):
        raise PermissionDenied
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": "Everything we hold about a person",
        "erase_word": data_rights.ERASE_CONFIRMATION,
    }
    if request.method != "POST":
        context["form"] = PersonForm()
        return TemplateResponse(request, "admin/support/contactrequest/person.html", context)

    erasure_form = None
    if "erase" in request.POST:
        erasure_form = ErasureForm(request.POST)
        if erasure_form.is_valid():
            try:
                done = data_rights.erase(
                    user=request.user,
                    email=erasure_form.cleaned_data["email"],
                    phone=erasure_form.cleaned_data["phone"],
                    confirmation=erasure_form.cleaned_data["confirmation"],
                    open_confirmed=erasure_form.cleaned_data["open_confirmed"],
                )
            except Refused as refusal:
                erasure_form.add_error(None, str(refusal))
            else:
                record = done.record
                messages.success(
                    request,
                    f"Erased {record.requests_deleted} request(s) and {record.rows_deleted} row(s) in all. "
                    "A record of the erasure, without their details, is kept.",
                )
                if done.mailbox_deleted is not None:
                    messages.success(
                        request, f"Deleted {done.mailbox_deleted} email(s) from the support mailbox."
                    )
                elif settings.SUPPORT_IMAP_HOST:
                    messages.warning(
                        request,
                        "The support mailbox could not be reached: delete their emails there by hand "
                        "(search for their address and the request references).",
                    )
                return redirect(reverse("admin:support_contactrequest_changelist"))
    form = PersonForm(request.POST)
    if not form.is_valid():
        context["form"] = form
        return TemplateResponse(request, "admin/support/contactrequest/person.html", context, status=400)

    found = data_rights.subject_access(
        user=request.user, email=form.cleaned_data["email"], phone=form.cleaned_data["phone"]
    )
    if request.POST.get("format") == "json":
        response = HttpResponse(
            json.dumps(found.tables, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
            content_type="application/json; charset=utf-8",
        )
        stamp = timezone.localtime().strftime("%Y-%m-%d")
        response["Content-Disposition"] = f'attachment; filename="subject-access-{stamp}.json"'
        response["Cache-Control"] = "no-store"
        return response
    context.update(
        form=PersonForm(form.cleaned_data),
        erasure_form=erasure_form or ErasureForm(initial=form.cleaned_data),
        found=found,
        any_open=any(item.status != "closed" for item in found.requests),
    )
    status = 400 if erasure_form is not None and erasure_form.errors else 200
    response = TemplateResponse(request, "admin/support/contactrequest/person.html", context, status=status)
    response["Cache-Control"] = "no-store"
    return response


@admin.register(Erasure)
class ErasureAdmin(RecordAdmin):
    """The erasures done, for the data protection lead (superusers): who, when, how much; no personal data."""

    list_display = ["erased_at", "by", "requests_deleted", "open_requests_deleted", "rows_deleted"]
    by = staff_column("erased_by", "erased by")
