"""Demo staff accounts for development. Never created when DEBUG is off."""

from django.conf import settings
from django.contrib.auth import get_user_model

# username -> what the account is for; roles get their groups in their own apps.
DEMO_ACCOUNTS = {
    "admin": {"first_name": "Alex", "last_name": "Admin", "is_superuser": True},
    "nurse": {"first_name": "Nia", "last_name": "Roberts", "is_superuser": False},
    "approver": {"first_name": "Sam", "last_name": "Okafor", "is_superuser": False},
    "support": {"first_name": "Jo", "last_name": "Patel", "is_superuser": False},
}


def demo_accounts_load() -> dict[str, bool]:
    """
    Create the demo accounts that do not exist yet; leave existing ones alone,
    so a second run changes nothing. Returns username -> created.
    """
    User = get_user_model()
    created = {}
    for username, fields in DEMO_ACCOUNTS.items():
        if User.objects.filter(username=username).exists():
            created[username] = False
            continue
        user = User(
            username=username,
            email=f"{username}@example.org",
            is_staff=True,
            **fields,
        )
        user.set_password(settings.DEMO_PASSWORD)
        user.save()
        created[username] = True
    return created
