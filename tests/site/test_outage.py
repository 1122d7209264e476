"""A database outage: visitors get the 503 page with the phone number, never a traceback."""

import json

from tests.site.database_down import run_with_database_down

# Requests made in a fresh process whose DATABASE_URL points at a closed port,
# exactly as a deployment with its database down would see them.
REQUESTS_WITH_DATABASE_DOWN = """
import json
import django
django.setup()
from django.test import Client
client = Client(raise_request_exception=False)
results = {}
for path in ["/treatments/", "/treatments/immunotherapy/", "/healthz", "/readyz", "/"]:
    response = client.get(path)
    results[path] = {
        "status": response.status_code,
        "retry_after": response.get("Retry-After"),
        "request_id": response.get("X-Request-ID"),
        "body": response.content.decode(),
    }
import time
from django.core import signing
from support.antispam import _SALT
started = signing.TimestampSigner(salt=_SALT).sign(str(int(time.time()) - 60))
response = client.post("/support/contact/", {
    "name": "Margaret", "contact_method": "email", "email": "m@example.org", "who": "patient",
    "topic": "treatment", "message": "My long message about my treatment.", "consent": "on",
    "form_started": started,
})
results["POST /support/contact/"] = {
    "status": response.status_code, "retry_after": response.get("Retry-After"), "body": response.content.decode()
}
print("RESULTS" + json.dumps(results))
"""


def outage_results(static_root):
    result = run_with_database_down(REQUESTS_WITH_DATABASE_DOWN, STATIC_ROOT=str(static_root))
    line = next(line for line in result.stdout.splitlines() if line.startswith("RESULTS"))
    return json.loads(line.removeprefix("RESULTS")), result.stderr


def test_pages_needing_the_database_answer_503_with_the_phone_number(collected_static):
    # As deployed: static files collected, with their manifest.
    results, log = outage_results(collected_static)
    for path in ["/treatments/", "/treatments/immunotherapy/", "POST /support/contact/"]:
        page = results[path]
        assert page["status"] == 503, path
        assert page["retry_after"] == "60"
        assert "0808 157 0192" in page["body"]
        assert "Traceback" not in page["body"] and "OperationalError" not in page["body"]
        if not path.startswith("POST"):
            assert "Sorry, this website is not working at the moment" in page["body"]
    # The contact form comes back with everything the person typed.
    contact = results["POST /support/contact/"]["body"]
    assert "Nothing has been lost" in contact
    assert "My long message about my treatment.</textarea>" in contact
    assert 'value="m@example.org"' in contact
    article = results["/treatments/immunotherapy/"]
    # The error reference on the page is the request id in the log.
    assert f"Error reference: {article['request_id']}" in article["body"]
    assert f"[{article['request_id']}]" in log


def test_health_checks_report_the_outage_and_the_home_page_still_works(collected_static):
    results, _ = outage_results(collected_static)
    assert results["/healthz"]["status"] == 503
    assert json.loads(results["/readyz"]["body"]) == {"status": "unavailable", "database": "down"}
    assert results["/readyz"]["status"] == 503
    # The home page needs no database.
    assert results["/"]["status"] == 200


def test_readyz_is_ok_when_the_database_answers(client, db):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
