import pytest
from django.conf import settings
from django.test import override_settings

# Tests run with DEBUG off, as production does, but without collectstatic (the
# manifest storage is checked in tests/site/test_static.py) and over plain HTTP
# (the redirect to HTTPS is checked in tests/site/test_pages.py).
_test_environment = override_settings(
    SECURE_SSL_REDIRECT=False,
    # Password hashing is deliberately slow; tests create many users.
    PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
    # Admin tests sign in with force_login; tests/site/test_two_factor.py turns this on.
    ADMIN_REQUIRE_2FA=False,
    STORAGES={
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    },
)


@pytest.fixture(autouse=True, scope="session")
def test_environment():
    _test_environment.enable()
    yield
    _test_environment.disable()


def pytest_collection_modifyitems(config, items):
    """Skip PostgreSQL-only tests, with the reason, when the suite runs on SQLite."""
    if settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        return
    skip = pytest.mark.skip(reason="needs PostgreSQL: set DATABASE_URL to a PostgreSQL database")
    for item in items:
        if "postgres" in item.keywords:
            item.add_marker(skip)


@pytest.fixture
def nurse_user(db):
    from tests.factories import nurse

    return nurse()


@pytest.fixture
def approver_user(db):
    from tests.factories import approver

    return approver()
