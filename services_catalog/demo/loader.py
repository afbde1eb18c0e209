"""Load the demo catalogue: regions, departments, life events, halls and every service in both languages.

Idempotent: rows are found again by their natural keys (region code, department code, slug, service
code) and a service page is only written through `service_page_upsert` when what is stored differs
from the demo data, so a second run changes nothing and creates no new revisions.
"""

import logging
import time
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.db.models import Model, Prefetch

from accessibility.services import statement_page_ensure

from ..models import (
    MATERIAL_FACTS,
    Department,
    LifeEvent,
    Region,
    RegionLevel,
    ServiceFAQ,
    ServiceHall,
    ServiceMaterial,
    ServicePage,
)
from ..services import service_page_upsert, site_tree_ensure
from .catalogue import all_services
from .departments import DEPARTMENTS
from .halls import HALLS, PROVINCIAL_HALL
from .indexing import deferred_indexing, pages_index, snippets_index
from .life_events import LIFE_EVENTS
from .regions import CITIES, DISTRICTS, PROVINCE

BATCH_SIZE = 20  # services (two pages each) per transaction
DISTRICT_HALL_POPULARITY = 5000  # services at least this common are offered at district halls too

# The page fields a spec sets besides title and slug, in a fixed order; department is compared by id.
PAGE_FIELDS = [
    "service_code",
    "audience",
    "summary",
    "eligibility",
    "is_free",
    "fee_description",
    "legal_time_limit_days",
    "promised_time_limit_days",
    "in_person_visits",
    "legal_basis",
    "online",
    "in_person",
    "proxy_allowed",
    "flow_key",
    "popularity",
]


@dataclass
class LoadResult:
    counts: dict = field(default_factory=dict)
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    seconds: float = 0.0

    def summary(self):
        counts = self.counts
        return (
            f"Demo data: {counts['provinces']} province, {counts['cities']} cities, {counts['districts']} districts, "
            f"{counts['departments']} departments, {counts['life_events']} life events, "
            f"{counts['halls']} service halls, {counts['services_zh']} services in Chinese and "
            f"{counts['services_en']} in English (pages: {self.created} created, {self.updated} updated, "
            f"{self.unchanged} unchanged) in {self.seconds:.1f} s."
        )


@contextmanager
def quiet_wagtail_logging():
    """Wagtail logs every page created, edited and published at INFO; hundreds of lines say nothing."""
    logger = logging.getLogger("wagtail")
    previous = logger.level
    logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        logger.setLevel(previous)


def _differs(obj, row):
    for name, value in row.items():
        if isinstance(value, Model) or (value is None and name in ("parent", "region")):
            if getattr(obj, f"{name}_id") != (value.pk if value is not None else None):
                return True
        elif getattr(obj, name) != value:
            return True
    return False


def _upsert_rows(model, key, rows):
    """Create or update snippet rows by their natural key; rows already identical are not written.
    Written rows are indexed for search once, in bulk."""
    existing = {getattr(obj, key): obj for obj in model.objects.filter(**{f"{key}__in": [row[key] for row in rows]})}
    result, written = {}, []
    with deferred_indexing():
        for row in rows:
            obj = existing.get(row[key])
            if obj is None or _differs(obj, row):
                obj = obj or model()
                for name, value in row.items():
                    setattr(obj, name, value)
                obj.full_clean()
                obj.save()
                written.append(obj)
            result[row[key]] = obj
    snippets_index(model, written)
    return result


def regions_ensure():
    province = _upsert_rows(Region, "code", [{**PROVINCE, "level": RegionLevel.PROVINCE, "parent": None}])
    province = province[PROVINCE["code"]]
    cities = _upsert_rows(
        Region,
        "code",
        [
            {"code": code, "level": RegionLevel.CITY, "parent": province, "name_zh": name_zh, "name_en": name_en}
            for code, name_zh, name_en, _districts in CITIES
        ],
    )
    districts = _upsert_rows(
        Region,
        "code",
        [
            {
                "code": code,
                "level": RegionLevel.DISTRICT,
                "parent": cities[city_code],
                "name_zh": name_zh,
                "name_en": name_en,
            }
            for code, city_code, name_zh, name_en in DISTRICTS
        ],
    )
    return {province.code: province, **cities, **districts}


def departments_ensure():
    rows = [
        {key: value for key, value in department.items() if key != "abbr"} | {"sort_order": (index + 1) * 10}
        for index, department in enumerate(DEPARTMENTS)
    ]
    return _upsert_rows(Department, "code", rows)


def life_events_ensure():
    rows = [event | {"sort_order": (index + 1) * 10} for index, event in enumerate(LIFE_EVENTS)]
    return _upsert_rows(LifeEvent, "slug", rows)


def halls_ensure(regions):
    rows = [{**hall, "region": regions[hall["region"]]} for hall in HALLS]
    _upsert_rows(ServiceHall, "slug", rows)
    # Read back with their regions: halls_for and the page relations (ordered by region code) use them.
    halls = ServiceHall.objects.filter(slug__in=[hall["slug"] for hall in HALLS]).select_related("region__parent")
    return {hall.slug: hall for hall in halls}


