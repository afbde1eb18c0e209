"""Every question type: an invalid answer gives GOV.UK's error pattern and keeps what was entered."""

import re

import pytest

from tests.applying import EXE_BYTES, start_application, step_post_data, step_url, upload
from tests.people import make_resident_id

pytestmark = pytest.mark.django_db

BAD_ID = make_resident_id()[:-1] + ("1" if make_resident_id()[-1] != "1" else "2")

CASES = {
    # type: (flow, step, field, bad value, what must still be on the page)
    "text": ("medical-insurance-reimbursement", "treatment", "hospital", "长" * 110, 'value="' + "长" * 110 + '"'),
    "name": ("senior-bus-pass", "about-you", "full_name", "370102195003271234", 'value="370102195003271234"'),
    "bank_account": (
        "elderly-care-subsidy",
        "bank",
        "account_number",
        "6222 0212 3456 7890 123",
        'value="6222 0212 3456 7890 123"',
    ),
    "textarea": ("general-application", "request", "request", "x" * 2001, "x" * 2001 + "</textarea>"),
    "number": ("household-registration-transfer", "family", "members_moving", "two", 'value="two"'),
    "date": ("elderly-care-subsidy", "living", "birth_date", ("1950", "2", "30"), 'value="30"'),
    "choice": ("senior-bus-pass", "collect", "collect_method", "", None),
    "multiple_choice": ("disability-certificate", "disability", "disability_types", [], None),
    "yes_no": ("elderly-care-subsidy", "living", "lives_alone", "", None),
    "resident_id": ("birth-registration", "parents", "other_parent_id", BAD_ID, f'value="{BAD_ID}"'),
    "phone": ("senior-bus-pass", "about-you", "phone", "12345", 'value="12345"'),
    "email": ("business-licence-change", "about-you", "email", "not-an-email", 'value="not-an-email"'),
    "address": (
        "household-registration-transfer",
        "to",
        "new_address",
        ("370100", "370202", "香港中路1号"),
        '<option value="370100" selected>',
    ),  # the city kept; its districts offered (not Qingdao's)
    "money": ("elderly-care-subsidy", "income", "monthly_income", "12.345", 'value="12.345"'),
    "file": ("senior-bus-pass", "photo", "photo", upload("photo.png", EXE_BYTES), None),
    "declaration": ("pension-certification", "confirm", "alive_declaration", "", None),
}


def test_every_field_type_is_covered():
    from portal.applications.field_types import FIELD_TYPES

    assert set(CASES) == set(FIELD_TYPES)


@pytest.mark.parametrize("field_type", sorted(CASES))
def test_invalid_answer_shows_the_error_pattern_and_keeps_values(field_type, service_for, citizen, client_for):
    flow_key, step_key, field_key, bad, kept = CASES[field_type]
    client = client_for(citizen)
    application = start_application(client, service_for(flow_key))
    data = step_post_data(application, step_key, {field_key: bad})
    if bad in ("", []):
        data.pop(field_key, None)
    response = client.post(step_url(application, step_key), data)
    body = response.content.decode()
    assert response.status_code == 200
    assert re.search(r"<title>Error: ", body), "the page title starts with Error:"
    summary = body[body.index('class="error-summary"') :]
    assert "There is a problem" in summary
    assert 'tabindex="-1"' in body[body.index('<div class="error-summary"') :][:200]
    anchor = re.search(r'<li><a href="#([^"]+)">', summary).group(1)
    assert f'id="{anchor}"' in body, "each summary item links to its field"
    assert anchor.startswith(f"id_{field_key}")
    error_id = f"id_{field_key}_error"
    assert f'id="{error_id}"' in body
    assert re.search(rf'aria-describedby="[^"]*{error_id}[^"]*"', body), "the error is linked to the field"
    if kept:
        assert kept in body, "what was entered is kept"
    # And the answer was not saved.
    application.refresh_from_db()
    assert step_key not in application.completed_steps


def test_hint_is_linked_with_aria_describedby(service_for, citizen, client_for):
    client = client_for(citizen)
    application = start_application(client, service_for("senior-bus-pass"))
    body = client.get(step_url(application, "about-you")).content.decode()
    assert 'id="id_phone_helptext"' in body
    assert re.search(r'<input[^>]*aria-describedby="id_phone_helptext"[^>]*>', body)
    assert 'autocomplete="tel-national"' in body and 'autocomplete="name"' in body


def test_groups_are_fieldsets_with_legends(service_for, citizen, client_for):
    client = client_for(citizen)
    application = start_application(client, service_for("elderly-care-subsidy"))
    body = client.get(step_url(application, "living")).content.decode()
    assert body.count("<fieldset") == 2  # date parts and yes/no radios
    assert body.count("<legend") == 2
    assert 'autocomplete="bday-year"' in body


def test_date_in_the_future_is_refused_for_a_past_date(service_for, citizen, client_for):
    client = client_for(citizen)
    application = start_application(client, service_for("elderly-care-subsidy"))
    data = step_post_data(application, "living", {"birth_date": ("2999", "1", "1")})
    body = client.post(step_url(application, "living"), data).content.decode()
    assert "must be today or in the past" in body
