"""
How members of staff are named: to the public by their profile's public name
and role, to each other by that name or their full name, never by their
username when a name is known.
"""

from dataclasses import dataclass

from .models import StaffProfile


def _profile(user) -> StaffProfile | None:
    try:
        return user.staff_profile
    except StaffProfile.DoesNotExist:
        return None


def staff_public_name(user) -> str:
    """The public name from the staff profile, else the full name; "" if neither is known (never the username)."""
    if user is None:
        return ""
    profile = _profile(user)
    return (profile.public_name if profile else "") or user.get_full_name()


def staff_name(user) -> str:
    """The public name from the staff profile, else the full name, else the username (inside the admin only)."""
    if user is None:
        return ""
    return staff_public_name(user) or user.get_username()


@dataclass(frozen=True)
class StaffCredit:
    """How a member of staff is credited on public pages: their profile's name and role."""

    name: str
    role: str

    @classmethod
    def of(cls, user) -> "StaffCredit":
        profile = _profile(user)
        if profile is None:
            return cls(name=user.get_full_name() or user.get_username(), role="")
        return cls(name=profile.public_name, role=profile.role_title)

    def __str__(self):
        return ", ".join(part for part in (self.name, self.role) if part)
