"""Admin for support staff: contact requests, their notes and the monthly summary."""

from . import contact_request  # noqa: F401
