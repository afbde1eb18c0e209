"""Flows defined in code. A complex service may build its flow in Python through the same interface
as the admin (the definitions.FlowDef shape); `manage.py load_demo_flows` stores each as a FlowVersion,
adding a version only when the definition changed.

    @register_flow("my-service")
    def my_service():
        return {"key": "my-service", "title": t("My service", "我的服务"), "steps": [...]}
"""

_REGISTRY = {}


def register_flow(key):
    def decorator(builder):
        _REGISTRY[key] = builder
        return builder

    return decorator


def code_flow_definitions():
    """{key: definition dict} of every registered flow."""
    from . import demo_flows  # noqa: F401  (registers the demo flows)

    return {key: builder() for key, builder in _REGISTRY.items()}
