"""Every demo service, one module per department. `all_services()` returns them checked."""

from ..departments import ABBREVIATIONS
from ..life_events import LIFE_EVENTS
from ..regions import CITY_CODES, PROVINCE
from ..spec import GENERAL_FLOW, MAX_MATERIALS
from . import (
    civil_affairs,
    disabled_persons,
    education,
    health,
    healthcare_security,
    housing,
    human_resources,
    justice,
    market_regulation,
    natural_resources,
    provident_fund,
    public_security,
    taxation,
    transport,
    veterans,
)

MODULES = [
    public_security,
    human_resources,
    healthcare_security,
    civil_affairs,
    health,
    market_regulation,
    taxation,
    housing,
    transport,
    education,
    disabled_persons,
    natural_resources,
    veterans,
    provident_fund,
    justice,
]

# Flows with their own key; every other online service uses the general application flow.
SPECIAL_FLOWS = {
    "elderly-care-subsidy",
    "senior-bus-pass",
    "disability-certificate",
    "medical-insurance-reimbursement",
    "household-registration-transfer",
    "business-licence-change",
    "birth-registration",
    "pension-certification",
}


def check(services):
    """Raise ValueError on anything the catalogue or its models would refuse, or that reads wrong."""
    problems = []
    seen = {"code": {}, "slug": {}, "title_zh": {}, "title_en": {}}
    region_codes = {PROVINCE["code"], *CITY_CODES}
    event_slugs = {event["slug"] for event in LIFE_EVENTS}
    for spec in services:
        for key in seen:
            value = getattr(spec, key)
            if value in seen[key]:
                problems.append(f"{spec.code}: duplicate {key} {value!r} (also {seen[key][value]})")
            seen[key][value] = spec.code
        abbreviation = spec.code.split("-")[1]
        if ABBREVIATIONS.get(spec.department) != abbreviation:
            problems.append(f"{spec.code}: code does not match department {spec.department}")
        if spec.promised_time_limit_days > spec.legal_time_limit_days:
            problems.append(f"{spec.code}: promised time limit longer than the legal one")
        if spec.online and spec.flow_key not in SPECIAL_FLOWS | {GENERAL_FLOW}:
            problems.append(f"{spec.code}: unknown flow key {spec.flow_key!r}")
        if not (spec.online or spec.in_person):
            problems.append(f"{spec.code}: neither online nor in person")
        if not 2 <= len(spec.materials) <= MAX_MATERIALS:
            problems.append(f"{spec.code}: {len(spec.materials)} materials")
        if not 1 <= len(spec.faqs) <= 3:
            problems.append(f"{spec.code}: {len(spec.faqs)} FAQs")
        if not 0 <= spec.in_person_visits <= 2:
            problems.append(f"{spec.code}: {spec.in_person_visits} visits")
        if set(spec.regions) - region_codes:
            problems.append(f"{spec.code}: unknown regions {set(spec.regions) - region_codes}")
        if set(spec.life_events) - event_slugs:
            problems.append(f"{spec.code}: unknown life events {set(spec.life_events) - event_slugs}")
        if len(spec.summary_zh) > 400 or len(spec.summary_en) > 400:
            problems.append(f"{spec.code}: summary longer than 400 characters")
    if problems:
        raise ValueError("Demo catalogue problems:\n" + "\n".join(problems))
    return services


def all_services():
    return check([spec for module in MODULES for spec in module.SERVICES])
