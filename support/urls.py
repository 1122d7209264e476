from django.urls import path
from django.views.generic import TemplateView

app_name = "support"

urlpatterns = [
    path(
        "contact/",
        TemplateView.as_view(template_name="support/contact.html"),
        name="contact",
    ),
]
