from django.apps import AppConfig


class CoreConfig(AppConfig):
    """
    Site-wide building blocks both apps use: the page cache, rate limits, the
    text rule, the security log, middleware, checks and shared admin classes.
    It imports neither app.
    """

    name = "core"

    def ready(self):
        from . import checks  # noqa: F401 - registers the system checks
