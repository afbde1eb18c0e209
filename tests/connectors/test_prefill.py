"""Once-only prefill: only with consent, every look-up recorded and visible to the citizen, where each value
came from kept (and whether the citizen changed it), and a failed look-up falls back to typing."""

import pytest
from django.urls import reverse

from portal.audit.models import AuditEvent
from portal.connectors import services
from portal.connectors.models import PrefillLookup, PrefillOutcome

pytestmark = pytest.mark.django_db

FIELDS = {"home_line": "address.line", "household": "household.number", "disability": "disability.certificate_number"}


def test_no_consent_no_look_up(citizen):
    with pytest.raises(services.ConsentRequired):
        services.prefill_lookup(
            actor=citizen, subject=citizen, plugin_id="demo-household", fields=FIELDS, consent=False
        )
    assert not PrefillLookup.objects.exists()


def test_values_found_are_returned_and_recorded(citizen, submit):
    application = submit(citizen)
    result = services.prefill_lookup(
        actor=citizen, subject=citizen, plugin_id="demo-household", fields=FIELDS, consent=True, application=application
    )
    assert result.outcome == PrefillOutcome.PARTLY  # the demo register has no disability record
    assert set(result.values) == {"home_line", "household"}
    lookup = PrefillLookup.objects.get()
    assert (lookup.actor, lookup.subject, lookup.plugin, lookup.consent) == (citizen, citizen, "demo-household", True)
    event = AuditEvent.objects.get(action="prefill.looked_up")  # also in the tamper-evident log
    assert (event.actor_id, event.on_behalf_of_id, event.object_id) == (citizen.pk, citizen.pk, str(lookup.pk))
    assert result.values["household"] not in str(event.details)
    assert lookup.fields == sorted(FIELDS) and result.values["household"] not in str(lookup.filled)


def test_a_failed_look_up_falls_back_to_typing_and_is_still_recorded(citizen):
    citizen.real_name = "unavailable"
    citizen.save()
    result = services.prefill_lookup(
        actor=citizen, subject=citizen, plugin_id="demo-household", fields=FIELDS, consent=True
    )
    assert result.outcome == PrefillOutcome.FAILED and result.values == {}
    assert PrefillLookup.objects.get().outcome == PrefillOutcome.FAILED


def test_the_citizen_sees_every_look_up_about_them(client, citizen):
    services.prefill_lookup(actor=citizen, subject=citizen, plugin_id="demo-household", fields=FIELDS, consent=True)
    client.force_login(citizen)
    page = client.get(reverse("connectors_citizen:my_lookups")).content.decode()
    assert "Look-ups in public registers about you" in page and "Partly found" in page
