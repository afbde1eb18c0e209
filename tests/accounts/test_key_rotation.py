"""Resident ID encryption keys rotate: the new key encrypts, retired keys still decrypt, and
`manage.py resident_ids_reencrypt` moves every stored number (accounts and applications' answers) to the new key,
after which the retired key can go."""

from io import StringIO

import pytest
from cryptography.fernet import Fernet
from django.core.management import CommandError, call_command

from portal.accounts.selectors import account_holding
from portal.applications import selectors, services
from portal.applications.field_types import FIELD_TYPES
from portal.applications.models import Application
from tests.people import citizen_make, make_resident_id

pytestmark = pytest.mark.django_db

OLD, NEW = Fernet.generate_key().decode(), Fernet.generate_key().decode()
NUMBER = make_resident_id(sequence=777)


def _keys(settings, current, *retired):
    settings.RESIDENT_ID_ENCRYPTION_KEY = current
    settings.RESIDENT_ID_ENCRYPTION_RETIRED_KEYS = list(retired)


def _person_with_a_draft(service_for):
    """An account and a draft holding the number, both written under the key in force."""
    from portal.accounts import crypto

    person = citizen_make(name="赵六", phone="13800000077", email="zhao@example.com", sequence=777)
    page = service_for("senior-bus-pass")
    draft = services.application_start(
        flow_version=selectors.flow_version_current(page.flow_key),
        applicant=person,
        actor=person,
        service_code=page.service_code,
        service_page=page,
    )
    Application.objects.filter(pk=draft.pk).update(
        answers={"full_name": "赵六", "id_number": {"encrypted": crypto.encrypt(NUMBER)}}
    )
    return person, draft


def _reencrypt():
    out = StringIO()
    call_command("resident_ids_reencrypt", stdout=out)
    return out.getvalue().strip()


def test_after_a_rotation_every_number_moves_to_the_new_key(settings, service_for):
    _keys(settings, OLD)
    person, draft = _person_with_a_draft(service_for)
    _keys(settings, NEW, OLD)
    person.refresh_from_db()
    assert person.resident_id == NUMBER  # read with the retired key meanwhile

    assert _reencrypt() == "re-encrypted: 1 account(s), 1 application(s)"
    assert _reencrypt() == "re-encrypted: 0 account(s), 0 application(s)"  # safe to run again

    _keys(settings, NEW)  # the retired key dropped
    person.refresh_from_db()
    draft.refresh_from_db()
    assert person.resident_id == NUMBER
    assert FIELD_TYPES["resident_id"].clear(draft.answers["id_number"]) == NUMBER
    assert draft.answers["full_name"] == "赵六"
    assert account_holding(resident_id=NUMBER) == person  # the look-up hash has its own key, unchanged


def test_a_number_no_configured_key_reads_is_reported_not_lost(settings, service_for):
    _keys(settings, OLD)
    person, draft = _person_with_a_draft(service_for)
    _keys(settings, NEW)  # the old key dropped too early

    with pytest.raises(CommandError, match=f"accounts \\[{person.pk}\\] and applications \\['{draft.pk}'\\]"):
        _reencrypt()

    _keys(settings, NEW, OLD)
    person.refresh_from_db()
    assert person.resident_id == NUMBER  # nothing was overwritten


def test_an_answer_saved_while_it_runs_is_kept_and_the_next_run_finishes(settings, service_for, monkeypatch):
    from django.db.models import F

    from portal.accounts import crypto

    _keys(settings, OLD)
    _person, draft = _person_with_a_draft(service_for)
    _keys(settings, NEW, OLD)
    reencrypted = crypto.reencrypted

    def the_citizen_saves_meanwhile(token):
        Application.objects.filter(pk=draft.pk).update(
            answers={**Application.objects.get(pk=draft.pk).answers, "full_name": "赵六六"}, version=F("version") + 1
        )
        return reencrypted(token)

    monkeypatch.setattr(crypto, "reencrypted", the_citizen_saves_meanwhile)
    assert _reencrypt() == "re-encrypted: 1 account(s), 0 application(s)"
    monkeypatch.undo()
    assert _reencrypt() == "re-encrypted: 0 account(s), 1 application(s)"

    draft.refresh_from_db()
    assert draft.answers["full_name"] == "赵六六"  # the citizen's answer, not the command's copy of the old ones
    _keys(settings, NEW)
    assert FIELD_TYPES["resident_id"].clear(draft.answers["id_number"]) == NUMBER
