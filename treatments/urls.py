from django.urls import path

from . import views

app_name = "treatments"

urlpatterns = [
    path("", views.ArticleIndexView.as_view(), name="index"),
    path("<slug:slug>/", views.ArticleDetailView.as_view(), name="detail"),
    path("<slug:slug>/feedback/", views.article_feedback, name="feedback"),
]
