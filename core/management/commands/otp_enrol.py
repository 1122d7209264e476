import io

import qrcode
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django_otp.plugins.otp_totp.models import TOTPDevice

from core.security_log import security_event


class Command(BaseCommand):
    """
    Create an authenticator-app device for a staff member and print the QR code
    to scan. For the first superuser, who cannot sign in to the admin to do it;
    after that, a superuser adds devices under "TOTP devices" in the admin.
    Run it where only that person can see the screen: the code is the secret.
    """

    help = "Enrol USERNAME for two-factor sign-in: prints a QR code for their authenticator app."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument(
            "--replace", action="store_true", help="Remove the user's existing devices first."
        )

    def handle(self, *args, username, replace=False, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user called {username!r}.")
        existing = TOTPDevice.objects.filter(user=user)
        if existing.exists() and not replace:
            raise CommandError(
                f"{username} already has an authenticator device. Use --replace to start again."
            )
        existing.delete()
        device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)
        code = qrcode.QRCode(border=1)
        code.add_data(device.config_url)
        screen = io.StringIO()
        code.print_ascii(out=screen, invert=True)
        self.stdout.write(screen.getvalue())
        self.stdout.write(f"Or enter this link in the app: {device.config_url}")
        security_event("otp.enrolled", user_id=user.pk, via="command")
