from django.urls import path

from . import views

app_name = "support"

urlpatterns = [
    path("contact/", views.ContactView.as_view(), name="contact"),
    path("contact/thank-you/", views.thank_you, name="thank_you"),
]
