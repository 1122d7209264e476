"""
Settings for the charity site, driven entirely by environment variables.

There is one settings module. Production behaviour is switched on by the
environment (DEBUG off, a real SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL), not by
a second file. Every variable is listed in .env.example (a test checks) and in docs/configuration.md.
"""

from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from charity_site.environment import BASE_DIR, env_bool, env_int, env_list, env_str, redis_cache

# Settings by topic, each in a module of its own (charity_site/settings_*.py).
from charity_site.settings_charity import *  # noqa: F403
from charity_site.settings_editor import *  # noqa: F403
from charity_site.settings_email import *  # noqa: F403
from charity_site.settings_media import *  # noqa: F403
from charity_site.settings_media import MEDIA_ORIGIN, MEDIA_STORAGE
from charity_site.settings_sign_in import *  # noqa: F403
from core.logging import logging_config

# Off unless asked for: a forgotten variable must never expose debug pages.
DEBUG = env_bool("DEBUG", default=False)

# Used only when DEBUG is on, so development works with no set-up at all.
_DEVELOPMENT_SECRET_KEY = "django-insecure-development-only-never-use-in-production"  # noqa: S105

SECRET_KEY = env_str("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")

if not DEBUG:
    if not SECRET_KEY or SECRET_KEY.startswith("django-insecure-"):
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. With DEBUG off the site needs a long random SECRET_KEY; "
            "set the SECRET_KEY environment variable (see .env.example)."
        )
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured(
            "ALLOWED_HOSTS is not set. With DEBUG off the site needs the host names it serves; "
            "set the ALLOWED_HOSTS environment variable, comma-separated (see .env.example)."
        )
else:
    SECRET_KEY = SECRET_KEY or _DEVELOPMENT_SECRET_KEY
    ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost", "[::1]"]

# The key of the keyed hashes that record whose details staff looked up (support/data_rights.py).
# Its own variable, so rotating SECRET_KEY does not make earlier look-ups unanswerable.
PERSON_LOOKUP_KEY = env_str("PERSON_LOOKUP_KEY") or SECRET_KEY

CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Django's admin with our site class: two-factor sign-in when required.
    "charity_site.apps.CharityAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    # Before staticfiles, so runserver in development serves files as production does.
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.contrib.sitemaps",
    "django_ckeditor_5",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "core",
    "staff",
    "treatments",
    "support",
]

# Development only: demo accounts and content, and the benchmark's data loader.
# They create accounts with a published password, so production never installs them.
DEMO_APP = DEBUG or env_bool("DEMO_APP", default=False)
if DEMO_APP:
    INSTALLED_APPS.append("demo")

MIDDLEWARE = [
    # First, so every log line and error page of a request carries its id.
    "core.middleware.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Public pages for visitors without a session; outside GZip, so it stores compressed bytes.
    "core.page_cache.AnonymousPageCacheMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    "core.middleware.ContentSecurityPolicyMiddleware",
    "core.middleware.SessionMiddleware",  # Django's, with passive heartbeats
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes requires.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    # Refuses sign-in while an account and address are locked out.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "charity_site.urls"
WSGI_APPLICATION = "charity_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "charity_site.context_processors.charity",
            ],
        },
    },
]

# Plain inputs written without a template (core/form_renderer.py): the same markup, far less work.
FORM_RENDERER = "core.form_renderer.FastInputRenderer"

# Database: a SQLite file in the project unless DATABASE_URL says otherwise.
# PostgreSQL in production and CI, e.g. postgres://user@host:5432/charity
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Fail fast instead of hanging a worker when the database is unreachable:
    # the visitor gets the 503 page with the phone number within seconds.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "connect_timeout", env_int("DATABASE_CONNECT_TIMEOUT", 3)
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    # Older hashes still verify, and are upgraded to Argon2 at the next sign-in.
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT") or BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": MEDIA_STORAGE,
    "staticfiles": {
        # Hashed, compressed file names in production, so files can be cached for a year.
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        ),
    },
}

