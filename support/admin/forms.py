from django import forms
from django.contrib.auth import get_user_model

from ..models import ContactRequest

# Where group and user permissions live (the other backend, django-axes, holds none).
PERMISSION_BACKEND = "django.contrib.auth.backends.ModelBackend"


def support_team():
    return (
        get_user_model()
        .objects.with_perm(
            "support.change_contactrequest", include_superusers=False, backend=PERMISSION_BACKEND
        )
        .filter(is_active=True)
        .order_by("first_name", "username")
    )


class AssignForm(forms.Form):
    assignee = forms.ModelChoiceField(
        label="Assign to",
        queryset=get_user_model().objects.none(),
        error_messages={"required": "Choose who to assign it to."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = support_team()
        self.fields["assignee"].label_from_instance = lambda user: user.get_full_name() or user.get_username()


class StatusForm(forms.Form):
    status = forms.ChoiceField(label="New status", choices=ContactRequest.Status.choices)
    outcome = forms.ChoiceField(
        label="Outcome (needed to close)",
        choices=[("", "—"), *ContactRequest.Outcome.choices],
        required=False,
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("status") == ContactRequest.Status.CLOSED and not cleaned.get("outcome"):
            self.add_error("outcome", "Choose an outcome to close a request.")
        return cleaned
