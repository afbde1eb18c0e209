"""Steps the assisted-mode and workbench tests share: a member of staff finding a citizen and starting a session
at a hall, and sent applications made straight in the database for the workbench's queue."""

import datetime
import itertools
import uuid

from django.urls import reverse
from django.utils import timezone

# The three checks a member of staff ticks before helping someone (presence, identity, consent).
CHECKS = {"presence_confirmed": "on", "id_checked": "on", "consent_recorded": "on"}

_references = itertools.count(1)


def citizen_look_up(client, resident_id):
    """The staff member at `client` looks a citizen up by resident ID number (the response)."""
    return client.post(reverse("assisted:home"), {"resident_id": resident_id})


def assist_session_start(client, citizen, hall):
    """The staff member at `client` finds `citizen`, ticks the three checks at `hall`: the active session."""
    from portal.assisted.models import AssistSession

    response = citizen_look_up(client, citizen.resident_id)
    assert response.status_code == 302 and response["Location"] == reverse("assisted:checks")
    response = client.post(reverse("assisted:checks"), {"hall": hall.pk, **CHECKS})
    assert response.status_code == 302, response.content.decode()[:2000]
    return AssistSession.objects.get(citizen=citizen, state="active")


def application_make(page, applicant, *, status="submitted", days_ago=0, channel="online", submitted_by=None):
    """A sent application, straight into the database (the queue reads, it does not care how it came)."""
    from portal.applications.models import Application
    from portal.applications.selectors import flow_version_current

    now = timezone.now()
    sent = now - datetime.timedelta(days=days_ago)
    extra = (
        {"assist_session_reference": "BB-TEST"}
        if channel == "assisted"
        else ({"mandate_reference": "M-TEST"} if channel == "proxy" else {})
    )
    return Application.objects.create(
        reference=f"T{next(_references):011d}",
        service_code=page.service_code,
        service_page=page,
        flow_version=flow_version_current(page.flow_key),
        applicant=applicant,
        submitted_by=submitted_by or applicant,
        channel=channel,
        status=status,
        answers={},
        created_at=sent,
        updated_at=sent,
        submitted_at=sent,
        idempotency_key=uuid.uuid4(),
        **extra,
    )
