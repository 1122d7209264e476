"""The article change form: a save from an out-of-date form is refused, and a note can go with a submission."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from core.staff import staff_name
from core.text import validate_multiline_text

from .. import services
from ..models import Article


def note_for_approver_field(help_text: str) -> forms.CharField:
    """The optional note a nurse sends with a submission; the approver sees it and it stays in the history."""
    return forms.CharField(
        label="Note for the approver (optional)",
        help_text=help_text,
        required=False,
        max_length=2000,
        validators=[validate_multiline_text],
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ArticleAdminForm(forms.ModelForm):
    # The edit_version this form was built from; checked on the server when it is saved.
    seen_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    note_for_approver = note_for_approver_field(
        "Sent with “Save and submit for approval”: for example what changed and why."
    )

    class Meta:
        model = Article
        fields = [
            "title",
            "slug",
            "summary",
            "body",
            "category",
            "position",
            "related_articles",
            "written_by",
            "review_interval_months",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["seen_version"].initial = self.instance.edit_version
        if "written_by" in self.fields:
            self.fields["written_by"].label_from_instance = staff_name

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk:
            # Runs inside the admin's transaction: the row stays locked until this save ends.
            newer = services.article_edit_conflict(
                article_id=self.instance.pk, seen_version=cleaned.get("seen_version") or 0
            )
            if newer is not None:
                # Rendered again with the current version, so a second save is a choice to replace theirs.
                self.data = self.data.copy()
                self.data["seen_version"] = newer.edit_version
                saved_at = timezone.localtime(newer.last_edited_at)
                raise ValidationError(
                    f"{staff_name(newer.last_edited_by)} saved this article at {saved_at:%H:%M} on "
                    f"{saved_at:%-d %B %Y}, after you opened it, so your changes have not been saved. "
                    "Everything you typed is still below. Open the article in another tab to see their "
                    "changes; if you save again, your version replaces theirs.",
                    code="edit_conflict",
                )
        return cleaned
