from .audit import Erasure, PersonLookup, RequestView
from .contact_request import (
    CLOSED_ORDER,
    CONSENT_WORDING,
    NEEDS_ACTION_ORDER,
    ContactNote,
    ContactRequest,
    NeedsAction,
    StatusChange,
)
from .enquiry_tag import EnquiryTag
from .message import CannedReply, ContactMessage
from .month_figures import MonthFigures
from .refusals import RefusedSubmissions
from .support_email import SupportEmail
from .warning_phrase import WarningPhrase

__all__ = [
    "CLOSED_ORDER",
    "CONSENT_WORDING",
    "NEEDS_ACTION_ORDER",
    "CannedReply",
    "ContactMessage",
    "ContactNote",
    "ContactRequest",
    "EnquiryTag",
    "Erasure",
    "MonthFigures",
    "NeedsAction",
    "PersonLookup",
    "RefusedSubmissions",
    "RequestView",
    "StatusChange",
    "SupportEmail",
    "WarningPhrase",
]
