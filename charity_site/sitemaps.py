from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from treatments.sitemaps import ArticleSitemap, CategorySitemap


class StaticPageSitemap(Sitemap):
    changefreq = "yearly"
    priority = 0.5

    def items(self):
        return ["home", "treatments:index", "glossary", "support:contact", "privacy", "accessibility"]

    def location(self, name):
        return reverse(name)


SITEMAPS = {"pages": StaticPageSitemap, "treatments": ArticleSitemap, "topics": CategorySitemap}
