"""The plugin interfaces. A back-office connector delivers one submitted application to one back-office
system; a prefill plugin looks up what a register already knows about a citizen. Plugins live in
contrib/<system>/ and register themselves with @register("id") / @register_prefill("id") (registry.py).
docs/connectors.md shows how to write one."""

import os
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _


class DeliveryError(Exception):
    """A delivery attempt failed. Retryable unless `permanent` (then the delivery is dead at once and an
    operator is told: retrying a request the receiver refuses as invalid would never succeed)."""

    def __init__(self, message, *, permanent=False):
        super().__init__(message)
        self.permanent = permanent


class ConfigurationError(DeliveryError):
    def __init__(self, message):
        super().__init__(message, permanent=False)  # an operator may fix the setting; keep retrying


@dataclass
class DeliveryResult:
    external_reference: str = ""


@dataclass
class Health:
    ok: bool
    detail: str = ""


class Connector:
    """Base class of back-office connectors.

    A subclass sets `label`, optionally `required_settings` (keys its settings JSON must hold) and
    `needs_secret`, and implements deliver(). deliver() must be idempotent at the receiver: it passes
    `delivery.idempotency_key` on so that the same delivery sent twice (a retry after a lost reply, a
    worker killed mid-request) is recorded once. It returns a DeliveryResult or raises DeliveryError;
    any other exception counts as a retryable failure."""

    id = ""  # set by @register
    label = ""
    required_settings = ()
    needs_secret = False
    # The back office's status names → ours (applications.status.Status values). A connector's own
    # configuration (ConnectorConfig.status_map) overrides this.
    default_status_map = {}

    def __init__(self, config):
        self.config = config
        self.settings = dict(config.settings or {})

    # --- configuration -----------------------------------------------------------------------------
    @classmethod
    def settings_problems(cls, settings, secret_env=""):
        problems = [
            _("The setting “%(key)s” is required.") % {"key": key}
            for key in cls.required_settings
            if not settings.get(key)
        ]
        if cls.needs_secret and not secret_env:
            problems.append(_("This connector signs its messages: name the environment variable with its secret."))
        return problems

    def secret(self):
        """The shared secret, read from the environment variable the configuration names; never stored."""
        name = self.config.secret_env
        value = os.environ.get(name, "") if name else ""
        if self.needs_secret and not value:
            raise ConfigurationError(f"environment variable {name or '(unnamed)'} is not set")
        return value

    # --- work --------------------------------------------------------------------------------------
    def deliver(self, *, delivery, payload):
        raise NotImplementedError

    def health(self):
        """A cheap check that the back office is reachable; the operations page shows it."""
        return Health(ok=True, detail=str(_("No check available")))


class PrefillError(Exception):
    """A look-up failed (register down, time-out): the citizen types the values instead."""


@dataclass
class PrefillAnswer:
    values: dict = field(default_factory=dict)  # attribute → value; attributes the register lacks are absent


class PrefillPlugin:
    """Base class of prefill plugins: a register the portal may ask, with the citizen's consent, for what
    it already knows (household registration, social insurance, disability record, ...).

    `attributes` maps the attribute names the plugin can answer to a translatable description shown when
    consent is asked. lookup() answers for one person (`subject`, a User) and raises PrefillError when the
    register cannot be asked."""

    id = ""
    label = ""
    attributes = {}

    def lookup(self, *, subject, attributes):
        raise NotImplementedError
