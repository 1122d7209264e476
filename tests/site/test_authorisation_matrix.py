"""
Who may open which staff page. Every admin changelist, add and change page and
every custom admin view, requested as each role, with the expected status
written out by hand: a change to the permissions must change this table.
"""

import io

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django_otp.plugins.otp_totp.models import TOTPDevice
from PIL import Image

from support import services as support_services
from support.models import CannedReply, Erasure, WarningPhrase
from support.roles import SUPPORT_STAFF
from tests.factories import UserFactory
from tests.treatments.factories import approver, nurse, published_article
from treatments.models import Article, GlossaryTerm, NewerEdition, PageFeedback, SearchSynonym

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "nurse", "approver", "support"]
DENY = {"nurse": 403, "approver": 403, "support": 403}

# (model label, page) -> expected status for nurse, approver, support.
# Anonymous visitors are always sent to the sign-in page (302).
ADMIN_PAGES = {
    ("treatments.article", "changelist"): {"nurse": 200, "approver": 200, "support": 403},
    ("treatments.article", "add"): {"nurse": 200, "approver": 403, "support": 403},
    ("treatments.article", "change"): {"nurse": 200, "approver": 200, "support": 403},
    ("treatments.articleversion", "changelist"): {"nurse": 200, "approver": 200, "support": 403},
    ("treatments.articleversion", "add"): DENY,
    ("treatments.articleversion", "change"): {"nurse": 200, "approver": 200, "support": 403},
    ("treatments.category", "changelist"): {"nurse": 200, "approver": 200, "support": 403},
    ("treatments.category", "add"): {"nurse": 200, "approver": 403, "support": 403},
    ("treatments.category", "change"): {"nurse": 200, "approver": 200, "support": 403},
    ("staff.staffprofile", "changelist"): {"nurse": 200, "approver": 200, "support": 403},
    ("staff.staffprofile", "add"): DENY,
    ("staff.staffprofile", "change"): {"nurse": 200, "approver": 200, "support": 403},
    ("treatments.pagefeedback", "changelist"): {"nurse": 200, "approver": 200, "support": 403},
    ("treatments.pagefeedback", "add"): DENY,
    ("treatments.pagefeedback", "change"): {"nurse": 200, "approver": 200, "support": 403},
    ("treatments.glossaryterm", "changelist"): {"nurse": 200, "approver": 200, "support": 403},
    ("treatments.neweredition", "changelist"): {"nurse": 200, "approver": 200, "support": 403},
    ("treatments.neweredition", "add"): {"nurse": 200, "approver": 403, "support": 403},
    ("treatments.neweredition", "change"): {"nurse": 200, "approver": 200, "support": 403},
    ("treatments.searchsynonym", "changelist"): {"nurse": 200, "approver": 200, "support": 403},
    ("treatments.searchsynonym", "add"): {"nurse": 200, "approver": 403, "support": 403},
    ("treatments.searchsynonym", "change"): {"nurse": 200, "approver": 200, "support": 403},
    ("treatments.glossaryterm", "add"): {"nurse": 200, "approver": 403, "support": 403},
    ("treatments.glossaryterm", "change"): {"nurse": 200, "approver": 200, "support": 403},
    ("support.contactrequest", "changelist"): {"nurse": 403, "approver": 403, "support": 200},
    ("support.contactrequest", "add"): DENY,
    ("support.contactrequest", "change"): {"nurse": 403, "approver": 403, "support": 200},
    # Support staff read the warning phrases; only support leads add or change them.
    ("support.warningphrase", "changelist"): {"nurse": 403, "approver": 403, "support": 200},
    ("support.warningphrase", "add"): DENY,
    ("support.warningphrase", "change"): {"nurse": 403, "approver": 403, "support": 200},
    ("support.cannedreply", "changelist"): {"nurse": 403, "approver": 403, "support": 200},
    ("support.cannedreply", "add"): DENY,
    ("support.cannedreply", "change"): {"nurse": 403, "approver": 403, "support": 200},
    **{
        (label, page): DENY
        for label in [
            "auth.user",
            "auth.group",
            "otp_totp.totpdevice",
            "axes.accessattempt",
            "axes.accesslog",
            "axes.accessfailurelog",
            "django_tasks_database.dbtaskresult",
            "support.erasure",
        ]
        for page in ["changelist", "add", "change"]
    },
}

