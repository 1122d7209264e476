from .audit import Erasure, PersonLookup, RequestView
from .contact_request import CONSENT_WORDING, ContactNote, ContactRequest, StatusChange
from .enquiry_tag import EnquiryTag
from .message import CannedReply, ContactMessage
from .refusals import RefusedSubmissions
from .support_email import SupportEmail
from .warning_phrase import WarningPhrase

__all__ = [
    "CONSENT_WORDING",
    "CannedReply",
    "ContactMessage",
    "ContactNote",
    "ContactRequest",
    "EnquiryTag",
    "Erasure",
    "PersonLookup",
    "RefusedSubmissions",
    "RequestView",
    "StatusChange",
    "SupportEmail",
    "WarningPhrase",
]
