"""Any two approved versions of an article, compared the way the approve page compares (GET only)."""

from django.template.response import TemplateResponse
from django.urls import reverse

from core.admin_objects import admin_object_or_404

from ..models import Article
from .workflow import diff_context


def compare_view(model_admin, request, object_id: str):
    article = admin_object_or_404(
        Article.objects.all(), object_id, allowed=model_admin.has_view_permission(request)
    )
    versions = list(article.versions.order_by("number"))
    by_number = {version.number: version for version in versions}

    def chosen(name: str, default: int) -> int:
        value = request.GET.get(name, "")
        return int(value) if value.isdigit() and int(value) in by_number else default

    newest = versions[-1].number if versions else 0
    new_number = chosen("to", newest)
    old_number = chosen("from", max(new_number - 1, versions[0].number) if versions else 0)
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": Article._meta,
        "title": f"Compare versions: {article.title}",
        "article": article,
        "versions": versions,
        "old_number": old_number,
        "new_number": new_number,
        "change_url": reverse("admin:treatments_article_change", args=[article.pk]),
    }
    if versions:
        context.update(
            diff_context(by_number[old_number].content_snapshot(), by_number[new_number].content_snapshot())
        )
    return TemplateResponse(request, "admin/treatments/article/compare.html", context)
