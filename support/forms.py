import re

from django import forms
from django.core.exceptions import ValidationError

from core.phones import phone_normal_form
from core.text import validate_single_line_text

from .models import CONSENT_WORDING, ContactRequest

# UK and international numbers as people write them: digits, spaces, a leading
# plus, brackets, dots and hyphens. 7 to 15 digits (the E.164 maximum).
_PHONE_CHARACTERS = re.compile(r"^\+?[0-9 ()\-.]+$")


def normalise_phone(value: str) -> str:
    value = " ".join(value.split())
    if not _PHONE_CHARACTERS.match(value):
        raise ValidationError(
            "Enter a phone number using numbers and spaces, like 01632 960 001 or +44 1632 960 001.",
            code="invalid_phone",
        )
    digits = re.sub(r"\D", "", value)
    if not 7 <= len(digits) <= 15 or not phone_normal_form(value):
        raise ValidationError(
            "Enter a phone number we can call, with its area code, like 01632 960 001.", code="invalid_phone"
        )
    return value


class ContactForm(forms.ModelForm):
    """The public contact form. Hidden anti-bot fields are checked in the view."""

    GROUPED_FIELDS = {"contact_method", "callback_days", "callback_time", "voicemail_ok", "who", "topic"}

    callback_days = forms.MultipleChoiceField(
        label="Which days suit you? (optional)",
        choices=ContactRequest.Weekday.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    voicemail_ok = forms.TypedChoiceField(
        label="May we leave a voicemail if you do not answer?",
        choices=[("yes", "Yes"), ("no", "No")],
        coerce=lambda value: value == "yes",
        empty_value=None,
        widget=forms.RadioSelect,
        required=False,
    )
    consent = forms.BooleanField(
        label=CONSENT_WORDING,
        error_messages={
            "required": "Tick the box to agree that we may keep your details, so a nurse can answer you."
        },
    )

    class Meta:
        model = ContactRequest
        fields = [
            "name",
            "contact_method",
            "email",
            "phone",
            "callback_days",
            "callback_time",
            "voicemail_ok",
            "who",
            "topic",
            "message",
        ]
        labels = {
            "name": "Your name",
            "contact_method": "How would you like us to contact you?",
            "email": "Email address",
            "phone": "Phone number",
            "callback_time": "What time of day suits you? (optional)",
            "who": "Who are you?",
            "topic": "What would you like to talk about?",
            "message": "Your message",
        }
        help_texts = {
            "name": "The name you would like us to use.",
            "email": "Needed if you would like an email. We will send you a short note to say we have your message.",
            "phone": "Needed if you would like a call back. For example, 01632 960 001 or +44 1632 960 001.",
            "message": "Tell us as much or as little as you like. At most 5,000 characters.",
        }
        widgets = {
            "contact_method": forms.RadioSelect,
            "callback_time": forms.RadioSelect,
            "who": forms.RadioSelect,
            "topic": forms.RadioSelect,
            "message": forms.Textarea(attrs={"rows": 8}),
        }
        error_messages = {
            "name": {"required": "Enter your name."},
            "contact_method": {"required": "Choose whether you would like a call back or an email."},
            "email": {"invalid": "Enter an email address like name@example.com."},
            "who": {"required": "Choose who you are."},
            "topic": {"required": "Choose what you would like to talk about."},
            "message": {"required": "Enter your message."},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Radio buttons need no "---------" choice: an unticked group is the blank answer.
        self.fields["contact_method"].choices = ContactRequest.ContactMethod.choices
        self.fields["who"].choices = ContactRequest.Who.choices
        self.fields["topic"].choices = ContactRequest.Topic.choices
        self.fields["callback_time"].choices = ContactRequest.CallbackTime.choices
        self.fields["callback_time"].required = False
        self.fields["name"].widget.attrs.update(autocomplete="name")
        self.fields["email"].widget.attrs.update(autocomplete="email", spellcheck="false")
        # The number pad on phones; set on the widget, so the input has one type attribute.
        self.fields["phone"].widget.input_type = "tel"
        self.fields["phone"].widget.attrs.update(autocomplete="tel")

    def link_hints_and_errors(self) -> None:
        """Tie each input to its hint and error text, so screen readers read them with it."""
        for name, field in self.fields.items():
            if name in self.GROUPED_FIELDS:
                continue  # described on their fieldset in the template
            described_by = []
            if field.help_text:
                described_by.append(f"id_{name}_hint")
            if name in self.errors:
                described_by.append(f"id_{name}_error")
                field.widget.attrs["aria-invalid"] = "true"
            if described_by:
                field.widget.attrs["aria-describedby"] = " ".join(described_by)

    # The email address and message are checked by their model fields' validators.

    def clean_name(self):
        name = self.cleaned_data["name"]
        validate_single_line_text(name)  # before the spaces are tidied, which would hide a line break
        return " ".join(name.split())

    def clean_phone(self):
        phone = self.cleaned_data["phone"]
        return normalise_phone(phone) if phone else ""

    def clean(self):
        cleaned = super().clean()
        method = cleaned.get("contact_method")
        if (
            method == ContactRequest.ContactMethod.EMAIL
            and not cleaned.get("email")
            and "email" not in self.errors
        ):
            self.add_error("email", "Enter your email address, so we can email you.")
        if method == ContactRequest.ContactMethod.CALL_BACK:
            if not cleaned.get("phone") and "phone" not in self.errors:
                self.add_error("phone", "Enter your phone number, so we can call you back.")
            if cleaned.get("voicemail_ok") is None:
                self.add_error("voicemail_ok", "Say whether we may leave you a voicemail.")
        else:
            # Call-back details mean nothing for an email request; do not keep them.
            cleaned["callback_days"], cleaned["callback_time"], cleaned["voicemail_ok"] = [], "", None
        return cleaned
