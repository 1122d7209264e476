import datetime
import secrets
import time
import zoneinfo

from django.core import signing

from support.antispam import _SALT

CONTACT_URL = "/support/contact/"
LONDON = zoneinfo.ZoneInfo("Europe/London")


def at(*args) -> datetime.datetime:
    """A moment on the support line's clock (UK time)."""
    return datetime.datetime(*args, tzinfo=LONDON)


def started_token(seconds_ago: int = 60) -> str:
    """A genuine signed start time, as if the form had been open for a while; a new one each call."""
    signer = signing.TimestampSigner(salt=_SALT)
    return signer.sign(f"{int(time.time()) - seconds_ago}:{secrets.token_urlsafe(8)}")


def valid_post(**changes) -> dict:
    data = {
        "name": "Margaret Ellis",
        "contact_method": "call_back",
        "email": "",
        "phone": "01632 960 114",
        "callback_days": ["mon", "wed"],
        "callback_time": "morning",
        "voicemail_ok": "yes",
        "who": "patient",
        "topic": "treatment",
        "message": "I have been offered immunotherapy and I am worried about side effects.",
        "consent": "on",
        "form_started": started_token(),
        "website": "",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}
