from django.urls import path

from core.page_cache import public_page

from . import views

app_name = "treatments"

urlpatterns = [
    path("", public_page(views.ArticleIndexView.as_view()), name="index"),
    path(
        "topics/<int:category_id>/",
        public_page(views.CategoryView.as_view(), query={"page": str.strip}),
        name="category",
    ),
    path("<slug:slug>/", public_page(views.ArticleDetailView.as_view()), name="detail"),
    path("<slug:slug>/feedback/", views.article_feedback, name="feedback"),
]
