from django.contrib import admin
from django.urls import include, path
from django.views.generic import TemplateView

from treatments.uploads import article_image_upload

from . import views

urlpatterns = [
    path("", TemplateView.as_view(template_name="pages/home.html"), name="home"),
    path(
        "privacy/",
        TemplateView.as_view(template_name="pages/privacy.html"),
        name="privacy",
    ),
    path(
        "accessibility/",
        TemplateView.as_view(template_name="pages/accessibility.html"),
        name="accessibility",
    ),
    path("healthz", views.healthz, name="healthz"),
    path("readyz", views.readyz, name="readyz"),
    path("treatments/", include("treatments.urls")),
    path("support/", include("support.urls")),
    path("editor/image-upload/", article_image_upload, name="article_image_upload"),
    path("admin/", admin.site.urls),
]

handler403 = "charity_site.views.permission_denied"
handler500 = "charity_site.views.server_error"
