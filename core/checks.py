"""System checks for settings that work in development but would hurt people in production."""

from django.conf import settings
from django.core import checks
from django.core.cache.backends.locmem import LocMemCache


@checks.register(checks.Tags.caches, deploy=True)
def page_cache_is_shared(app_configs, **kwargs):
    """
    Publishing invalidates cached pages by bumping a counter in the cache. In
    process memory, only the worker that handled the approval sees the bump;
    the others would serve the old page until it expires.
    """
    from django.core.cache import caches

    if settings.PAGE_CACHE_SECONDS > 0 and isinstance(caches[settings.PAGE_CACHE_ALIAS], LocMemCache):
        return [
            checks.Warning(
                "The page cache is in each worker's memory: after an approval, other workers "
                f"can show the old page for up to {settings.PAGE_CACHE_SECONDS} seconds.",
                hint="Set REDIS_URL so every worker and server shares one cache, "
                "or PAGE_CACHE_SECONDS=0 to turn the page cache off.",
                id="core.W001",
            )
        ]
    return []


@checks.register(deploy=True)
def tasks_run_outside_requests(app_configs, **kwargs):
    """
    The immediate task backend sends email inside the web request: a hung mail
    server would hold every contact form submission (and the worker serving it)
    for EMAIL_TIMEOUT. Production queues tasks for a worker instead.
    """
    backend = settings.TASKS.get("default", {}).get("BACKEND", "")
    if not settings.DEBUG and backend.endswith("ImmediateBackend"):
        return [
            checks.Error(
                "Background tasks run inside web requests (the immediate backend) with DEBUG off: "
                "a slow mail server would slow every contact form submission.",
                hint="Leave TASKS_BACKEND unset (the database queue) and run `manage.py db_worker`.",
                id="core.E002",
            )
        ]
    return []


@checks.register(deploy=True)
def uploads_are_shared(app_configs, **kwargs):
    """
    On the local disk, an upload made through one app server is missing on the
    others, and platform hosts wipe the disk at every deploy.
    """
    backend = settings.STORAGES.get("default", {}).get("BACKEND", "")
    if not settings.DEBUG and backend.endswith("FileSystemStorage"):
        return [
            checks.Warning(
                "Uploaded images and leaflets are stored on this server's own disk.",
                hint="Set MEDIA_S3_BUCKET (and its endpoint and keys) to keep uploads in object storage that "
                "every server shares, or keep MEDIA_ROOT on a disk that survives deploys if there is one server.",
                id="core.W003",
            )
        ]
    return []
