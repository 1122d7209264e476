from django.http import Http404
from django.shortcuts import render
from django.utils.safestring import mark_safe
from django.views.generic import DetailView, ListView

from .models import Article
from .sanitise import add_section_anchors, sanitise_html


class ArticleIndexView(ListView):
    """The published articles, grouped by category in the editors' order."""

    template_name = "treatments/article_list.html"
    context_object_name = "articles"

    def get_queryset(self):
        return (
            Article.objects.public()
            .select_related("category", "live_version")
            .order_by("category__position", "category__name", "position", "live_version__title")
        )


class ArticleDetailView(DetailView):
    """One article as last approved. Never the working copy."""

    template_name = "treatments/article_detail.html"
    context_object_name = "article"

    def get_queryset(self):
        return Article.objects.select_related("category", "live_version", "last_review")

    def get(self, request, *args, **kwargs):
        article = self.get_object()
        if article.live_version is None:
            raise Http404("This article has never been approved.")
        if article.status == Article.Status.ARCHIVED:
            return render(request, "treatments/article_gone.html", {"article": article}, status=410)
        self.object = article
        return self.render_to_response(self.get_context_data(object=article))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        article = self.object
        version = article.live_version
        # Sanitised again at render: approval already cleaned it, but nothing
        # reaches a page without passing the policy as it stands today.
        body, sections = add_section_anchors(sanitise_html(version.body))
        context.update(
            version=version,
            body=mark_safe(body),  # noqa: S308 - sanitised by nh3 just above
            sections=sections,
            sources=version.source_records(),
            review_overdue=article.is_review_overdue(),
            other_articles=self.other_articles(article),
        )
        return context

    @staticmethod
    def other_articles(article):
        public = Article.objects.public().select_related("live_version").exclude(pk=article.pk)
        chosen = list(public.filter(pk__in=article.related_articles.values("pk")))
        return chosen or list(public.filter(category_id=article.category_id))
