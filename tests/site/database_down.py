"""Run code in a fresh process whose DATABASE_URL points at a closed port, as in an outage."""

import os
import subprocess
import sys
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[2]
CLOSED_PORT_URL = "postgres://postgres@127.0.0.1:9/charity"  # nothing listens on port 9


def run_with_database_down(script: str, **extra_env: str) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "charity_site.settings",
        "DEBUG": "false",
        "SECRET_KEY": "database-down-test-" + "x" * 50,
        "ALLOWED_HOSTS": "testserver",
        "DATABASE_URL": CLOSED_PORT_URL,
        "SECURE_SSL_REDIRECT": "false",
        **extra_env,
    }
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=PROJECT_DIR, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return result
