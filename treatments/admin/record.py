"""
An article's production record: how the page was produced and kept up to date,
as an assessor (the Patient Information Forum's PIF TICK) asks to see it.
Staff only; prints cleanly and downloads as a self-contained HTML file.
"""

from django.db.models import Count, Q
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils import timezone

from core.admin_objects import admin_object_or_404

from ..models import Article
from ..text_checks import text_checks


def production_record(article: Article) -> dict:
    versions = list(
        article.versions.select_related("approved_by__staff_profile")
        .annotate(
            helpful_yes=Count("feedback", filter=Q(feedback__helpful=True)),
            helpful_no=Count("feedback", filter=Q(feedback__helpful=False)),
        )
        .order_by("number")
    )
    live = article.live_version
    checks = text_checks(live.body, live.sources) if live else None
    # Tags the support line records (a relation from its side; this app imports nothing of support).
    enquiry_tags = getattr(article, "enquiry_tags", None)
    return {
        "article": article,
        "versions": versions,
        "reviews": list(article.reviews.select_related("version").order_by("reviewed_on", "recorded_at")),
        "transitions": list(article.transitions.select_related("actor__staff_profile").order_by("at", "id")),
        "sources": list(article.sources.all()),
        "readability": checks.readability if checks else None,
        "findings": checks.findings if checks else [],
        "enquiries_answered": enquiry_tags.count() if enquiry_tags is not None else 0,
        "generated_at": timezone.now(),
    }


def record_view(model_admin, request, object_id):
    article = admin_object_or_404(
        Article.objects.select_related("live_version", "written_by"),
        object_id,
        allowed=model_admin.has_view_permission(request),
    )
    context = production_record(article)
    if request.GET.get("download") == "html":
        html = render_to_string("admin/treatments/article/record_file.html", context, request=request)
        response = HttpResponse(html, content_type="text/html; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="production-record-{article.slug}.html"'
        return response
    context.update(
        model_admin.admin_site.each_context(request),
        opts=model_admin.model._meta,
        title=f"Production record: {article.title}",
        original=article,
    )
    return TemplateResponse(request, "admin/treatments/article/record.html", context)
