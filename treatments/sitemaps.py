from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import Article, Category


class ArticleSitemap(Sitemap):
    """Approved, public articles; lastmod is the last clinical review."""

    changefreq = "monthly"
    priority = 0.8

    def items(self):
        return Article.objects.public().order_by("slug").only("slug", "last_reviewed_on")

    def lastmod(self, article):
        return article.last_reviewed_on


class CategorySitemap(Sitemap):
    """Each category's own page (every public page of it, a page at a time), if it has any."""

    changefreq = "weekly"
    priority = 0.6

    def items(self):
        public = Article.objects.public().values("category_id")
        return Category.objects.filter(pk__in=public).order_by("pk").only("pk")

    def location(self, category):
        return reverse("treatments:category", args=[category.pk])
