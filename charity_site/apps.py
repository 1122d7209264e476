from django.contrib.admin import apps as admin_apps


class CharityAdminConfig(admin_apps.AdminConfig):
    """Django's admin, with the site class that can require two-factor sign-in."""

    default = False
    default_site = "charity_site.admin_site.CharityAdminSite"
