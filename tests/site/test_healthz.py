import json

import pytest

from tests.site.database_down import run_with_database_down

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
    result = run_with_database_down(HEALTHZ_WITH_DATABASE_DOWN)
    status, body = result.stdout.strip().splitlines()[:2]
    assert status == "503"
    assert json.loads(body) == {"status": "unavailable", "database": "down"}
    assert "Traceback" not in result.stdout
