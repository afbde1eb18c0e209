from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from .create_demo_editor import DEMO_ONLY, DEMO_USERNAME


class Command(BaseCommand):
    help = "Print the demo editor's current security code (local demo only), for signing in to the admin."

    def add_arguments(self, parser):
        parser.add_argument("--username", default=DEMO_USERNAME)

    def handle(self, *args, username, **options):
        if not settings.PORTAL_DEMO:  # the demo accounts' shared key: never prints a code on a real portal
            raise CommandError(DEMO_ONLY)
        user = get_user_model().objects.filter(username=username).first()
        device = TOTPDevice.objects.filter(user=user, name="demo", confirmed=True).first() if user else None
        if device is None:
            raise CommandError("No demo security code: run `python manage.py create_demo_editor` first.")
        totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
        self.stdout.write(f"{totp.token():0{device.digits}d}")