# Cache: Redis in production (REDIS_URL), memory in development.
REDIS_URL = env_str("REDIS_URL")
# The contact form's and feedback's per-client limits, in a cache alias of their
# own (RATE_LIMIT_REDIS_URL; by default REDIS_URL's server with another key
# prefix): point it at a Redis with `maxmemory-policy noeviction` so pressure
# from cached pages can never push a counter out. Requests go through if it is down.
RATE_LIMIT_REDIS_URL = env_str("RATE_LIMIT_REDIS_URL", REDIS_URL)


CACHES = {
    "default": redis_cache(REDIS_URL, "charity")
    if REDIS_URL
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "rate_limit": redis_cache(RATE_LIMIT_REDIS_URL, "charity-rate")
    if RATE_LIMIT_REDIS_URL
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "rate-limit"},
    # Fragments that only change when the code does (the blank contact form):
    # each worker keeps its own copy, with no round trip.
    "this_process": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "TIMEOUT": None},
}

# Shared HTTP caches in front (Varnish, a CDN): their addresses for purges, e.g.
# Varnish's purge listener "http://10.0.0.5:6082" (ops/varnish/charity.vcl); with any set, public pages may be kept there for
# FRONTEND_CACHE_SECONDS and are banned on every change (core/frontend_cache.py).
FRONTEND_CACHE_URLS = env_list("FRONTEND_CACHE_URLS")
FRONTEND_CACHE_SECONDS = env_int("FRONTEND_CACHE_SECONDS", 3600)

# Whole public pages for visitors without a session (core/page_cache.py).
# Publishing changes invalidate them at once; this is only the upper bound.
PAGE_CACHE_ALIAS = "default"
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 300)

# Background tasks (django-tasks). With DEBUG off the default is "database":
# tasks (the contact form's emails) are queued in the database and sent by
# `manage.py db_worker`, never inside a web request, so a slow or hung mail
# server never slows the form. "immediate" runs a task at once, inside the
# request: development only (`check --deploy` refuses it with DEBUG off).
# Either way `manage.py send_outboxes`, run every minute, retries
# anything that failed (core/outbox.py).
TASKS_BACKEND = env_str("TASKS_BACKEND", "immediate" if DEBUG else "database")
_TASK_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}
if TASKS_BACKEND not in _TASK_BACKENDS:
    raise ImproperlyConfigured(
        f"TASKS_BACKEND must be one of {', '.join(_TASK_BACKENDS)}, not {TASKS_BACKEND!r}."
    )
TASKS = {"default": {"BACKEND": _TASK_BACKENDS[TASKS_BACKEND]}}

# Per-client hourly limits (contact form, page feedback) live in this cache.
RATE_LIMIT_CACHE = "rate_limit"
FEEDBACK_RATE_LIMIT_PER_HOUR = env_int("FEEDBACK_RATE_LIMIT_PER_HOUR", 20)

# How many reverse proxies in front of the site append to X-Forwarded-For.
# 0: use the socket address and ignore the header (anyone can write it).
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)


# Two-factor sign-in (TOTP) for the admin. On unless turned off, whenever DEBUG is off.
ADMIN_REQUIRE_2FA = env_bool("ADMIN_REQUIRE_2FA", default=not DEBUG)

# Content-Security-Policy (django-csp 4). Strict for every public page; the
# admin gets what CKEditor 5 needs in core.middleware.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'none'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", *([MEDIA_ORIGIN] if MEDIA_ORIGIN else [])],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "manifest-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'none'"],
        "object-src": ["'none'"],
    },
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Production transport security. Off in development, where there is no HTTPS.
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", default=True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    # __Host- cookies are only accepted over HTTPS, for this host, for the whole site.
    SESSION_COOKIE_NAME = "__Host-sessionid"
    CSRF_COOKIE_NAME = "__Host-csrftoken"
    # Only trust X-Forwarded-Proto when a proxy in front always overwrites it.
    if env_bool("BEHIND_TLS_PROXY", default=False):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    # Health checks come from the load balancer over plain HTTP.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]

# Password for the demo accounts that load_demo_content creates (development only).
DEMO_PASSWORD = env_str("DEMO_PASSWORD", "demo-pass-2026")

# One line per record with the request's id; see core/logging.py.
LOGGING = logging_config(level=env_str("LOG_LEVEL", "INFO"))
