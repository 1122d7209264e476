from .contact_request import CONSENT_WORDING, ContactNote, ContactRequest, StatusChange
from .warning_phrase import WarningPhrase

__all__ = ["CONSENT_WORDING", "ContactNote", "ContactRequest", "StatusChange", "WarningPhrase"]
