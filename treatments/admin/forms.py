"""
The article change form: a save from an out-of-date form is refused and
shows what the other person saved beside what was typed; a note can go with
a submission.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from core.text import validate_multiline_text
from staff.names import staff_name

from .. import edit_conflict, services
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
            field = self.fields["written_by"]
            field.label_from_instance = staff_name
            field.queryset = field.queryset.select_related("staff_profile")  # each is named by their profile

    conflicts = ()  # set when the page must show what someone else saved beside what was typed

    @property
    def chosen_file_names(self) -> list[str]:
        """Files sent with this form: a form shown again cannot keep them, so the page names them."""
        return [upload.name for key in self.files for upload in self.files.getlist(key)]

    def clean(self):
        cleaned = super().clean()
        if not self.instance.pk:
            return cleaned
        # Runs inside the admin's transaction: the row stays locked until this save ends.
        newer = services.article_edit_conflict(
            article_id=self.instance.pk, seen_version=cleaned.get("seen_version") or 0
        )
        if newer is not None:
            # Shown again against the version now saved: the next save must choose, part by part.
            self.data = self.data.copy()
            self.data["seen_version"] = self.data["conflict_version"] = newer.edit_version
            self._show_conflicts(theirs=newer, yours=cleaned)
            saved_at = timezone.localtime(newer.last_edited_at)
            raise ValidationError(
                f"{staff_name(newer.last_edited_by)} saved this article at {saved_at:%H:%M} on "
                f"{saved_at:%-d %B %Y}, after you opened it, so your changes have not been saved. "
                "Everything you typed is still in the form. Below, side by side, is what they saved and "
                "what you typed: for each part that differs, choose which to keep, then save again.",
                code="edit_conflict",
            )
        if self.data.get("conflict_version") == str(cleaned.get("seen_version")):
            self._resolve_conflicts(cleaned)
        return cleaned

    def _show_conflicts(self, *, theirs, yours: dict) -> None:
        self.conflicts = edit_conflict.edit_conflicts(theirs=theirs, yours=yours, chosen=self.data)
        self.conflict_saved_by = staff_name(theirs.last_edited_by)
        self.conflict_saved_at = theirs.last_edited_at

    def _resolve_conflicts(self, cleaned: dict) -> None:
        """A save after the comparison was shown: each part that still differs needs a choice."""
        conflicts = edit_conflict.edit_conflicts(theirs=self.instance, yours=cleaned, chosen=self.data)
        unchosen = [conflict.label for conflict in conflicts if not conflict.chosen]
        if unchosen:
            self._show_conflicts(theirs=self.instance, yours=cleaned)
            raise ValidationError(
                f"Choose whether to keep what you typed or what they saved for: {', '.join(unchosen)}.",
                code="edit_conflict_choice",
            )
        for conflict in conflicts:
            if conflict.chosen == "theirs":
                cleaned[conflict.name] = getattr(self.instance, conflict.name)
