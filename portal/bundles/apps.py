from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BundlesConfig(AppConfig):
    name = "portal.bundles"
    label = "bundles"
    verbose_name = _("Life-event applications (一件事)")

    def ready(self):
        # A member's draft is sent with the others of its bundle: the engine's check page hands over to the bundle's.
        from portal.applications.hooks import container_register

        from .selectors import container_url

        container_register(container_url)
