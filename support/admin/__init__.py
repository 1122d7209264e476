"""Admin for support staff: contact requests, their notes and the monthly summary; warning phrases."""

from . import contact_request, warning_phrase  # noqa: F401