def halls_for(spec, halls):
    """Where to apply in person: the provincial hall for provincial approvals; otherwise the city halls of
    the cities the service is offered in (all of them for a province-wide service), and the district halls
    there too for the common services, which districts handle themselves."""
    if not spec.in_person:
        return []
    if spec.handled_at == "province":
        return [halls[PROVINCIAL_HALL]]
    province_wide = PROVINCE["code"] in spec.regions
    chosen = []
    for slug, hall in halls.items():
        if slug == PROVINCIAL_HALL:
            continue
        at_district = hall.region.level == RegionLevel.DISTRICT
        if at_district and spec.popularity < DISTRICT_HALL_POPULARITY:
            continue
        city = hall.region.parent if at_district else hall.region
        if province_wide or city.code in spec.regions:
            chosen.append(hall)
    return chosen


def desired_state(spec, language, *, department, regions, halls, life_events, translation_key=None):
    fields = spec.page_fields(language)
    return (
        fields["title"],
        fields["slug"],
        True,
        False,
        translation_key,
        department.pk,
        tuple(fields[name] for name in PAGE_FIELDS),
        tuple(sorted(region.pk for region in regions)),
        tuple(sorted(hall.pk for hall in halls)),
        tuple(sorted(event.pk for event in life_events)),
        tuple(tuple(row[name] for name in MATERIAL_FACTS) for row in fields["materials"]),
        tuple((row["question"], row["answer"]) for row in fields["faqs"]),
    )


def stored_state(page, *, with_translation_key):
    return (
        page.title,
        page.slug,
        page.live,
        page.has_unpublished_changes,
        page.translation_key if with_translation_key else None,
        page.department_id,
        tuple(getattr(page, name) for name in PAGE_FIELDS),
        tuple(sorted(region.pk for region in page.regions.all())),
        tuple(sorted(hall.pk for hall in page.halls.all())),
        tuple(sorted(event.pk for event in page.life_events.all())),
        tuple(tuple(getattr(row, name) for name in MATERIAL_FACTS) for row in page.materials.all()),
        tuple((row.question, row.answer) for row in page.faqs.all()),
    )


def existing_pages(codes):
    """{(service_code, language_code): page} with everything stored_state reads, in a few queries."""
    pages = (
        ServicePage.objects.filter(service_code__in=codes)
        .select_related("locale")
        .prefetch_related(
            "regions",
            "halls",
            "life_events",
            Prefetch("materials", queryset=ServiceMaterial.objects.order_by("sort_order")),
            Prefetch("faqs", queryset=ServiceFAQ.objects.order_by("sort_order")),
        )
    )
    return {(page.service_code, page.locale.language_code): page for page in pages}


def services_ensure(trees, *, regions, departments, life_events, halls, result, progress=None):
    specs = all_services()
    default_language = settings.LANGUAGES[0][0]
    other_languages = [code for code, _name in settings.LANGUAGES[1:]]
    for start in range(0, len(specs), BATCH_SIZE):
        batch = specs[start : start + BATCH_SIZE]
        stored = existing_pages([spec.code for spec in batch])
        written = set()
        with transaction.atomic():
            with deferred_indexing():
                for spec in batch:
                    relations = {
                        "department": departments[spec.department],
                        "regions": [regions[code] for code in spec.regions],
                        "halls": halls_for(spec, halls),
                        "life_events": [life_events[slug] for slug in spec.life_events],
                    }
                    zh_page = _page_ensure(spec, default_language, trees, stored, relations, result, written)
                    for language in other_languages:
                        _page_ensure(spec, language, trees, stored, relations, result, written, translation_of=zh_page)
            pages_index(written)
        if progress:
            progress(min(start + BATCH_SIZE, len(specs)), len(specs))
    return specs


def _page_ensure(spec, language, trees, stored, relations, result, written_ids, translation_of=None):
    page = stored.get((spec.code, language))
    translation_key = translation_of.translation_key if translation_of is not None else None
    if page is not None:
        want = desired_state(spec, language, translation_key=translation_key, **relations)
        have = stored_state(page, with_translation_key=translation_of is not None)
        if want == have:
            result.unchanged += 1
            return page
    fields = spec.page_fields(language)
    materials, faqs = fields.pop("materials"), fields.pop("faqs")
    title, slug = fields.pop("title"), fields.pop("slug")
    page_written = service_page_upsert(
        tree=trees[language],
        title=title,
        slug=slug,
        materials=materials,
        faqs=faqs,
        regions=relations["regions"],
        halls=relations["halls"],
        life_events=relations["life_events"],
        translation_of=translation_of,
        department=relations["department"],
        **fields,
    )
    if page is None:
        result.created += 1
    else:
        result.updated += 1
    written_ids.add(page_written.pk)
    return page_written


def load_demo(progress=None):
    """Load everything; returns a LoadResult with the counts and what was written."""
    started = time.monotonic()
    result = LoadResult()
    default_language = settings.LANGUAGES[0][0]
    with quiet_wagtail_logging():
        trees = site_tree_ensure()
        statement_page_ensure(trees=trees)
        with transaction.atomic():
            regions = regions_ensure()
            departments = departments_ensure()
            life_events = life_events_ensure()
            halls = halls_ensure(regions)
        specs = services_ensure(
            trees,
            regions=regions,
            departments=departments,
            life_events=life_events,
            halls=halls,
            result=result,
            progress=progress,
        )
    codes = [spec.code for spec in specs]
    services = ServicePage.objects.filter(service_code__in=codes)
    result.counts = {
        "provinces": 1,
        "cities": len(CITIES),
        "districts": len(DISTRICTS),
        "departments": len(departments),
        "life_events": len(life_events),
        "halls": len(halls),
        "services_zh": services.filter(locale=trees[default_language].locale).count(),
        "services_en": services.filter(locale=trees["en"].locale).count(),
    }
    result.seconds = time.monotonic() - started
    return result
