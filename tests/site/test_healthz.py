import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT_DIR = Path(__file__).resolve().parents[2]

# Runs a request in a fresh process whose DATABASE_URL points at a server that
# is not there, exactly as a deployment with its database down would.
HEALTHZ_WITH_DATABASE_DOWN = """
import django
django.setup()
from django.test import Client
response = Client().get("/healthz")
print(response.status_code)
print(response.content.decode())
"""


@pytest.mark.django_db
def test_healthz_answers_200_when_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_healthz_answers_503_when_the_database_is_down():
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="charity_site.settings",
        DEBUG="false",
        SECRET_KEY="healthz-test-" + "x" * 50,
        ALLOWED_HOSTS="testserver",
        # Port 9 (discard) on loopback: nothing listens, the connection is refused at once.
        DATABASE_URL="postgres://postgres@127.0.0.1:9/charity",
        SECURE_SSL_REDIRECT="false",
    )
    result = subprocess.run(
        [sys.executable, "-c", HEALTHZ_WITH_DATABASE_DOWN],
        cwd=PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    status, body = result.stdout.strip().splitlines()[:2]
    assert status == "503"
    assert json.loads(body) == {"status": "unavailable", "database": "down"}
    assert "Traceback" not in result.stdout
