"""Connectors' prefill plugins as the application engine's public registers (portal.applications.hooks,
registered in ConnectorsConfig.ready): the engine lists them to editors, checks the registers a flow names,
and, with the applicant's consent, has them looked up here, one prefill_lookup() (recorded for the citizen
to see) per register."""

from portal.applications.hooks import NoPublicRegisters, Register, RegisterAnswer

from .models import PrefillOutcome
from .registry import UnknownPlugin, prefill_choices, prefill_class
from .services import prefill_lookup


def _register(plugin_id):
    plugin = prefill_class(plugin_id)
    return Register(id=plugin_id, label=plugin.label or plugin_id, attributes=dict(plugin.attributes))


class PrefillRegisters(NoPublicRegisters):
    def all(self):
        return [_register(plugin_id) for plugin_id, _label in prefill_choices()]

    def get(self, register_id):
        try:
            return _register(register_id)
        except UnknownPlugin:
            return None

    def look_up(self, *, application, actor, wanted):
        answers = {}
        for plugin_id, fields in wanted.items():
            # The subject is the application's applicant, whoever acts: never the agent or the member of staff.
            found = prefill_lookup(
                actor=actor,
                subject=application.applicant,
                plugin_id=plugin_id,
                fields=fields,
                consent=True,
                application=application,
            )
            answers[plugin_id] = RegisterAnswer(
                values=found.values, at=found.lookup.created_at, failed=found.outcome == PrefillOutcome.FAILED
            )
        return answers
