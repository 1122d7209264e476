from django.views.generic import TemplateView


class ArticleIndexView(TemplateView):
    template_name = "treatments/article_list.html"