# Custom admin views and the editor upload: path template -> expected status per role.
CUSTOM_VIEWS = {
    "/admin/": {"anonymous": 302, "nurse": 200, "approver": 200, "support": 200},
    "/admin/treatments/article/{draft}/workflow/submit/": {"anonymous": 302, **{"nurse": 200, "approver": 403, "support": 403}},
    "/admin/treatments/article/{awaiting}/workflow/approve/": {"anonymous": 302, **{"nurse": 403, "approver": 200, "support": 403}},
    "/admin/treatments/article/{awaiting}/workflow/return/": {"anonymous": 302, **{"nurse": 403, "approver": 200, "support": 403}},
    "/admin/treatments/article/{published}/workflow/confirm/": {"anonymous": 302, **{"nurse": 403, "approver": 200, "support": 403}},
    "/admin/treatments/article/{published}/workflow/archive/": {"anonymous": 302, **{"nurse": 403, "approver": 200, "support": 403}},
    "/admin/treatments/article/{published}/workflow/restore/": {"anonymous": 302, **{"nurse": 403, "approver": 200, "support": 403}},
    "/admin/treatments/article/{published}/record/": {"anonymous": 302, **{"nurse": 200, "approver": 200, "support": 403}},
    "/admin/treatments/article/{published}/record/?download=html": {"anonymous": 302, **{"nurse": 200, "approver": 200, "support": 403}},
    "/admin/treatments/glossaryterm/{glossary}/approve/": {"anonymous": 302, **{"nurse": 403, "approver": 200, "support": 403}},
    "/admin/support/contactrequest/summary/": {"anonymous": 302, **{"nurse": 403, "approver": 403, "support": 200}},
    "/admin/support/contactrequest/summary/?format=csv": {"anonymous": 302, **{"nurse": 403, "approver": 403, "support": 200}},
    "/admin/support/contactrequest/{contact}/assign/": {"anonymous": 302, **{"nurse": 403, "approver": 403, "support": 200}},
    "/admin/support/contactrequest/{contact}/status/": {"anonymous": 302, **{"nurse": 403, "approver": 403, "support": 200}},
    "/admin/support/contactrequest/{contact}/urgent/": {"anonymous": 302, **{"nurse": 403, "approver": 403, "support": 200}},
    "/admin/support/contactrequest/{contact}/reply/": {"anonymous": 302, **{"nurse": 403, "approver": 403, "support": 200}},
    "/admin/support/contactrequest/person/": {"anonymous": 302, **{"nurse": 403, "approver": 403, "support": 200}},
}  # fmt: skip

UPLOAD_EXPECTED = {"anonymous": 403, "nurse": 200, "approver": 403, "support": 403}


