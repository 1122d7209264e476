from django.contrib.sitemaps import Sitemap

from .models import Article


class ArticleSitemap(Sitemap):
    """Approved, public articles; lastmod is the last clinical review."""

    changefreq = "monthly"
    priority = 0.8

    def items(self):
        return Article.objects.public().order_by("slug").only("slug", "last_reviewed_on")

    def lastmod(self, article):
        return article.last_reviewed_on
