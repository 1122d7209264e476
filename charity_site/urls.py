from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.core.exceptions import RequestDataTooBig
from django.urls import include, path, reverse
from django.views.generic import TemplateView

from core.page_cache import public_page
from support.views import contact_form_after_csrf_failure, contact_form_too_large
from treatments.search import canonical_query
from treatments.uploads import article_image_upload
from treatments.views import HomeView, glossary, search

from . import views
from .sitemaps import SITEMAPS


def page(template_name: str, title: str, description: str):
    return public_page(
        TemplateView.as_view(
            template_name=template_name, extra_context={"page_title": title, "page_description": description}
        )
    )


urlpatterns = [
    path(
        "",
        public_page(
            HomeView.as_view(
                extra_context={
                    "page_title": "Mesothelioma information and support",
                    "page_description": (
                        "Information and support for people affected by mesothelioma, "
                        "and the people who care for them."
                    ),
                }
            )
        ),
        name="home",
    ),
    path(
        "privacy/",
        page(
            "pages/privacy.html", "Privacy notice", "What personal information we hold, why, and your rights."
        ),
        name="privacy",
    ),
    path(
        "accessibility/",
        page(
            "pages/accessibility.html",
            "Accessibility statement",
            "How accessible this website is, and how to tell us about a problem.",
        ),
        name="accessibility",
    ),
    path("search/", public_page(search, query={"q": canonical_query, "page": str.strip}), name="search"),
    path("glossary/", public_page(glossary), name="glossary"),
    # Django's sitemap view reads ?p= (the page of a long sitemap).
    path("sitemap.xml", public_page(sitemap, query={"p": str.strip}), {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", public_page(views.robots_txt), name="robots_txt"),
    path("healthz", views.healthz, name="healthz"),
    path("readyz", views.readyz, name="readyz"),
    path("treatments/", include("treatments.urls")),
    path("support/", include("support.urls")),
    path("editor/image-upload/", article_image_upload, name="article_image_upload"),
    path("admin/", admin.site.urls),
]

if settings.DEBUG:
    # Development only: in production the web server serves uploaded files.
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

handler403 = "charity_site.views.permission_denied"
handler500 = "charity_site.views.server_error"


# Error pages that the contact form answers itself, so a person keeps what they typed.
def bad_request(request, exception=None):
    too_large = isinstance(exception, RequestDataTooBig)
    if too_large and request.method == "POST" and request.path == reverse("support:contact"):
        return contact_form_too_large(request)
    return views.bad_request(request, exception)


def csrf_failure(request, reason=""):
    if request.method == "POST" and request.path == reverse("support:contact"):
        return contact_form_after_csrf_failure(request)
    return views.csrf_failure(request, reason)


handler400 = bad_request
