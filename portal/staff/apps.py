from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class StaffConfig(AppConfig):
    name = "portal.staff"
    label = "staff"
    verbose_name = _("Staff")

    def ready(self):
        # Role groups need the permissions, which Django creates after migrating: sync them then.
        from .services import staff_roles_sync

        post_migrate.connect(
            lambda **kwargs: staff_roles_sync(), sender=self, weak=False, dispatch_uid="staff_roles_sync"
        )
