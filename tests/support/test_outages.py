"""
The contact form with its mail server or its database hung: a request never
waits on the mail server, and tries the database once before the 503.
"""

import json

import pytest
from django.core.checks import run_checks
from django.test import override_settings

from support.models import ContactRequest
from tests.servers.blackhole import BlackHole
from tests.site.database_down import run_with_database_down
from tests.support.helpers import CONTACT_URL, valid_post

pytestmark = pytest.mark.django_db

PRODUCTION_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def test_with_the_mail_server_hung_a_contact_post_never_touches_smtp(
    client, django_capture_on_commit_callbacks
):
    with (
        BlackHole() as smtp,
        override_settings(
            TASKS=PRODUCTION_TASKS,
            EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=smtp.port,
            EMAIL_USE_TLS=False,
        ),
    ):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(CONTACT_URL, valid_post())
        assert response.status_code == 302
        assert smtp.accepted == 0
    contact_request = ContactRequest.objects.get()
    owed = list(contact_request.emails.unsent().values_list("pk", flat=True))
    assert len(owed) == 1  # waiting for the worker, not lost
    from django_tasks_db.models import DBTaskResult

    assert DBTaskResult.objects.filter(args_kwargs__args=["support.SupportEmail", owed]).exists()


def test_the_deploy_check_refuses_sending_inside_requests(settings):
    settings.DEBUG = False
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    assert "core.E002" in [message.id for message in run_checks(include_deployment_checks=True)]
    settings.TASKS = PRODUCTION_TASKS
    assert "core.E002" not in [message.id for message in run_checks(include_deployment_checks=True)]


PROBE = """
import json
import django
django.setup()
from django.test import Client, override_settings
from tests.support.helpers import CONTACT_URL, valid_post
# Static files are not collected for this process: plain storage, as the test suite uses.
plain_static = {"staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
with override_settings(STORAGES={"default": {"BACKEND": "django.core.files.storage.FileSystemStorage"}, **plain_static}):
    response = Client().post(CONTACT_URL, valid_post(message="Everything I typed, kept."))
print(json.dumps({"status": response.status_code, "kept": "Everything I typed, kept." in response.content.decode()}))
"""


def test_with_the_database_hung_the_contact_post_tries_it_once():
    with BlackHole() as database:
        result = run_with_database_down(
            PROBE,
            DATABASE_URL=f"postgres://postgres@127.0.0.1:{database.port}/charity",
            DATABASE_CONNECT_TIMEOUT="1",
            TASKS_BACKEND="database",
        )
        attempts = database.accepted
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    assert outcome == {"status": 503, "kept": True}, result.stderr[-2000:]
    assert attempts == 1, f"{attempts} connection attempts"
