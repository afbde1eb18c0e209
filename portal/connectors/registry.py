"""The plugin registries: @register("id") for back-office connectors, @register_prefill("id") for prefill
plugins. Built-in plugins are in contrib/ and are imported when the app is ready; a project adds its own
by listing modules in settings.CONNECTORS_PLUGIN_MODULES."""

import importlib

from django.conf import settings
from django.utils.translation import gettext

_connectors = {}
_prefill = {}
_names = set()  # connector names that are message IDs (a plugin's default names), shown translated

BUILT_IN = (
    "portal.connectors.contrib.rest.plugin",
    "portal.connectors.contrib.email.plugin",
)


class UnknownPlugin(LookupError):
    pass


def _register(table, plugin_id):
    def decorator(cls):
        if plugin_id in table and table[plugin_id] is not cls:
            raise ValueError(f"plugin id {plugin_id!r} is already registered by {table[plugin_id]!r}")
        cls.id = plugin_id
        table[plugin_id] = cls
        return cls

    return decorator


def register(plugin_id):
    return _register(_connectors, plugin_id)


def register_prefill(plugin_id):
    return _register(_prefill, plugin_id)


def connector_class(plugin_id):
    try:
        return _connectors[plugin_id]
    except KeyError:
        raise UnknownPlugin(plugin_id) from None


def prefill_class(plugin_id):
    try:
        return _prefill[plugin_id]
    except KeyError:
        raise UnknownPlugin(plugin_id) from None


def connector_choices():
    return sorted((key, str(cls.label or key)) for key, cls in _connectors.items())


def prefill_choices():
    return sorted((key, str(cls.label or key)) for key, cls in _prefill.items())


def register_connector_name(message_id):
    """Declare a connector name that a plugin or a demo command stores as an English message ID (marked with
    gettext_noop so it is in the catalogue): connector_name() then shows it in the page's language."""
    _names.add(message_id)
    return message_id


def connector_name(config):
    """A connector's name (a ConnectorConfig or the name itself) in the active language when it is a
    registered message ID; a name an operator typed is shown as typed."""
    name = getattr(config, "name", config) or ""
    return gettext(name) if name in _names else name


def autodiscover():
    for module in (*BUILT_IN, *settings.CONNECTORS_PLUGIN_MODULES):
        importlib.import_module(module)
