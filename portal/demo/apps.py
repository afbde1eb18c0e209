from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "portal.demo"
    label = "demo"

    def ready(self):
        # Importing them registers the demo flows (@register_flow) with the engine's code flows, and the demo
        # connector and registers (@register, @register_prefill) with the connectors' registries.
        from . import connector, flows, registers  # noqa: F401
