"""Reading a hall's opening hours, which editors write as free text in Chinese (and English), such as

    周一至周五 9:00—12:00，13:30—17:00（5月1日至9月30日下午14:00开始）；周六 9:00—12:00；法定节假日休息。
    Monday to Friday 9:00–12:00 and 13:30–17:00 (afternoons start at 14:00 from 1 May to 30 September)

into the weekly periods slots are generated from. The Chinese text is read first; the English one when
the Chinese gives nothing. Text it cannot read gives no periods (and no slots): staff then see that the
hall has no slots rather than slots at invented times. Public holidays are not known here: staff close
those days by setting their slots' places to 0."""

import re
from dataclasses import dataclass, field
from datetime import date, time

ZH_DAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
EN_DAYS = {
    name: n for n, name in enumerate(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])
}
EN_MONTHS = {
    name: n
    for n, name in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],
        start=1,
    )
}
DASH = r"\s*(?:[—–\-~～]+|至|到|to)\s*"
TIME = r"(\d{1,2})[:：](\d{2})"
TIME_RANGE = re.compile(TIME + DASH + TIME)
ZH_DAY_SPEC = re.compile(r"周([一二三四五六日天])(?:" + DASH + r"周([一二三四五六日天]))?")
EN_DAY_SPEC = re.compile(
    r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?\b(?:"
    + DASH
    + r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b)?",
    re.IGNORECASE,
)
ZH_SUMMER = re.compile(r"(\d{1,2})月(\d{1,2})日" + DASH + r"(\d{1,2})月(\d{1,2})日下午" + TIME + "开始")
EN_SUMMER = re.compile(
    r"afternoons? start(?:s)? at " + TIME + r" from (\d{1,2}) (\w+)" + DASH + r"(\d{1,2}) (\w+)", re.IGNORECASE
)
CLAUSE_SPLIT = re.compile(r"[；;\n。]")


@dataclass
class OpeningHours:
    weekly: dict = field(default_factory=dict)  # weekday (Monday 0) -> [(time, time), ...]
    summer: tuple | None = None  # ((month, day), (month, day), afternoon start time)

    def __bool__(self):
        return any(self.weekly.values())

    def periods_on(self, day: date):
        """The opening periods on `day`: [(start, end)], with summer afternoons applied."""
        periods = list(self.weekly.get(day.weekday(), []))
        if self.summer:
            (m1, d1), (m2, d2), afternoon = self.summer
            if (m1, d1) <= (day.month, day.day) <= (m2, d2):
                periods = [(max(start, afternoon) if start >= time(12) else start, end) for start, end in periods]
        return [(start, end) for start, end in periods if end > start]


def _time(hours, minutes):
    hours, minutes = int(hours), int(minutes)
    if hours > 23 or minutes > 59:
        return None
    return time(hours, minutes)


def _days(clause, english):
    days = []
    pattern, names = (EN_DAY_SPEC, EN_DAYS) if english else (ZH_DAY_SPEC, ZH_DAYS)
    for match in pattern.finditer(clause):
        first = names[match.group(1).lower()]
        last = names[match.group(2).lower()] if match.group(2) else first
        days.extend(range(first, last + 1) if last >= first else [first])
    if not days and (re.search(r"每天|每日", clause) or re.search(r"\bevery day\b", clause, re.IGNORECASE)):
        days = list(range(7))
    if not days and (re.search(r"工作日", clause) or re.search(r"\bweekdays\b", clause, re.IGNORECASE)):
        days = list(range(5))
    return days


def _without_notes(clause):
    return re.sub(r"[（(][^）)]*[）)]", " ", clause)


def _summer(text, english):
    match = (EN_SUMMER if english else ZH_SUMMER).search(text)
    if not match:
        return None
    if english:
        hours, minutes, d1, month1, d2, month2 = match.groups()
        m1, m2 = EN_MONTHS.get(month1.lower()), EN_MONTHS.get(month2.lower())
        if not (m1 and m2):
            return None
    else:
        m1, d1, m2, d2, hours, minutes = match.groups()
    start = _time(hours, minutes)
    return ((int(m1), int(d1)), (int(m2), int(d2)), start) if start else None


def parse_text(text, english=False):
    hours = OpeningHours()
    for clause in CLAUSE_SPLIT.split(text or ""):
        plain = _without_notes(clause)
        days = _days(plain, english)
        periods = [(_time(*m.groups()[:2]), _time(*m.groups()[2:])) for m in TIME_RANGE.finditer(plain)]
        periods = [(start, end) for start, end in periods if start and end and end > start]
        if not days or not periods:
            continue
        for day in days:
            hours.weekly.setdefault(day, [])
            hours.weekly[day] = sorted(set(hours.weekly[day]) | set(periods))
    if hours:
        hours.summer = _summer(text or "", english)
    return hours


def hall_opening_hours(hall):
    """The hall's weekly opening periods, from its Chinese text or else its English one."""
    return parse_text(hall.opening_hours_zh) or parse_text(hall.opening_hours_en, english=True)
