"""
Browser tests: Playwright drives Debian's Chromium (Playwright's own browser
download does not work here) against the site served by live_server.
"""

import os

import pytest
from django.core.cache import caches

from tests.conftest import chromium_path

# Sync Playwright runs an event loop in this thread; the ORM calls made by the
# tests themselves are still plain synchronous code. (The same loop makes
# Django keep connections per context here, so serialized_rollback cannot be
# used: the `roles` fixture recreates migration data instead.)
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": chromium_path(), "args": CHROMIUM_FLAGS}


@pytest.fixture(autouse=True)
def site_for_people(settings, roles):
    """The live site as a person meets it: its roles, no bot timer to wait for, fresh rate limits."""
    settings.SUPPORT_FORM_MIN_SECONDS = 0
    caches["default"].clear()


@pytest.fixture
def visit(browser, live_server):
    """A fresh browser context (its own cookies), collecting console errors and CSP violations."""
    contexts = []

    def open_context(**options):
        context = browser.new_context(base_url=live_server.url, **options)
        context.console_errors = []
        page = context.new_page()
        page.on(
            "console", lambda message: message.type == "error" and context.console_errors.append(message.text)
        )
        contexts.append(context)
        return page

    yield open_context
    for context in contexts:
        context.close()


@pytest.fixture
def demo_site(roles):
    """The demo content, as `make run` shows it."""
    from io import StringIO

    from django.core.management import call_command
    from django.test import override_settings

    from demo.accounts import demo_accounts_load

    with override_settings(DEBUG=True):
        demo_accounts_load()
        call_command("load_demo_content", stdout=StringIO())


@pytest.fixture
def smtp_sink(settings):
    """A real mail server on this machine, for the site to send through."""
    from tests.servers.smtp_sink import SmtpSink

    with SmtpSink() as sink:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_USE_TLS = "127.0.0.1", sink.port, False
        yield sink
