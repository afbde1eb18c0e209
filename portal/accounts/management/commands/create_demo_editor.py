from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

# The demo's known accounts (this editor, create_demo_staff's staff) exist only in the local demo: PORTAL_DEMO on,
# as `make run` has with portal.settings.dev. Not DEBUG: the demo runs with DEBUG off.
DEMO_ONLY = (
    "Demo accounts are only for the local demo (PORTAL_DEMO on, as `make run` has with "
    "portal.settings.dev): their password and security code are public."
)
DEMO_USERNAME = "editor"
DEMO_PASSWORD = "demo-editor-2026"  # noqa: S105  (local demo only; printed for the person running make run)
# The demo editor's authenticator secret (RFC 6238's test key): local demo only, never for a real account.
DEMO_TOTP_KEY = "3132333435363738393031323334353637383930"


class Command(BaseCommand):
    help = "Create (or reset) the demo content editor account and print how to sign in."

    def handle(self, *args, **options):
        if not settings.PORTAL_DEMO:  # a known password and authenticator key: never on a real portal
            raise CommandError(DEMO_ONLY)
        user_model = get_user_model()
        user, _ = user_model.objects.get_or_create(
            username=DEMO_USERNAME,
            defaults={"email": "editor@example.gov.cn", "real_name": "演示编辑", "is_staff": True},
        )
        user.is_staff = True
        user.is_superuser = True
        user.set_password(DEMO_PASSWORD)
        user.save()
        from django_otp.plugins.otp_totp.models import TOTPDevice

        TOTPDevice.objects.update_or_create(user=user, name="demo", defaults={"key": DEMO_TOTP_KEY, "confirmed": True})
        self.stdout.write(
            f"Demo editor: sign in at http://127.0.0.1:8000/admin/ as '{DEMO_USERNAME}' "
            f"with password '{DEMO_PASSWORD}'. Staff need a second factor: when asked for a security code, "
            f"run `python manage.py demo_otp_code` and enter the code it prints (or add the key "
            f"{DEMO_TOTP_KEY} (hex) to an authenticator app)."
        )
