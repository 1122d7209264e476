"""
The working copy as patients would see it once approved: the public article
template, under a "Preview: not on the website" banner. Staff only, never
cached, never indexed. A GET shows the saved working copy; a POST from the
change form shows what is in the form now, unsaved (nothing is written).
"""

from types import SimpleNamespace

from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.safestring import mark_safe

from core.admin_objects import admin_object_or_404
from staff.names import StaffCredit

from ..drafts import article_approvable_content
from ..models import Article, ArticleVersion
from ..rendering import render_version_fragments
from ..sanitise import sanitise_html
from ..views import ArticleDetailView, glossary_context


def unsaved_content(article: Article, data) -> dict:
    """
    The change form's posted text as an approval would store it: title,
    summary and body typed, sources as listed in the form (those not marked
    for deletion), leaflets as saved (a file not yet uploaded has no address).
    """
    content = article_approvable_content(article)
    content["title"] = data.get("title", content["title"])
    content["summary"] = data.get("summary", content["summary"])
    content["body"] = sanitise_html(data.get("body", content["body"]))
    if "sources-TOTAL_FORMS" in data:
        content["sources"] = _posted_sources(data)
    return content


def _posted_sources(data) -> list[dict]:
    try:
        total = min(int(data.get("sources-TOTAL_FORMS", 0)), MAX_POSTED_SOURCES)
    except ValueError:
        return []
    rows = []
    for index in range(total):
        prefix = f"sources-{index}-"
        if data.get(f"{prefix}DELETE") or not data.get(f"{prefix}title", "").strip():
            continue
        try:
            position = int(data.get(f"{prefix}position") or 0)
        except ValueError:
            position = 0
        record = {key: data.get(f"{prefix}{key}", "").strip() for key in SOURCE_KEYS}
        record["year"] = int(record["year"]) if record["year"].isdigit() else None
        rows.append((position or index + 1, index, record))
    return [record for _, _, record in sorted(rows, key=lambda row: row[:2])]


MAX_POSTED_SOURCES = 200
SOURCE_KEYS = (
    "authors",
    "title",
    "publisher",
    "year",
    "volume_pages",
    "url",
    "accessed_on",
    "doi",
    "pubmed_id",
)


def preview_context(article: Article, viewer, content: dict | None = None) -> dict:
    """The public page's context, built from the working copy (or `content`) instead of the live version."""
    content = content or article_approvable_content(article)
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
        **glossary_context(fragments["body_html"], title=content["title"]),
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
    article = admin_object_or_404(
        Article.objects.select_related("category", "written_by__staff_profile"),
        object_id,
        allowed=model_admin.has_view_permission(request),
    )
    unsaved = unsaved_content(article, request.POST) if request.method == "POST" else None
    context = preview_context(article, request.user, unsaved)
    context["preview_unsaved"] = unsaved is not None
    response = TemplateResponse(request, "treatments/article_detail.html", context)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
