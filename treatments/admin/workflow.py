"""
The workflow buttons on an article's admin page: submit, approve, return to
draft, confirm still accurate, withdraw and restore. Each is a plain form page
(it works without JavaScript) whose POST calls one service function. Which
buttons show comes from the workflow table the services enforce.
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse

from core.admin_objects import admin_object_or_404
from core.refusals import Refused
from core.security_log import security_event
from core.sign_off import draft_fingerprint
from core.text import validate_multiline_text

from .. import drafts, services, workflow
from ..diff import content_diff
from ..glossary.jargon import jargon_words
from ..models import Article
from ..readability import TARGET_READING_AGE
from ..text_checks import text_checks
from ..trust import trust_problems
from .forms import note_for_approver_field


class SignOffForm(forms.Form):
    """A sign-off of the draft the page showed: the service checks this fingerprint under its lock."""

    seen_fingerprint = forms.CharField(widget=forms.HiddenInput, required=False, max_length=64)


class CommentForm(forms.Form):
    comment = forms.CharField(
        label="Comment (optional)",
        required=False,
        max_length=2000,
        validators=[validate_multiline_text],
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class SubmitForm(forms.Form):
    note = note_for_approver_field(
        "For example what changed and why. The approver sees it; it stays in the history."
    )


class ReturnForm(SignOffForm):
    comment = forms.CharField(
        label="What needs to change",
        help_text="The editor sees this comment on the article.",
        max_length=2000,
        validators=[validate_multiline_text],
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Say what needs to change: the editor sees this comment."},
    )


class ApproveForm(SignOffForm, CommentForm):
    full_review = forms.TypedChoiceField(
        label="Is this approval a full clinical review of the whole page?",
        choices=[
            ("yes", "Yes: I have checked the whole page. “Last reviewed” moves to today."),
            ("no", "No: I have checked only the changes. “Last reviewed” stays as it is."),
        ],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": "Say whether this is a full clinical review."},
    )
    sources_rechecked = forms.BooleanField(label="I re-checked the sources", required=False)


class ConfirmAccurateForm(SignOffForm, CommentForm):
    sources_rechecked = forms.BooleanField(label="I re-checked the sources", required=False)


@dataclass(frozen=True, kw_only=True)
class WorkflowButton:
    """How one action of the workflow table (treatments/workflow.py) appears in the admin."""

    title: str
    button: str
    form_class: type[forms.Form]
    perform: Callable[[Article, object, dict], object]
    done_message: str


BUTTONS = {
    "submit": WorkflowButton(
        title="Submit for approval",
        button="Submit for approval",
        form_class=SubmitForm,
        perform=lambda article, user, data: services.article_submit(
            article=article, user=user, note=data["note"]
        ),
        done_message="Submitted for approval. A clinical approver will check it.",
    ),
    "approve": WorkflowButton(
        title="Approve",
        button="Approve and publish",
        form_class=ApproveForm,
        perform=lambda article, user, data: services.article_approve(
            article=article,
            approver=user,
            seen_fingerprint=data["seen_fingerprint"],
            full_review=data["full_review"],
            sources_rechecked=data["sources_rechecked"],
            comment=data["comment"],
        ),
        done_message="Approved. Patients now see this version.",
    ),
    "return": WorkflowButton(
        title="Return to draft",
        button="Return to draft",
        form_class=ReturnForm,
        perform=lambda article, user, data: services.article_return_to_draft(
            article=article, approver=user, seen_fingerprint=data["seen_fingerprint"], comment=data["comment"]
        ),
        done_message="Returned to draft with your comment.",
    ),
    "confirm": WorkflowButton(
        title="Confirm still accurate",
        button="Record full review",
        form_class=ConfirmAccurateForm,
        perform=lambda article, user, data: services.article_confirm_still_accurate(
            article=article,
            approver=user,
            seen_fingerprint=data["seen_fingerprint"],
            sources_rechecked=data["sources_rechecked"],
            comment=data["comment"],
        ),
        done_message="Full review recorded. The review dates have moved; the content has not changed.",
    ),
    "archive": WorkflowButton(
        title="Withdraw",
        button="Withdraw from the website",
        form_class=CommentForm,
        perform=lambda article, user, data: services.article_archive(
            article=article, approver=user, comment=data["comment"]
        ),
        done_message="Withdrawn. The page now tells visitors it has been withdrawn.",
    ),
    "restore": WorkflowButton(
        title="Restore",
        button="Restore",
        form_class=CommentForm,
        perform=lambda article, user, data: services.article_restore(
            article=article, approver=user, comment=data["comment"]
        ),
        done_message="Restored.",
    ),
}


def available_actions(article: Article, user) -> list[str]:
    """The buttons to show: exactly the actions the workflow table allows this user now."""
    return [name for name in BUTTONS if workflow.action_allowed(name, status=article.status, user=user)]


def diff_context(old: dict | None, new: dict) -> dict:
    """What admin/treatments/article/diff.html reads."""
    diff = content_diff(old, new)
    changed = diff.changed_sections
    return {
        "diff": diff,
        "diff_items": [
            ("Sources", {"list": diff.sources, "changed": changed["sources"]}),
            ("Leaflets", {"list": diff.leaflets, "changed": changed["leaflets"]}),
        ],
    }


def workflow_view(model_admin, request, object_id: str, action: str):
    if action not in BUTTONS:
        raise PermissionDenied
    spec = BUTTONS[action]
    permission = workflow.ACTIONS[action].permission
    # The page opens for anyone who may take the action at all; the service checks the status.
    article = admin_object_or_404(
        Article.objects.select_related("live_version", "last_edited_by"),
        object_id,
        allowed=model_admin.has_view_permission(request) and request.user.has_perm(permission),
    )
    change_url = reverse("admin:treatments_article_change", args=[article.pk])

    # Four-eyes: someone in the draft's edit history is told why, once, and offered no form.
    may_not_approve = action == "approve" and request.user.pk in article.draft_editor_ids()
    form = spec.form_class(request.POST or None)
    status = 200
    refused = False
    changed_since_seen = None
    if request.method == "POST" and may_not_approve:
        refused = True  # the page says why; no second message
    elif request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                spec.perform(article, request.user, form.cleaned_data)
            except services.DraftChanged as refusal:
                messages.error(request, str(refusal))
                refused = True
                changed_since_seen = refusal.seen_fingerprint
            except Refused as refusal:
                messages.error(request, str(refusal))
                refused = True
            except PermissionDenied as refusal:
                messages.error(request, str(refusal) or "You do not have permission to do that.")
                status = 403
            else:
                messages.success(request, spec.done_message)
                return redirect(change_url)
    if refused:
        security_event(
            "workflow.refused",
            level=logging.WARNING,
            user_id=request.user.pk,
            article_id=article.pk,
            action=action,
        )
        status = 409
        article.refresh_from_db()

    context = {
        **model_admin.admin_site.each_context(request),
        "opts": Article._meta,
        "title": f"{spec.title}: {article.title}",
        "article": article,
        "action": action,
        "spec": spec,
        "form": form,
        "change_url": change_url,
        "may_not_approve": may_not_approve,
        "action_allowed_now": workflow.action_allowed(action, status=article.status, user=request.user),
        "four_eyes_refusal": services.FOUR_EYES_REFUSAL,
        "preview_url": reverse("admin:treatments_article_preview", args=[article.pk]),
        "submission": article.transitions.filter(to_status=Article.Status.AWAITING_APPROVAL)
        .select_related("actor")
        .first(),
    }
    if workflow.ACTIONS[action].signs_draft:
        # The diff, the checks and the fingerprint the form carries all come
        # from this one reading of the draft: what is signed is what is shown.
        draft = drafts.article_draft(article)
        _carry_fingerprint(form, draft_fingerprint(draft))
        if changed_since_seen is not None:
            context["since_seen"] = since_seen_context(article, changed_since_seen, draft)
    if action == "approve":
        live = article.live_version.content_snapshot() if article.live_version else None
        context.update(diff_context(live, draft))
        own_return = drafts.article_draft_at_own_return(article=article, approver=request.user)
        if own_return is not None:
            returned, draft_then = own_return
            context["since_return"] = {"returned": returned, **diff_context(draft_then, draft)}
        # Returning to the nurse from here, beside the diff, for the same draft.
        context["return_form"] = ReturnForm(
            auto_id="id_return_%s", initial={"seen_fingerprint": draft_fingerprint(draft)}
        )
        context["return_url"] = reverse("admin:treatments_article_workflow", args=[article.pk, "return"])
        context["may_return"] = workflow.action_allowed("return", status=article.status, user=request.user)
        checks = text_checks(draft["body"], draft["sources"])
        context["readability"], context["findings"] = checks.readability, checks.findings
        context["target"] = TARGET_READING_AGE
        context["jargon"] = jargon_words(draft["body"])
        context["trust"] = trust_problems(article)
    return TemplateResponse(request, "admin/treatments/article/workflow.html", context, status=status)


def _carry_fingerprint(form: forms.Form, fingerprint: str) -> None:
    """The form signs the draft shown on this page, even when it comes back after a refusal."""
    if form.is_bound:
        form.data = form.data.copy()
        form.data["seen_fingerprint"] = fingerprint
    else:
        form.initial["seen_fingerprint"] = fingerprint


def since_seen_context(article: Article, seen_fingerprint: str, draft: dict) -> dict:
    """What changed between the draft the approver read and the draft now, when that draft is on record."""
    seen = drafts.article_draft_on_record(article=article, fingerprint=seen_fingerprint)
    if seen is None:
        return {"known": False}
    settings_changed = [
        (label, seen.get(key), draft.get(key))
        for key, label in (
            ("written_by", "Written by"),
            ("review_interval_months", "Review interval (months)"),
        )
        if seen.get(key) != draft.get(key)
    ]
    return {"known": True, **diff_context(seen, draft), "settings_changed": settings_changed}
