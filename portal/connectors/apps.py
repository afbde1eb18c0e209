from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConnectorsConfig(AppConfig):
    name = "portal.connectors"
    label = "connectors"
    verbose_name = _("Back-office connectors")

    def ready(self):
        from portal.applications import hooks

        from . import registry, selectors, services
        from .registers import PrefillRegisters

        registry.autodiscover()  # importing the built-in plugins registers them (@register("id"))
        # What the application engine asks of the back-office boundary, without importing it:
        hooks.submission_listener_register(services.deliveries_create)  # the outbox rows, in the submit transaction
        hooks.delivery_progress_register(selectors.application_delivery_progress)
        hooks.public_registers_register(PrefillRegisters())
