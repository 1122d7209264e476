from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class CharitySiteConfig(AppConfig):
    """The project package: site-wide pages, health checks and commands."""

    name = "charity_site"
    default = True

    def ready(self):
        from . import checks  # noqa: F401 - registers the system checks


class CharityAdminConfig(admin_apps.AdminConfig):
    """Django's admin, with the site class that can require two-factor sign-in."""

    default = False
    default_site = "charity_site.admin_site.CharityAdminSite"
