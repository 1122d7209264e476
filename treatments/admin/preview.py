"""
The working copy as patients would see it once approved: the public article
template, under a "Preview: not on the website" banner. Staff only, never
cached, never indexed.
"""

from types import SimpleNamespace

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.safestring import mark_safe

from ..models import Article, ArticleVersion, StaffCredit
from ..rendering import render_version_fragments
from ..services import article_approvable_content
from ..views import ArticleDetailView, glossary_context


def preview_context(article: Article, viewer) -> dict:
    """The public page's context, built from the working copy instead of the live version."""
    content = article_approvable_content(article)
    fragments = render_version_fragments(body=content["body"], sources=content["sources"])
    version = ArticleVersion(  # never saved: only what the template reads
        article=article,
        title=content["title"],
        summary=content["summary"],
        resources=content["resources"],
        written_by_name=str(StaffCredit.of(article.written_by)),
    )
    today = timezone.localdate()
    # "About this page" as it will read after an approval that is a full review.
    reviewer = StaffCredit.of(viewer) if viewer.has_perm("treatments.approve_article") else None
    page = SimpleNamespace(
        slug=article.slug,
        category=article.category,
        last_reviewed_on=today,
        next_review_due_on=article.next_review_due_after(today),
        last_review=SimpleNamespace(
            reviewer_name=reviewer.name if reviewer else "the approving nurse",
            reviewer_role=reviewer.role if reviewer else "",
        ),
    )
    return {
        "page_title": f"Preview: {content['title']}",
        "page_description": content["summary"],
        "article": page,
        "version": version,
        **glossary_context(fragments["body_html"]),
        "sections": fragments["sections"],
        "sources_html": mark_safe(fragments["sources_html"]),  # noqa: S308 - rendered by our template
        "resources": content["resources"],
        "review_overdue": False,
        "other_articles": ArticleDetailView.other_articles(article),
        "structured_data": "",
        "preview": True,
    }


def preview_view(model_admin, request, object_id: str):
    """Served through admin_view, which adds Cache-Control: no-store (never_cache)."""
    article = get_object_or_404(
        Article.objects.select_related("category", "written_by__staff_profile"), pk=object_id
    )
    if not model_admin.has_view_permission(request, article):
        raise PermissionDenied
    response = TemplateResponse(
        request, "treatments/article_detail.html", preview_context(article, request.user)
    )
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
