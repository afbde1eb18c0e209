"""Flows defined in code. A complex service may build its flow in Python through the same interface
as the admin (the definitions.FlowDef shape), registered when its app is ready; services.flows_load_from_code()
stores each as a FlowVersion, adding a version only when the definition changed. The engine registers none of
its own: the demo's flows (portal/demo/flows.py) are registered only when the demo app is installed.

    @register_flow("my-service")
    def my_service():
        return {"key": "my-service", "title": t("My service", "我的服务"), "steps": [...]}
"""

_REGISTRY = {}


def register_flow(key):
    """Register the flow `key`; refuses a second builder for a key already taken."""

    def decorator(builder):
        if key in _REGISTRY and _REGISTRY[key] is not builder:
            raise ValueError(f"flow key {key!r} is already registered by {_REGISTRY[key]!r}")
        _REGISTRY[key] = builder
        return builder

    return decorator


def code_flow_definitions():
    """{key: definition dict} of every registered flow."""
    return {key: builder() for key, builder in _REGISTRY.items()}