@pytest.fixture
def world(db):
    """One object of every admin model, and a user for each role."""
    users = {
        "nurse": nurse(),
        "approver": approver(),
        "support": UserFactory(groups=[SUPPORT_STAFF]),
    }
    published = published_article()
    draft = published_article()
    awaiting = published_article()
    # Put two articles in the states the workflow pages need.
    Article.objects.filter(pk=draft.pk).update(status=Article.Status.DRAFT)
    Article.objects.filter(pk=awaiting.pk).update(status=Article.Status.AWAITING_APPROVAL)
    contact = support_services.contact_request_create(
        name="Alan",
        contact_method="call_back",
        phone="01632 960 387",
        voicemail_ok=False,
        who="patient",
        topic="treatment",
        message="Private.",
    )
    admin_user = UserFactory(is_superuser=True)
    glossary_term = GlossaryTerm.objects.create(
        term="Pleura", definition="The lining of the lungs.", anchor="pleura"
    )
    objects = {
        "treatments.article": published.pk,
        "treatments.articleversion": published.live_version_id,
        "treatments.category": published.category_id,
        "staff.staffprofile": users["approver"].staff_profile.pk,
        "support.contactrequest": contact.pk,
        "support.warningphrase": WarningPhrase.objects.first().pk,
        "treatments.glossaryterm": glossary_term.pk,
        "treatments.searchsynonym": SearchSynonym.objects.get(typed="pleurx").pk,
        "treatments.neweredition": NewerEdition.objects.create(
            replaces_title="Old guideline", title="New guideline", published_on="2026-01-01", recorded_by=admin_user
        ).pk,
        "support.cannedreply": CannedReply.objects.create(title="Thanks", text="Thank you.").pk,
        "support.erasure": Erasure.objects.create(erased_by=admin_user, requests_deleted=1, rows_deleted=3).pk,
        "treatments.pagefeedback": PageFeedback.objects.create(
            article=published, version=published.live_version, helpful=True
        ).pk,
        "auth.user": admin_user.pk,
        "auth.group": Group.objects.first().pk,
        "otp_totp.totpdevice": TOTPDevice.objects.create(user=admin_user, name="phone").pk,
        "axes.accessattempt": AccessAttempt.objects.create(
            username="x", ip_address="192.0.2.1", user_agent="t", get_data="", post_data="", http_accept="",
            path_info="/admin/login/", failures_since_start=1,
        ).pk,
        "axes.accesslog": AccessLog.objects.create(
            username="x", ip_address="192.0.2.1", user_agent="t", http_accept="", path_info="/"
        ).pk,
        "axes.accessfailurelog": AccessFailureLog.objects.create(
            username="x", ip_address="192.0.2.1", user_agent="t", http_accept="", path_info="/", locked_out=False
        ).pk,
        "django_tasks_database.dbtaskresult": "00000000-0000-0000-0000-000000000000",
    }  # fmt: skip
    ids = {
        "glossary": glossary_term.pk,
        "draft": draft.pk,
        "awaiting": awaiting.pk,
        "published": published.pk,
        "contact": contact.pk,
    }
    return users, objects, ids


def client_for(client, users, role):
    if role != "anonymous":
        client.force_login(users[role])
    return client


def test_the_matrix_covers_every_admin_model():
    registered = {model._meta.label_lower for model in admin.site._registry}
    assert registered == {label for label, _ in ADMIN_PAGES}


def admin_url(label, page, objects):
    app, model = label.split(".")
    if page == "changelist":
        return f"/admin/{app}/{model}/"
    if page == "add":
        return f"/admin/{app}/{model}/add/"
    return f"/admin/{app}/{model}/{objects[label]}/change/"


@pytest.mark.parametrize("role", ROLES)
def test_admin_pages_by_role(client, world, role):
    users, objects, _ = world
    http = client_for(client, users, role)
    wrong = []
    for (label, page), expected_by_role in ADMIN_PAGES.items():
        expected = 302 if role == "anonymous" else expected_by_role[role]
        url = admin_url(label, page, objects)
        response = http.get(url)
        if response.status_code != expected:
            wrong.append((url, expected, response.status_code))
        if role == "anonymous":
            assert response["Location"].startswith("/admin/login/"), url
    assert wrong == []


@pytest.mark.parametrize("role", ROLES)
def test_custom_admin_views_by_role(client, world, role):
    users, _, ids = world
    http = client_for(client, users, role)
    wrong = []
    for template, expected_by_role in CUSTOM_VIEWS.items():
        url = template.format(**ids)
        status = http.get(url).status_code
        if status != expected_by_role[role]:
            wrong.append((url, expected_by_role[role], status))
    assert wrong == []


@pytest.mark.parametrize("role", ROLES)
def test_editor_upload_by_role(client, world, role, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    users, _, _ = world
    http = client_for(client, users, role)
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8)).save(buffer, "PNG")
    response = http.post("/editor/image-upload/", {"upload": SimpleUploadedFile("a.png", buffer.getvalue())})
    assert response.status_code == UPLOAD_EXPECTED[role]


def test_every_refusal_the_services_raise_is_one_kind_the_admin_shows():
    from core.refusals import Refused
    from support.data_rights import ErasureRefused
    from support.replies import ReplyRefused
    from support.services import SupportWorkflowError
    from treatments.glossary.services import GlossaryError
    from treatments.services import DraftChanged, WorkflowError

    for refusal in (
        ErasureRefused,
        ReplyRefused,
        SupportWorkflowError,
        GlossaryError,
        WorkflowError,
        DraftChanged,
    ):
        assert issubclass(refusal, Refused), refusal
