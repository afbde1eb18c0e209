"""The engine's pure parts, with Hypothesis: conditions, visibility, validation, ID numbers, references."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from accessibility.forms import DatePartsField, MoneyField
from portal.accounts.validators import (
    CHECK_CHARACTERS,
    resident_id_check_character,
    resident_id_problem,
)
from portal.applications.definitions import Condition, FlowDef, conditions_hold, flow_problems
from portal.applications.field_types import FIELD_TYPES
from portal.applications.references import ALPHABET, normalise, reference_generate, reference_is_valid
from portal.applications.registry import code_flow_definitions

FLOWS = {key: FlowDef.from_dict(definition) for key, definition in code_flow_definitions().items()}
DEMO_KEYS = [
    "elderly-care-subsidy",
    "senior-bus-pass",
    "disability-certificate",
    "medical-insurance-reimbursement",
    "household-registration-transfer",
    "business-licence-change",
    "birth-registration",
    "pension-certification",
    "general-application",
]

# Resident ID numbers -------------------------------------------------------------------------------------

# The tests fix "today" and pass it to the check: the suite runs across midnight in Beijing (UTC+8) often enough
# that a date drawn as "tomorrow" when the module was collected is "today" by the time the test runs.
TODAY = datetime.date(2026, 6, 30)
regions = st.sampled_from(["370102", "370211", "371702", "110101", "440305", "310115", "650102"])
births = st.dates(min_value=datetime.date(1900, 1, 1), max_value=TODAY)
sequences = st.integers(min_value=0, max_value=999)


def build_id(region, birth, sequence):
    body = f"{region}{birth:%Y%m%d}{sequence:03d}"
    return body + resident_id_check_character(body)


@given(regions, births, sequences)
def test_well_formed_id_numbers_are_accepted(region, birth, sequence):
    number = build_id(region, birth, sequence)
    assert resident_id_problem(number, today=TODAY) is None
    assert resident_id_problem(number.lower(), today=TODAY) is None  # a lower-case x is fine
    assert resident_id_problem(f" {number[:6]} {number[6:14]} {number[14:]} ", today=TODAY) is None  # spaces


@given(regions, births, sequences, st.integers(min_value=0, max_value=17), st.integers(min_value=1, max_value=10))
def test_any_single_mistyped_character_is_caught(region, birth, sequence, position, shift):
    number = build_id(region, birth, sequence)
    if position == 17:
        wrong = CHECK_CHARACTERS[(CHECK_CHARACTERS.index(number[17]) + shift) % 11]
    else:
        wrong = str((int(number[position]) + shift) % 10)
    assume(wrong != number[position])
    assert resident_id_problem(number[:position] + wrong + number[position + 1 :], today=TODAY) is not None


@given(
    regions, sequences, st.dates(min_value=TODAY + datetime.timedelta(days=1), max_value=datetime.date(2099, 12, 31))
)
def test_birth_dates_in_the_future_are_refused(region, sequence, birth):
    assert "date of birth" in str(resident_id_problem(build_id(region, birth, sequence), today=TODAY))


@given(st.sampled_from(["000000", "990101", "370099", "371899", "900101"]), births, sequences)
def test_unknown_regions_are_refused(region, birth, sequence):
    assert "region code" in str(resident_id_problem(build_id(region, birth, sequence), today=TODAY))


@given(st.text(max_size=30))
def test_arbitrary_text_never_crashes_the_check(text):
    resident_id_problem(text)


def test_impossible_birth_dates_are_refused():
    body = "37010219500230" + "123"  # 30 February
    assert "date of birth" in str(resident_id_problem(body + resident_id_check_character(body)))


# Reference numbers ---------------------------------------------------------------------------------------


@settings(max_examples=300)
@given(st.randoms(use_true_random=False), st.integers(min_value=0, max_value=7), st.sampled_from(ALPHABET))
def test_references_detect_any_single_substitution(_random, position, replacement):
    reference = reference_generate()
    assert reference_is_valid(reference)
    # normalise() drops the prefix only: replace("SD-", "") would also eat a body that happens to hold "SD-"
    chars = list(normalise(reference))
    assert not set(chars) & set("01OILU")
    assume(chars[position] != replacement)
    chars[position] = replacement
    assert not reference_is_valid("SD-" + "".join(chars))


def test_references_tolerate_case_and_spacing():
    reference = reference_generate()
    assert reference_is_valid(reference.lower().replace("-", " "))


# Conditions ----------------------------------------------------------------------------------------------

values = st.one_of(
    st.none(),
    st.sampled_from(["yes", "no", "post", "hall", ""]),
    st.integers(-5, 5),
    st.lists(st.sampled_from(["name", "address", "capital"]), max_size=3),
)


@given(values, values)
def test_equals_and_not_equals_are_complements(answer, expected):
    answers = {"q": answer}
    assert Condition("q", "equals", expected).holds(answers) != Condition("q", "not_equals", expected).holds(answers)


@given(values, st.lists(st.sampled_from(["yes", "no", "post"]), max_size=3))
def test_in_and_not_in_are_complements(answer, options):
    answers = {"q": answer}
    assert Condition("q", "in", options).holds(answers) != Condition("q", "not_in", options).holds(answers)


@given(values)
def test_answered_and_not_answered_are_complements(answer):
    answers = {"q": answer} if answer is not None else {}
    assert Condition("q", "answered").holds(answers) != Condition("q", "not_answered").holds(answers)


@given(st.lists(st.tuples(st.sampled_from(["equals", "not_equals", "answered"]), values), max_size=4), values)
def test_all_conditions_must_hold(conditions, answer):
    parsed = [Condition("q", op, value) for op, value in conditions]
    answers = {"q": answer}
    assert conditions_hold(parsed, answers) == all(c.holds(answers) for c in parsed)


# Visibility over the real demo flows ---------------------------------------------------------------------


def answers_for(flow):
    """A strategy of arbitrary answers, valid or not, to any of the flow's questions."""
    keys = [field.key for step in flow.steps for field in step.fields]
    return st.dictionaries(st.sampled_from(keys), values, max_size=len(keys))


