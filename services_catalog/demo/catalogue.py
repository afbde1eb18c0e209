"""Every demo service, read from data/services/<department code>.yaml. `all_services()` returns them checked.

A department's file has `services`, a list of entries, and may name documents (`materials`, see
materials.py) and questions (`faqs`: `{question: {zh, en}, answer: {zh, en}}`) that several of its
services share. A service entry's keys are the parameters of spec.service():

- code ("MZ-0001"), title, summary: {zh, en}; who: {zh: [...], en: [...]}, the conditions completing
  "You can apply if:" (who_mode: any, for "if any of these applies:");
- materials: names or entries; laws: keys of data/laws.yaml; legal and promised: working days (0 = on the
  spot); visits: trips to a hall (default 1);
- optional: audience (individuals, businesses, both), fee {zh, en} (free without it), online, flow (the
  online flow's key, default general-application), in_person (default true), handled_at (local or
  province), proxy (someone else may apply), regions (city codes; the whole province without it), events
  (life-event slugs), popularity, slug (from the English title without it), faqs (names or entries).
"""

from functools import cache

from .datafile import DATA_DIR, DataError, entries, mapping, names, read, scalar, sequence, text, text_lists
from .departments import ABBREVIATIONS, DEPARTMENTS
from .laws import LAWS
from .life_events import LIFE_EVENTS
from .materials import MATERIALS, material_read, named_material
from .regions import CITY_CODES, PROVINCE
from .spec import (
    BOTH_AUDIENCES,
    BUSINESSES,
    FAQ,
    GENERAL_FLOW,
    INDIVIDUALS,
    MAX_MATERIALS,
    WHO_INTRO,
    service,
)

SERVICES_DIR = DATA_DIR / "services"
REQUIRED = ("code", "title", "summary", "who", "materials", "laws", "legal", "promised")
OPTIONAL = (
    "slug",
    "audience",
    "who_mode",
    "fee",
    "visits",
    "online",
    "flow",
    "in_person",
    "handled_at",
    "proxy",
    "regions",
    "events",
    "popularity",
    "faqs",
)

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
    "birth-medical-certificate",
    "newborn-medical-insurance",
    "vaccination-record",
}


def faq_read(value, at, named=None):
    """The FAQ an entry describes; with `named` (name -> FAQ), the entry may also be a name."""
    if named is not None and isinstance(value, str):
        if value not in named:
            raise at.error(f"unknown FAQ {value!r}")
        return named[value]
    entry = mapping(value, at, required=("question", "answer"))
    question_zh, question_en = text(entry["question"], at / "question")
    answer_zh, answer_en = text(entry["answer"], at / "answer")
    return FAQ(question_zh=question_zh, answer_zh=answer_zh, question_en=question_en, answer_en=answer_en)


TEXTS = ("title", "summary", "fee")
NUMBERS = ("legal", "promised", "visits", "popularity")
FLAGS = ("online", "in_person", "proxy")
CHOICES = {
    "audience": (INDIVIDUALS, BUSINESSES, BOTH_AUDIENCES),
    "who_mode": tuple(WHO_INTRO),
    "handled_at": ("local", "province"),
}


def _argument(key, value, at, named):
    """One key of a service entry as spec.service() takes it; `named` holds the materials and FAQs by name."""
    if key in TEXTS:
        return text(value, at)
    if key == "who":
        return text_lists(value, at)
    if key in NUMBERS:
        if scalar(value, at, kind=int) < 0:
            raise at.error("must not be negative")
        return value
    if key in FLAGS:
        return scalar(value, at, kind=bool)
    if key in CHOICES:
        return scalar(value, at, choices=CHOICES[key])
    if key == "laws":
        return names(value, at, known=LAWS)
    if key in ("regions", "events"):
        return names(value, at)
    if key == "materials":
        return [material_read(item, at / index, named["materials"]) for index, item in enumerate(sequence(value, at))]
    if key == "faqs":
        return [faq_read(item, at / index, named["faqs"]) for index, item in enumerate(sequence(value, at))]
    return scalar(value, at)  # code, slug, flow


def service_read(value, at, department, named):
    if isinstance(value, dict) and isinstance(value.get("code"), str):
        at = at.named(value["code"])  # services[3] (MZ-0004): the messages name the service too
    entry = mapping(value, at, required=REQUIRED, optional=OPTIONAL)
    arguments = {key: _argument(key, item, at / key, named) for key, item in entry.items()}
    return service(department=department, **arguments)


def department_services(path, department=None):
    """The services in one department's file; the department is the file's name unless given."""
    data, at = read(path)
    data = mapping(data, at, required=("services",), optional=("materials", "faqs"))
    materials = dict(MATERIALS)
    for name, entry in entries(data.get("materials", {}), at / "materials").items():
        if name in MATERIALS:
            raise (at / "materials" / name).error("is already a material in materials.yaml")
        materials[name] = named_material(name, entry, at / "materials" / name, materials)
    faqs = {
        name: faq_read(entry, at / "faqs" / name) for name, entry in entries(data.get("faqs", {}), at / "faqs").items()
    }
    named = {"materials": materials, "faqs": faqs}
    department = department or at.path.stem
    return [
        service_read(entry, at / "services" / index, department, named)
        for index, entry in enumerate(sequence(data["services"], at / "services"))
    ]


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


def department_files(directory=SERVICES_DIR):
    """{department code: its file}, in the order of data/departments.yaml; a file for no department is refused."""
    files = {path.stem: path for path in sorted(directory.glob("*.yaml"))}
    for code, path in files.items():
        if code not in ABBREVIATIONS:
            raise DataError(f"{path}: {code!r} is not a department code in departments.yaml")
    return {department["code"]: files[department["code"]] for department in DEPARTMENTS if department["code"] in files}


@cache
def _services():
    return tuple(spec for path in department_files().values() for spec in department_services(path))


def all_services():
    return check(list(_services()))
