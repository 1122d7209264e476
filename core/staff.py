"""How members of staff are named to each other: never by their username when a name is known."""

from django.core.exceptions import ObjectDoesNotExist


def staff_public_name(user) -> str:
    """The public name from the staff profile, else the full name; "" if neither is known (never the username)."""
    if user is None:
        return ""
    try:
        public_name = user.staff_profile.public_name
    except (ObjectDoesNotExist, AttributeError):
        public_name = ""
    return public_name or user.get_full_name()


def staff_name(user) -> str:
    """The public name from the staff profile, else the full name, else the username (inside the admin only)."""
    if user is None:
        return ""
    return staff_public_name(user) or user.get_username()
