"""Reader feedback on an article: "Was this page helpful?" and an optional comment."""

import datetime

from django import forms
from django.db import transaction
from django.db.models import Count, F, Q
from django.utils import timezone

from support.forms import reject_control_characters

from .models import Article, ArticleVersion, PageFeedback

RECENT_DAYS = 90
MOSTLY_NO_MIN_ANSWERS = 3


class HelpfulForm(forms.Form):
    helpful = forms.TypedChoiceField(
        choices=[("yes", "Yes"), ("no", "No")], coerce=lambda value: value == "yes"
    )
    version = forms.IntegerField(required=False, widget=forms.HiddenInput)


class CommentForm(forms.Form):
    comment = forms.CharField(
        label="What were you looking for? (optional)",
        help_text="Please do not include your name, contact details or anything about your health.",
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean_comment(self):
        comment = self.cleaned_data["comment"]
        reject_control_characters(comment, multiline=True)
        return comment.strip()


@transaction.atomic
def feedback_record(*, article: Article, helpful: bool, version_id: int | None) -> PageFeedback:
    """Store an answer against the version the reader saw (the live one if unknown)."""
    version = None
    if version_id:
        version = ArticleVersion.objects.filter(article=article, pk=version_id).first()
    return PageFeedback.objects.create(
        article=article, version=version or article.live_version, helpful=helpful
    )


def feedback_add_comment(*, feedback: PageFeedback, comment: str) -> None:
    PageFeedback.objects.filter(pk=feedback.pk).update(comment=comment)


def articles_with_mostly_no():
    """Articles whose answers in the last 90 days are mostly "no" (at least 3 answers)."""
    since = timezone.now() - datetime.timedelta(days=RECENT_DAYS)
    recent = Q(feedback__created_at__gte=since)
    return (
        Article.objects.annotate(
            recent_answers=Count("feedback", filter=recent),
            recent_no=Count("feedback", filter=recent & Q(feedback__helpful=False)),
        )
        .filter(recent_answers__gte=MOSTLY_NO_MIN_ANSWERS, recent_no__gt=F("recent_answers") / 2.0)
        .order_by("-recent_no", "title")
    )
