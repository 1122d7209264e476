"""Start-up refuses an unsafe production configuration, naming the variable to set."""

import pytest

from tests.site.processes import LONG_KEY, start_django


def test_production_without_secret_key_refuses_to_start():
    result = start_django(DEBUG="false", ALLOWED_HOSTS="www.example.org")
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr
    assert "started" not in result.stdout


def test_production_with_the_development_key_refuses_to_start():
    result = start_django(
        DEBUG="false", ALLOWED_HOSTS="www.example.org", SECRET_KEY="django-insecure-" + "x" * 50
    )
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_without_allowed_hosts_refuses_to_start():
    result = start_django(DEBUG="false", SECRET_KEY=LONG_KEY)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS is not set" in result.stderr


def test_production_with_both_set_starts():
    result = start_django(DEBUG="false", SECRET_KEY=LONG_KEY, ALLOWED_HOSTS="www.example.org")
    assert result.returncode == 0, result.stderr
    assert "started" in result.stdout


def test_development_starts_with_no_configuration():
    result = start_django(DEBUG="true")
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("value", ["maybe", "2"])
def test_a_misspelt_boolean_is_an_error_not_a_guess(value):
    result = start_django(DEBUG=value)
    assert result.returncode != 0
    assert "DEBUG must be true or false" in result.stderr
