"""The public forms on an article page: "Was this page helpful?" and an optional comment."""

from django import forms

from core.text import validate_multiline_text


class HelpfulForm(forms.Form):
    helpful = forms.TypedChoiceField(
        choices=[("yes", "Yes"), ("no", "No")], coerce=lambda value: value == "yes"
    )
    version = forms.IntegerField(required=False, widget=forms.HiddenInput)


class FeedbackCommentForm(forms.Form):
    comment = forms.CharField(
        label="What were you looking for? (optional)",
        help_text="Please do not include your name, contact details or anything about your health.",
        max_length=500,
        required=False,
        validators=[validate_multiline_text],
        widget=forms.Textarea(attrs={"rows": 3}),
    )
