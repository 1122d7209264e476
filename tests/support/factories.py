"""Support factories: support staff and contact requests made through the service."""

from support import services
from support.roles import SUPPORT_STAFF
from tests.factories import UserFactory


def support_user(**kwargs):
    return UserFactory(groups=[SUPPORT_STAFF], **kwargs)


def make_request(**fields):
    data = {
        "name": "Alan Brookes",
        "contact_method": "call_back",
        "phone": "01632 960 387",
        "voicemail_ok": False,
        "who": "patient",
        "topic": "treatment",
        "message": "Private health details.",
        **fields,
    }
    return services.contact_request_create(**data)
