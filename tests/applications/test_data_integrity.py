"""Nothing entered may be silently changed or lost (issue 13, items 1 to 4): bank account numbers kept whole
and checked, cross-field rules, districts narrowed to the chosen city, banks from a maintained reference list
with an "other" answer, and names that are names."""

import re

import pytest

from tests.applying import complete_steps, start_application, step_post_data, step_url

pytestmark = pytest.mark.django_db

SPACED_CARD = "6222 0212 3456 7890 128"  # 19 digits, Luhn check digit correct
CARD_DIGITS = "6222021234567890128"


def _post(client, application, step_key, overrides):
    return client.post(step_url(application, step_key), step_post_data(application, step_key, overrides))


def _error_for(body, field_key):
    match = re.search(rf'id="id_{field_key}_error"[^>]*>(.*?)</p>', body, re.S)
    if not match:
        return ""
    text = re.sub(r'<span class="visually-hidden">[^<]*</span>', "", match.group(1))
    return re.sub(r"<[^>]+>", "", text).strip()


# 1. Bank account numbers ----------------------------------------------------------------------------------


def test_a_spaced_bank_account_number_is_kept_whole(service_for, citizen, client_for):
    client = client_for(citizen)
    application = start_application(client, service_for("elderly-care-subsidy"))
    response = _post(client, application, "bank", {"account_number": SPACED_CARD})
    assert response.status_code == 302, response.content.decode()[:3000]
    application.refresh_from_db()
    assert application.answers["account_number"] == CARD_DIGITS


@pytest.mark.parametrize("typed", ["6222 0212 3456 7890 127", "6222-0212-3456-7890-123", "6222 0212 3456 789"])
def test_a_bank_account_number_too_short_or_failing_its_check_digit_is_refused(typed, service_for, citizen, client_for):
    client = client_for(citizen)
    application = start_application(client, service_for("elderly-care-subsidy"))
    response = _post(client, application, "bank", {"account_number": typed})
    assert response.status_code == 200
    assert _error_for(response.content.decode(), "account_number")


def test_no_text_box_cuts_a_formatted_answer_short_in_the_browser(service_for, citizen, client_for):
    """maxlength truncates silently what is pasted or typed with spaces: the server checks length instead."""
    client = client_for(citizen)
    for flow_key, step_key in [
        ("elderly-care-subsidy", "bank"),
        ("birth-registration", "parents"),
        ("medical-insurance-reimbursement", "treatment"),
        ("business-licence-change", "business"),
        ("elderly-care-subsidy", "carer"),
    ]:
        application = start_application(client, service_for(flow_key))
        if flow_key == "elderly-care-subsidy" and step_key == "carer":
            _post(client, application, "living", {"lives_alone": "no"})
        page = client.get(step_url(application, step_key)).content.decode()
        body = page[page.index("<main") : page.index("</main>")]
        assert "maxlength" not in body, (flow_key, step_key, re.findall(r"<input[^>]*maxlength[^>]*>", body))


def test_check_your_answers_shows_the_account_number_grouped_in_fours(service_for, citizen, client_for):
    client = client_for(citizen)
    application = start_application(client, service_for("elderly-care-subsidy"))
    complete_steps(client, application, {"account_number": SPACED_CARD})
    body = client.get(f"/en/apply/a/{application.pk}/check/").content.decode()
    assert SPACED_CARD in body


# 2. Cross-field rules and districts ---------------------------------------------------------------------


