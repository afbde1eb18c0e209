"""Where other apps plug into the application engine, so that the engine imports none of them. Each app
registers its part in its AppConfig.ready(); the engine asks here, and finds nothing registered (or the
default) when an app is not installed.

    access_policy_register(policy)          who may act for whom: mandates (representation), assist
                                            sessions (assisted); access_policy() asks them all
    submission_listener_register(listener)  listener(application=...) runs inside application_submit's
                                            transaction: what it writes commits or rolls back with the
                                            submission (connectors: the outbox's delivery rows)
    delivery_progress_register(provider)    provider(application) -> (label, explanation) or None: what the
                                            citizen's page says while a sent application is on its way to
                                            the department (connectors: from its deliveries)
    public_registers_register(registers)    the public registers a question may be filled in from, and the
                                            look-up (connectors: its prefill plugins); see NoPublicRegisters
"""

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q

from .status import Channel, Source

# Access policies -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Acting:
    """Whom the signed-in user is acting for, as the policy that answered says: `principal` is the applicant of
    what they start; the rest are application_start's keywords (the channel, the mandate or assist session that
    allows it, and the source its events are recorded with)."""

    principal: Any  # a User
    channel: str = Channel.PROXY
    mandate_reference: str | None = None
    assist_session_reference: str | None = None
    source: str = Source.PORTAL


class NoProxyPolicy:
    """Who may act for whom: nobody, unless an app registers a policy."""

    def agent_scope(self, user, now):
        """A Q over Application: what `user` may reach as someone else's agent, valid at `now`."""
        return Q(pk__in=[])

    def acting_for(self, request, service_code=None):
        """None when the user acts for themself; an Acting when the session says they act for someone whose
        mandate (or assist session) covers `service_code` now. Raises PermissionDenied when it does not."""
        return None


class PolicyList(NoProxyPolicy):
    """Every registered policy, asked together: the scopes are ORed; the first to say whom the user acts for
    wins."""

    policies = []

    def agent_scope(self, user, now):
        scope = super().agent_scope(user, now)
        for policy in self.policies:
            scope |= policy.agent_scope(user, now)
        return scope

    def acting_for(self, request, service_code=None):
        for policy in self.policies:
            acting = policy.acting_for(request, service_code)
            if acting is not None:
                return acting
        return None


_policy = PolicyList()


def access_policy_register(policy):
    """Add a policy; one of the same class registered again replaces it."""
    PolicyList.policies = [p for p in PolicyList.policies if type(p) is not type(policy)] + [policy]


def access_policy():
    return _policy


# Submission listeners --------------------------------------------------------------------------------------

_submission_listeners = []


def submission_listener_register(listener):
    """`listener(application=...)` is called inside application_submit's transaction, after the status change;
    registering the same function again does nothing."""
    if listener not in _submission_listeners:
        _submission_listeners.append(listener)


def submission_listeners():
    return list(_submission_listeners)


# Containers: applications sent together (a life-event bundle) ---------------------------------------------

_containers = []


def container_register(provider):
    """`provider(application)` returns the URL of the page that checks and sends this draft together with others
    (a life-event bundle, 一件事), or None. Such a draft is filled in step by step as any other, but its own check
    page hands over to that page: one declaration, one submission."""
    if provider not in _containers:
        _containers.append(provider)


def container_url(application):
    for provider in _containers:
        url = provider(application)
        if url:
            return url
    return None


# Delivery progress -----------------------------------------------------------------------------------------

_delivery_progress = None


def delivery_progress_register(provider):
    """`provider(application)` answers delivery_progress(); the last one registered answers."""
    global _delivery_progress
    _delivery_progress = provider


def delivery_progress(application):
    """(label, explanation) for a sent application still on its way to the department, or None when nothing
    more than its status is known."""
    return _delivery_progress(application) if _delivery_progress is not None else None


# Public registers (prefill) --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Register:
    """A public register a question may be filled in from (FieldDef.register names its id and an attribute)."""

    id: str
    label: str
    attributes: dict = field(default_factory=dict)  # attribute -> what it is, shown to editors


@dataclass(frozen=True)
class RegisterAnswer:
    """What one register answered about the applicant: {question key: value found}, when it was asked, and
    whether the look-up failed (then `values` is empty and the applicant types the answers)."""

    values: dict
    at: datetime.datetime
    failed: bool = False


class NoPublicRegisters:
    """The registers the engine knows when no app registers any: none, and nothing is looked up."""

    def all(self):
        """Every register, as Register, in a stable order."""
        return []

    def get(self, register_id):
        """The Register with this id, or None."""
        return next((register for register in self.all() if register.id == register_id), None)

    def look_up(self, *, application, actor, wanted):
        """Ask each register of `wanted` ({register id: {question key: attribute}}) about the application's
        applicant (never anyone else, whoever acts), with their consent, recording each look-up for them to
        see. Returns {register id: RegisterAnswer}; never raises for a register that fails."""
        return {}


_public_registers = NoPublicRegisters()


def public_registers_register(registers):
    """Set the public registers (a NoPublicRegisters with its methods filled in); the last one set answers."""
    global _public_registers
    _public_registers = registers


def public_registers():
    return _public_registers
