"""Service halls (政务服务大厅): the provincial hall, one hall in every city and a few district halls, read
from data/halls.yaml.

Addresses and phone numbers are plausible demo values, not directions to real buildings."""

from .datafile import DATA_DIR, mapping, names, read, scalar, sequence, text

# The ServiceHall fields for accessibility; a hall entry lists those it has, or all of them when it lists none.
FACILITIES = (
    "step_free_access",
    "accessible_toilet",
    "accessible_parking",
    "hearing_loop",
    "sign_language",
    "wheelchair_loan",
    "priority_window",
    "assisted_service",
)
# What a hall entry's `hours` may change: the arguments of hours(), with their types.
HOURS_ARGUMENTS = {
    "morning": str,
    "noon": str,
    "afternoon": str,
    "close": str,
    "summer_afternoon": str,
    "saturday": bool,
}


def hours(morning="9:00", noon="12:00", afternoon="13:30", close="17:00", summer_afternoon="14:00", saturday=True):
    """Weekday hours with a lunch break and, where the hall opens then, Saturday-morning service."""
    zh = f"周一至周五 {morning}—{noon}，{afternoon}—{close}"
    en = f"Monday to Friday {morning}–{noon} and {afternoon}–{close}"
    if summer_afternoon:
        zh += f"（5月1日至9月30日下午{summer_afternoon}开始）"
        en += f" (afternoons start at {summer_afternoon} from 1 May to 30 September)"
    if saturday:
        zh += "；周六 9:00—12:00 办理身份证、社保、医保、公积金等高频事项"
        en += "; Saturday 9:00–12:00 for ID cards, social insurance, medical insurance and housing fund services"
    zh += "；法定节假日休息。"
    en += "; closed on public holidays."
    return zh, en


def hall_read(value, at):
    """The ServiceHall row of a hall entry (its region still a code)."""
    entry = mapping(
        value,
        at,
        required=("slug", "name", "region", "address", "phone", "transport"),
        optional=("hours", "facilities"),
    )
    name, address, transport = (text(entry[key], at / key) for key in ("name", "address", "transport"))
    changes = mapping(entry.get("hours", {}), at / "hours", optional=HOURS_ARGUMENTS)
    opening = hours(**{key: scalar(item, at / "hours" / key, HOURS_ARGUMENTS[key]) for key, item in changes.items()})
    facilities = names(entry.get("facilities", list(FACILITIES)), at / "facilities", known=FACILITIES)
    return {
        "slug": scalar(entry["slug"], at / "slug"),
        "name_zh": name[0],
        "name_en": name[1],
        "region": scalar(entry["region"], at / "region"),
        "address_zh": address[0],
        "address_en": address[1],
        "phone": scalar(entry["phone"], at / "phone"),
        "opening_hours_zh": opening[0],
        "opening_hours_en": opening[1],
        "transport_zh": transport[0],
        "transport_en": transport[1],
        **{facility: facility in facilities for facility in FACILITIES},
    }


def halls_read(path):
    data, at = read(path)
    return [hall_read(entry, at / index) for index, entry in enumerate(sequence(data, at))]


HALLS = halls_read(DATA_DIR / "halls.yaml")
PROVINCIAL_HALL = "shandong-provincial-service-centre"