@pytest.mark.parametrize("key", DEMO_KEYS)
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_visibility_depends_only_on_answers_that_count(key, data):
    flow = FLOWS[key]
    answers = data.draw(answers_for(flow))
    effective = flow.effective_answers(answers)
    assert set(effective) <= set(answers)
    assert flow.effective_answers(effective) == effective  # idempotent
    assert [s.key for s in flow.visible_steps(answers)] == [s.key for s in flow.visible_steps(effective)]
    # Answers to a later step never change whether an earlier step is shown.
    for index, step in enumerate(flow.steps):
        earlier_keys = {f.key for s in flow.steps[:index] for f in s.fields}
        trimmed = {k: v for k, v in answers.items() if k in earlier_keys}
        shown = step.key in [s.key for s in flow.visible_steps(answers)]
        assert shown == (step.key in [s.key for s in flow.visible_steps(trimmed)])


def test_demo_flows_are_valid_and_use_every_field_type_conditions_and_uploads():
    assert set(DEMO_KEYS) <= set(FLOWS)
    used = set()
    conditional_steps = conditional_fields = 0
    for flow in FLOWS.values():
        assert flow_problems(flow) == []
        for step in flow.steps:
            conditional_steps += bool(step.show_if)
            for field in step.fields:
                used.add(field.type)
                conditional_fields += bool(field.show_if)
    assert used == set(FIELD_TYPES)
    assert conditional_steps >= 8
    assert any(flow.uses_task_list for flow in FLOWS.values())


def test_flow_problems_catch_bad_definitions():
    flow = FlowDef.from_dict(
        {
            "key": "bad",
            "title": "x",
            "steps": [
                {
                    "key": "a",
                    "title": "A",
                    "fields": [{"key": "q", "type": "choice", "label": "Q"}],
                    "show_if": [{"field": "later", "op": "equals", "value": "x"}],
                },
                {"key": "a", "title": "B", "fields": [{"key": "q", "type": "nonsense", "label": "Q"}]},
            ],
        }
    )
    problems = " ".join(flow_problems(flow))
    assert "Two steps" in problems and "Two questions" in problems and "unknown type" in problems
    assert "needs options" in problems and "not asked in an earlier step" in problems


# Field validation ----------------------------------------------------------------------------------------


@given(st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date.today()))
def test_any_real_past_date_is_accepted(date):
    field = DatePartsField(label="Date", date_rule="past")
    assert field.clean([str(date.year), str(date.month), str(date.day)]) == date


@given(st.integers(1900, 2100), st.integers(1, 12), st.integers(29, 40))
def test_impossible_dates_are_refused_not_crashed(year, month, day):
    try:
        real = datetime.date(year, month, day)
    except ValueError:
        real = None
    field = DatePartsField(label="Date")
    if real is None:
        with pytest.raises(ValidationError):
            field.clean([str(year), str(month), str(day)])
    else:
        assert field.clean([str(year), str(month), str(day)]) == real


@given(st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False))
def test_money_round_trips(amount):
    field = MoneyField(label="Amount")
    assert field.clean(f"¥{amount:,}") == Decimal(amount).quantize(Decimal("0.01"))


@given(st.text(max_size=20))
def test_money_never_crashes(text):
    try:
        MoneyField(label="Amount", required=False).clean(text)
    except ValidationError:
        pass
