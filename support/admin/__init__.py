"""Admin for support staff: contact requests, their emails, notes and the monthly summary; the lists leads keep."""

from . import canned_reply, contact_request, warning_phrase  # noqa: F401
