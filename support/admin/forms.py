from django import forms
from django.contrib.auth import get_user_model

from staff.names import staff_name

from ..models import ContactRequest, EnquiryTag
from ..roles import support_team
from ..workflow import ACTIONS, next_statuses


class AssignForm(forms.Form):
    assignee = forms.ModelChoiceField(
        label="Assign to",
        queryset=get_user_model().objects.none(),
        error_messages={"required": "Choose who to assign it to."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = support_team().select_related("staff_profile")
        self.fields["assignee"].label_from_instance = staff_name


class StatusForm(forms.Form):
    """
    The new status, from the workflow table: for one request, only the moves its
    status allows; for several at once, every status a move can lead to. On
    closing, optionally what answered it, for the content plan.
    """

    status = forms.ChoiceField(label="New status")
    outcome = forms.ChoiceField(
        label="Outcome (needed to close)",
        choices=[("", "—"), *ContactRequest.Outcome.choices],
        required=False,
    )
    answered_by = forms.ModelChoiceField(
        label="On closing: the treatment page that answered it (optional)",
        queryset=EnquiryTag._meta.get_field("article").related_model.objects.none(),
        required=False,
        empty_label="—",
    )
    missing_topic = forms.CharField(
        label="Or: no page covers this. What was it about? (a few words, no names)",
        max_length=80,
        required=False,
    )

    def __init__(self, *args, from_status: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        statuses = (
            next_statuses(from_status)
            if from_status
            else [status for action in ACTIONS.values() for status in action.to_statuses]
        )
        self.fields["status"].choices = [(status.value, status.label) for status in statuses]
        articles = EnquiryTag._meta.get_field("article").related_model.objects
        self.fields["answered_by"].queryset = articles.public().order_by("title")

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("status") == ContactRequest.Status.CLOSED and not cleaned.get("outcome"):
            self.add_error("outcome", "Choose an outcome to close a request.")
        if cleaned.get("answered_by") and cleaned.get("missing_topic", "").strip():
            self.add_error(
                "missing_topic", "Choose the page that answered it, or say no page covers it: not both."
            )
        if cleaned.get("status") != ContactRequest.Status.CLOSED and (
            cleaned.get("answered_by") or cleaned.get("missing_topic", "").strip()
        ):
            self.add_error("status", "What answered a request is recorded when it is closed.")
        return cleaned


class UrgentForm(forms.Form):
    urgent = forms.TypedChoiceField(
        label="Urgent?",
        choices=[("yes", "Urgent: answer first"), ("no", "Not urgent")],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": "Choose whether it is urgent."},
    )
