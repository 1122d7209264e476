from .audit import Erasure, RequestView
from .contact_request import CONSENT_WORDING, ContactNote, ContactRequest, StatusChange
from .message import CannedReply, ContactMessage
from .refusals import RefusedSubmissions
from .warning_phrase import WarningPhrase

__all__ = [
    "CONSENT_WORDING",
    "CannedReply",
    "ContactMessage",
    "ContactNote",
    "ContactRequest",
    "Erasure",
    "RefusedSubmissions",
    "RequestView",
    "StatusChange",
    "WarningPhrase",
]
