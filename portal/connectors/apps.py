from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConnectorsConfig(AppConfig):
    name = "portal.connectors"
    label = "connectors"
    verbose_name = _("Back-office connectors")

    def ready(self):
        # Importing the built-in plugins registers them (@register("id")).
        from . import registry

        registry.autodiscover()
