import os
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.test import override_settings

# Tests run with DEBUG off, as production does, but without collectstatic (the
# manifest storage is checked in tests/site/test_static.py) and over plain HTTP
# (the redirect to HTTPS is checked in tests/site/test_pages.py).
_test_environment = override_settings(
    # The development-only app, whose loaders the tests use (production never installs it).
    INSTALLED_APPS=[*settings.INSTALLED_APPS, *([] if "demo" in settings.INSTALLED_APPS else ["demo"])],
    SECURE_SSL_REDIRECT=False,
    # Tasks run at once, so tests see the emails a request queues; the production
    # path (the database queue, nothing sent in the request) is tested in
    # tests/support/test_outages.py.
    TASKS={"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}},
    # Password hashing is deliberately slow; tests create many users.
    PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
    # Admin tests sign in with force_login; tests/site/test_staff_sign_in.py turns this on.
    ADMIN_REQUIRE_2FA=False,
    STORAGES={
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    },
)


@pytest.fixture(autouse=True)
def empty_caches():
    """Each test starts with no cached pages or rate-limit counts: the database is fresh too."""
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()


@pytest.fixture(autouse=True, scope="session")
def test_environment():
    _test_environment.enable()
    yield
    _test_environment.disable()


BROWSER_TESTS = Path(__file__).parent / "browser"
_browser_skip_note = []


def pytest_collection_modifyitems(config, items):
    """
    Skip PostgreSQL-only tests, with the reason, on SQLite. Leave out the browser
    tests when no Chromium is installed, saying so once; in CI that is an error.
    """
    browser_items = [item for item in items if BROWSER_TESTS in Path(item.fspath).parents]
    for item in browser_items:
        item.add_marker(pytest.mark.browser)
    if browser_items and not chromium_path():
        if os.environ.get("CI"):
            raise pytest.UsageError("CI needs Chromium for the browser tests: apt-get install -y chromium")
        config.hook.pytest_deselected(items=browser_items)
        items[:] = [item for item in items if item not in browser_items]
        _browser_skip_note.append(
            f"{len(browser_items)} browser tests not run: no Chromium found. "
            "Install it with `apt-get install -y chromium` to run them."
        )

    if settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        return
    skip = pytest.mark.skip(reason="needs PostgreSQL: set DATABASE_URL to a PostgreSQL database")
    for item in items:
        if "postgres" in item.keywords:
            item.add_marker(skip)


def _transactional(item) -> bool:
    marker = item.get_closest_marker("django_db")
    fixtures = getattr(item, "fixturenames", [])
    return bool(
        (marker and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences")))
        or "transactional_db" in fixtures
        or "live_server" in fixtures
    )


@pytest.hookimpl(trylast=True)
def pytest_collection_finish(session):
    """
    A transactional test empties the database when it ends, data from migrations
    included, so every other database test must run before the first of them
    (pytest-django's order). Something that reorders tests after it (a
    session-scoped parameter, such as Playwright's, taken on by a test argument
    named like a Playwright fixture) would make later tests fail for no visible
    reason: say which test instead.
    """
    seen_transactional = None
    for item in session.items:
        if _transactional(item):
            seen_transactional = seen_transactional or item
        elif seen_transactional and (item.get_closest_marker("django_db") or "db" in item.fixturenames):
            raise pytest.UsageError(
                f"{item.nodeid} uses the database but runs after the transactional test "
                f"{seen_transactional.nodeid}: rename any argument named like a Playwright fixture "
                "(page, browser, context)."
            )


def pytest_terminal_summary(terminalreporter):
    for note in _browser_skip_note:
        terminalreporter.write_line(note, yellow=True, bold=True)


def chromium_path() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture
def nurse_user(db):
    from tests.treatments.factories import nurse

    return nurse()


@pytest.fixture
def approver_user(db):
    from tests.treatments.factories import approver

    return approver()


def ensure_roles() -> None:
    """
    Recreate the role groups that data migrations made. A transactional test
    flushes the database afterwards; Django's post-migrate step brings back
    content types and permissions, but not data written by migrations.
    """
    from core.roles import role_groups_sync
    from support.roles import ROLES as SUPPORT_ROLES
    from treatments.roles import ROLES as TREATMENTS_ROLES

    role_groups_sync(TREATMENTS_ROLES)
    role_groups_sync(SUPPORT_ROLES)

    # The seeded warning phrases, from the migration that seeds them.
    import importlib

    from django.apps import apps

    if not apps.get_model("support", "WarningPhrase").objects.exists():
        importlib.import_module("support.migrations.0009_seed_warning_phrases").seed(apps, None)


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run a write and its on-commit callbacks (emails, cache invalidation), as a real commit would."""

    def run(write, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return write(*args, **kwargs)

    return run


@pytest.fixture
def roles(transactional_db):
    """The role groups, for tests that run outside a rolled-back transaction."""
    ensure_roles()


@pytest.fixture(scope="session")
def collected_static(tmp_path_factory):
    """Static files collected once, as a deployment does (hashed, gzip and Brotli)."""
    from django.core.management import call_command

    root = tmp_path_factory.mktemp("static")
    production = settings.STORAGES | {
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}
    }
    with override_settings(STATIC_ROOT=root, STORAGES=production):
        call_command("collectstatic", interactive=False, verbosity=0)
    return root


@pytest.fixture
def imap_server():
    """A real IMAP server (Debian's dovecot) with one empty mailbox; skipped where dovecot is not installed."""
    import tempfile
    from pathlib import Path

    from tests.servers.imap_server import DOVECOT, ImapServer

    if DOVECOT is None:
        pytest.skip("dovecot is not installed (apt-get install dovecot-imapd); .ci/run installs it")
    with tempfile.TemporaryDirectory(prefix="imap-") as root:
        Path(root).chmod(0o755)  # dovecot's mail user must reach the store inside
        with ImapServer(Path(root)) as server:
            yield server


@pytest.fixture
def s3_storage(settings):
    """Uploads go to a real S3-compatible server on this machine (moto in server mode)."""
    from tests.servers.s3_server import S3Server

    with S3Server() as server:
        settings.STORAGES = {**settings.STORAGES, **server.storage_settings()}
        settings.MEDIA_URL = server.media_url
        yield server
