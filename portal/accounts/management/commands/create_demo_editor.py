from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

DEMO_USERNAME = "editor"
DEMO_PASSWORD = "demo-editor-2026"  # noqa: S105  (local demo only; printed for the person running make run)


class Command(BaseCommand):
    help = "Create (or reset) the demo content editor account and print how to sign in."

    def handle(self, *args, **options):
        user_model = get_user_model()
        user, _ = user_model.objects.get_or_create(
            username=DEMO_USERNAME,
            defaults={"email": "editor@example.gov.cn", "real_name": "演示编辑", "is_staff": True},
        )
        user.is_staff = True
        user.is_superuser = True
        user.set_password(DEMO_PASSWORD)
        user.save()
        self.stdout.write(
            f"Demo editor: sign in at http://127.0.0.1:8000/admin/ as '{DEMO_USERNAME}' "
            f"with password '{DEMO_PASSWORD}'."
        )