def test_a_discharge_date_before_the_admission_date_is_refused_on_the_discharge_date(service_for, citizen, client_for):
    client = client_for(citizen)
    application = start_application(client, service_for("medical-insurance-reimbursement"))
    response = _post(
        client, application, "treatment", {"admission_date": ("2024", "5", "10"), "discharge_date": ("2024", "5", "2")}
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert _error_for(body, "discharge_date") == "Date you left hospital must be on or after the date you were admitted"
    assert not _error_for(body, "admission_date")


def test_an_amount_paid_above_the_total_cost_is_refused_on_the_amount_paid(service_for, citizen, client_for):
    client = client_for(citizen)
    application = start_application(client, service_for("medical-insurance-reimbursement"))
    response = _post(client, application, "costs", {"total_cost": "1000", "self_paid": "1200"})
    assert response.status_code == 200
    assert _error_for(response.content.decode(), "self_paid") == (
        "How much you paid yourself must not be more than the total cost of the treatment"
    )
    ok = _post(client, application, "costs", {"total_cost": "1000", "self_paid": "1000"})
    assert ok.status_code == 302


def test_a_rule_is_checked_against_an_answer_given_on_an_earlier_page(service_for, citizen, client_for):
    """Elder mode asks one question per page: the discharge date is checked against the stored admission date."""
    client = client_for(citizen)
    application = start_application(client, service_for("medical-insurance-reimbursement"))
    ok = _post(
        client, application, "treatment", {"admission_date": ("2024", "5", "10"), "discharge_date": ("2024", "5", "12")}
    )
    assert ok.status_code == 302
    from portal.applications.forms import StepForm
    from portal.applications.selectors import field_context

    application.refresh_from_db()
    flow = application.flow
    form = StepForm(
        {"discharge_date_0": "2024", "discharge_date_1": "5", "discharge_date_2": "1"},
        flow=flow,
        step=flow.step("treatment"),
        answers=application.answers,
        context=field_context(application),
        only="discharge_date",
    )
    assert not form.is_valid()
    assert form.errors["discharge_date"] == ["Date you left hospital must be on or after the date you were admitted"]
    changed = StepForm(
        {"admission_date_0": "2024", "admission_date_1": "5", "admission_date_2": "20"},
        flow=flow,
        step=flow.step("treatment"),
        answers=application.answers,
        context=field_context(application),
        only="admission_date",
    )
    assert not changed.is_valid()
    assert changed.errors["admission_date"] == [
        "Date you were admitted must be on or before the date you left hospital"
    ]


def _district_options(body, field_key):
    select = re.search(rf'<select name="{field_key}_1".*?</select>', body, re.S).group(0)
    return re.findall(r'<option value="(\d+)"[^>]*>([^<]*)</option>', select)


def test_repeated_district_names_carry_their_city(service_for, citizen, client_for):
    client = client_for(citizen)
    application = start_application(client, service_for("household-registration-transfer"))
    with_translation = client.get(step_url(application, "to")).content.decode()
    labels = dict(_district_options(with_translation, "new_address"))
    assert labels["370103"] == "Shizhong (Jinan)"
    assert labels["370402"] == "Shizhong (Zaozhuang)"
    assert labels["370102"] == "Lixia"


def test_once_a_city_is_chosen_only_its_districts_are_offered(service_for, citizen, client_for):
    client = client_for(citizen)
    application = start_application(client, service_for("household-registration-transfer"))
    response = _post(client, application, "to", {"new_address": ("370400", "370103", "光明路1号")})  # 济南's 市中区
    body = response.content.decode()
    assert "The district you chose is not in the city you chose" in body
    assert {code for code, _label in _district_options(body, "new_address")} == {"370402", "370403"}


# 3. Banks from the reference list, with "other" ----------------------------------------------------------


def test_every_big_state_bank_is_offered(service_for, citizen, client_for):
    client = client_for(citizen)
    application = start_application(client, service_for("elderly-care-subsidy"))
    body = client.get(step_url(application, "bank")).content.decode()
    for bank in (
        "Bank of China",
        "Postal Savings Bank of China",
        "Bank of Communications",
        "Qilu Bank",
        "Bank of Qingdao",
        "Hengfeng Bank",
        "Industrial and Commercial Bank of China",
    ):
        assert f">{bank}<" in body, bank


def test_another_bank_asks_for_its_name(service_for, citizen, client_for):
    client = client_for(citizen)
    application = start_application(client, service_for("elderly-care-subsidy"))
    data = step_post_data(application, "bank", {"bank": "other", "account_number": SPACED_CARD})
    data.pop("bank_other", None)
    first = client.post(step_url(application, "bank"), data)
    assert first.status_code == 302
    asked = client.get(first["Location"]).content.decode()
    assert 'name="bank_other"' in asked
    application.refresh_from_db()
    data["version"] = str(application.version)
    missing = client.post(step_url(application, "bank"), data)
    assert missing.status_code == 200
    assert _error_for(missing.content.decode(), "bank_other") == "Enter the name of your bank"
    data["bank_other"] = "浙江网商银行"
    assert client.post(step_url(application, "bank"), data).status_code == 302
    application.refresh_from_db()
    assert application.answers["bank_other"] == "浙江网商银行"


# 4. Names -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["370102195003271234", "张三3", "a", "张", "张三@"])
def test_a_name_field_refuses_what_is_not_a_name(name, service_for, citizen, client_for):
    client = client_for(citizen)
    application = start_application(client, service_for("senior-bus-pass"))
    response = _post(client, application, "about-you", {"full_name": name})
    assert response.status_code == 200
    assert _error_for(response.content.decode(), "full_name").startswith("Enter your full name")


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("阿依古丽·买买提", "阿依古丽·买买提"),
        ("阿依古丽•买买提", "阿依古丽·买买提"),
        ("Mary-Jane O'Neil", "Mary-Jane O'Neil"),
        ("JOHN A. SMITH", "JOHN A. SMITH"),
        ("欧阳  修", "欧阳修"),
    ],
)
def test_chinese_minority_and_latin_names_are_accepted(typed, kept, service_for, citizen, client_for):
    client = client_for(citizen)
    application = start_application(client, service_for("senior-bus-pass"))
    response = _post(client, application, "about-you", {"full_name": typed})
    assert response.status_code == 302, response.content.decode()[:3000]
    application.refresh_from_db()
    assert application.answers["full_name"] == kept


def test_a_flow_with_a_rule_or_list_that_names_nothing_cannot_be_published(db):
    from portal.applications.definitions import FlowDef, flow_problems

    flow = FlowDef.from_dict(
        {
            "key": "x",
            "title": "x",
            "steps": [
                {
                    "key": "one",
                    "title": "One",
                    "fields": [
                        {"key": "start", "type": "date", "label": "Start"},
                        {"key": "bank", "type": "choice", "label": "Bank", "reference": "no-such-list"},
                    ],
                }
            ],
            "rules": [
                {"field": "end", "op": "gte", "other": "start"},
                {"field": "start", "op": "after", "other": "start"},
            ],
        }
    )
    problems = " ".join(flow_problems(flow))
    assert "“end”, which is not a question of the flow" in problems
    assert "Unknown comparison “after”" in problems
    assert "unknown list “no-such-list”" in problems
