from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django_otp.models import Device

from core.security_log import security_event


class Command(BaseCommand):
    """
    Remove every two-factor device of a staff member who has lost their phone.
    They cannot sign in to the admin until a new device is enrolled (in the
    admin under "TOTP devices", or with `manage.py otp_enrol`). Check who is
    asking, by phone or in person, before running this.
    """

    help = "Remove USERNAME's two-factor devices (a lost or replaced phone)."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user called {username!r}.")
        removed = 0
        for model in Device.__subclasses__():
            if not model._meta.abstract:
                removed += model.objects.filter(user=user).delete()[0]
        security_event("otp.reset", user_id=user.pk, devices_removed=removed)
        self.stdout.write(f"Removed {removed} device(s) for {username}. Enrol a new one before they sign in.")
