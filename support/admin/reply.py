"""The reply page: write (or start from a canned reply), preview, send."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse

from core.refusals import Refused
from staff.presence import presence_context

from .. import replies, services
from ..models import CannedReply, ContactRequest
from ..placeholders import PLACEHOLDERS_LIST


class ReplyForm(forms.Form):
    canned = forms.ModelChoiceField(
        label="Start from a canned reply",
        queryset=CannedReply.objects.none(),
        required=False,
        empty_label="— choose one —",
    )
    text = forms.CharField(
        label="Your reply",
        widget=forms.Textarea(attrs={"rows": 16, "cols": 80, "dir": "auto"}),
        required=False,
        strip=False,
        max_length=replies.REPLY_MAX_LENGTH,
    )

    # The newest message on the thread when the page was opened: a Send after a newer one is asked about.
    seen = forms.IntegerField(widget=forms.HiddenInput, min_value=0, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["canned"].queryset = CannedReply.objects.filter(active=True)


def reply_view(model_admin, request, contact_request: ContactRequest):
    # The page shows the whole thread: opening it is recorded as opening the request is.
    if request.method == "GET":
        services.request_view_record(contact_request=contact_request, viewer=request.user)
    form = ReplyForm(request.POST or None, initial={"seen": replies.thread_latest_pk(contact_request)})
    preview = None
    newer, newer_message = [], ""
    status = 200
    if request.method == "POST" and form.is_valid():
        text = form.cleaned_data["text"]
        if "insert" in request.POST and form.cleaned_data["canned"]:
            # Added below what is already typed: choosing a canned reply never loses a word.
            # Its placeholders stay as they are: they are filled once, when the reply is sent.
            canned = form.cleaned_data["canned"].text
            text = f"{text.rstrip()}\n\n{canned}" if text.strip() else canned
            form = ReplyForm(initial={"text": text, "seen": form.cleaned_data["seen"]})
        elif "send" in request.POST:
            try:
                replies.contact_reply_send(
                    contact_request=contact_request,
                    author=request.user,
                    text=text,
                    # A form without it (never the page's own) is checked against the whole thread.
                    seen_up_to=form.cleaned_data["seen"] or 0,
                )
            except replies.NewerMessages as refusal:
                # Shown now, so the next Send goes: the page remembers it was seen.
                newer, newer_message = refusal.messages, str(refusal)
                # The page says so above them (reply.html); the draft stays as typed.
                form = ReplyForm({**request.POST.dict(), "seen": newer[-1].pk})
                status = 409
            except Refused as refusal:
                form.add_error("text", str(refusal))
                status = 400
            else:
                messages.success(request, f"Your reply to {contact_request.reference} is on its way.")
                url = reverse("admin:support_contactrequest_change", args=[contact_request.pk])
                return redirect(f"{url}#thread")
        else:  # preview: exactly what Send would put in the email
            try:
                preview = replies.reply_text_fill(text, contact_request, request.user)
            except Refused as refusal:
                form.add_error("text", str(refusal))
                status = 400
    elif request.method == "POST":
        status = 400
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": f"Reply to {contact_request.reference} by email",
        "original": contact_request,
        "form": form,
        "preview": preview,
        "subject": replies.reply_subject(contact_request),
        "from_address": f"{settings.CHARITY_NAME} <{settings.SUPPORT_EMAIL}>",
        "reply_to": settings.SUPPORT_REPLY_TO_EMAIL,
        "thread": contact_request.messages.select_related("author__staff_profile"),
        "newer": newer,
        "newer_message": newer_message,
        "placeholders_list": PLACEHOLDERS_LIST,
        **presence_context(request, contact_request),
    }
    return TemplateResponse(request, "admin/support/contactrequest/reply.html", context, status=status)
