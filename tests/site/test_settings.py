"""Start-up refuses an unsafe production configuration, naming the variable to set."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT_DIR = Path(__file__).resolve().parents[2]
CONFIGURED_HERE = {"SECRET_KEY", "ALLOWED_HOSTS", "DEBUG"}
LONG_KEY = "k" * 30 + "-production-like-key-" + "9" * 20


def start_django(**env_vars: str) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if key not in CONFIGURED_HERE}
    env.update(env_vars, DJANGO_SETTINGS_MODULE="charity_site.settings")
    probe = env.pop("PROBE", "print('started')")
    return subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {probe}"],
        cwd=PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


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
