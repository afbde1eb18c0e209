"""A large synthetic catalogue for benchmarks (`manage.py generate_catalogue --services 5000`).

Each generated service is one of the demo services as a county or district offers it ("济南市历下区居民身份证
换领", "Resident ID card renewal (Lixia District, Jinan)"), so titles, summaries, materials and FAQs are
made of the same real words people search for. Service codes are GEN-00001, GEN-00002, …; the choice
of service and place for each code depends only on the seed, so a second run with the same arguments
finds every page as it should be and writes nothing, a larger --services adds codes, a smaller one
removes the codes above it.

Writing 10,000 pages one at a time through services.service_page_upsert takes about a second per
service pair, so this module writes them in bulk instead, producing the same result: for each service a
live Chinese page and its English translation (same translation_key) as children of the two catalogue
pages, with correct tree paths, URL paths and child counts, the department, regions, halls and life
events, materials and FAQs, one published revision each (latest and live), a search index entry each
(the configured backends' own bulk add) and the page cache emptied once. Not written: page log entries
and the reference index (`manage.py rebuild_references_index` fills it in if the admin's usage counts
are wanted for generated pages).
"""

import random
import time
import uuid
from dataclasses import dataclass, replace

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import Prefetch
from django.utils import timezone
from wagtail.models import Page, Revision
from wagtail.models.pages import COMMENTS_RELATION_NAME

from ..models import ServiceFAQ, ServiceMaterial, ServicePage
from ..page_cache import invalidate_catalogue
from ..services import site_tree_ensure
from .catalogue import all_services
from .indexing import pages_index
from .loader import (
    departments_ensure,
    desired_state,
    halls_ensure,
    halls_for,
    life_events_ensure,
    quiet_wagtail_logging,
    regions_ensure,
    stored_state,
)
from .regions import CITY_NAMES, DISTRICTS
from .spec import slugify_en

PREFIX = "GEN-"
BATCH_SIZE = 250  # services (two pages each) per transaction
READ_CHUNK = 1000


@dataclass
class GenerateResult:
    created: int = 0
    rebuilt: int = 0
    unchanged: int = 0
    removed: int = 0
    seconds: float = 0.0

    def summary(self, count):
        return (
            f"Generated catalogue: {count} services ({PREFIX}*) in Chinese and English; {self.created} created "
            f"({self.rebuilt} of them rebuilt), {self.unchanged} unchanged, {self.removed} removed, "
            f"in {self.seconds:.1f} s."
        )


def max_services():
    return len(all_services()) * len(DISTRICTS)


def generated_specs(count, seed):
    """The first `count` generated services for `seed`: demo services placed in districts and counties."""
    templates = all_services()
    pairs = [(template, place) for template in range(len(templates)) for place in range(len(DISTRICTS))]
    random.Random(seed).shuffle(pairs)  # noqa: S311 (repeatable benchmark data, not security)
    if count > len(pairs):
        raise ValueError(f"At most {len(pairs)} services can be generated.")
    specs = []
    for number, (template_index, place_index) in enumerate(pairs[:count], 1):
        template = templates[template_index]
        district_code, city_code, district_zh, district_en = DISTRICTS[place_index]
        city_zh, city_en = CITY_NAMES[city_code]
        place_zh = district_zh if district_zh.endswith("市") else f"{city_zh}{district_zh}"
        place_en = f"{district_en}, {city_en}"
        rng = random.Random(f"{seed}:{number}")  # noqa: S311 (repeatable benchmark data, not security)
        specs.append(
            replace(
                template,
                code=f"{PREFIX}{number:05d}",
                title_zh=f"{place_zh}{template.title_zh}",
                title_en=f"{template.title_en} ({place_en})",
                summary_zh=f"{template.summary_zh}本事项由{place_zh}受理。",
                summary_en=f"{template.summary_en} This service is handled in {place_en}.",
                regions=(city_code,),
                handled_at="local",
                promised_time_limit_days=rng.randint(0, template.promised_time_limit_days),
                popularity=rng.randint(1, max(2, template.popularity // 20)),
                slug=slugify_en(f"{template.title_en} {district_en} {city_en} {district_code}"),
            )
        )
    return specs


def _stored_generated_pages(codes):
    """{(code, language): page} for these generated codes, read in chunks with what stored_state reads."""
    stored = {}
    for start in range(0, len(codes), READ_CHUNK):
        chunk = codes[start : start + READ_CHUNK]
        pages = (
            ServicePage.objects.filter(service_code__in=chunk)
            .select_related("locale")
            .prefetch_related(
                "regions",
                "halls",
                "life_events",
                Prefetch("materials", queryset=ServiceMaterial.objects.order_by("sort_order")),
                Prefetch("faqs", queryset=ServiceFAQ.objects.order_by("sort_order")),
            )
        )
        stored.update({(page.service_code, page.locale.language_code): page for page in pages})
    return stored


def _pages_delete(page_ids):
    page_ids = list(page_ids)
    for start in range(0, len(page_ids), READ_CHUNK):
        Page.objects.filter(pk__in=page_ids[start : start + READ_CHUNK]).delete()


class _TreeAppender:
    """Hands out tree paths for new children of one parent page, after its current last child."""

    def __init__(self, parent):
        self.parent = parent
        self.depth = parent.depth + 1
        last = (
            Page.objects.filter(path__startswith=parent.path, depth=self.depth)
            .order_by("-path")
            .values_list("path", flat=True)
            .first()
        )
        self.step = Page._str2int(last[-Page.steplen :]) if last else 0

    def next_path(self):
        self.step += 1
        return Page._get_path(self.parent.path, self.depth, self.step)

    def refresh_numchild(self):
        children = Page.objects.filter(path__startswith=self.parent.path, depth=self.depth).count()
        Page.objects.filter(pk=self.parent.pk).update(numchild=children)


def _build_page(spec, language, tree, appender, relations, translation_key, now, content_type):
    fields = spec.page_fields(language)
    materials, faqs = fields.pop("materials"), fields.pop("faqs")
    title, slug = fields.pop("title"), fields.pop("slug")
    page = ServicePage(
        title=title,
        draft_title=title,
        slug=slug,
        content_type=content_type,
        locale=tree.locale,
        translation_key=translation_key,
        path=appender.next_path(),
        depth=appender.depth,
        numchild=0,
        url_path=f"{tree.catalogue.url_path}{slug}/",
        live=True,
        has_unpublished_changes=False,
        first_published_at=now,
        last_published_at=now,
        latest_revision_created_at=now,
        department=relations["department"],
        **fields,
    )
    # In memory only, for the revision's content; the rows are inserted in bulk below.
    page.regions.set(relations["regions"])
    page.halls.set(relations["halls"])
    page.life_events.set(relations["life_events"])
    page.materials = [ServiceMaterial(sort_order=index, **row) for index, row in enumerate(materials)]
    page.faqs = [ServiceFAQ(sort_order=index, **row) for index, row in enumerate(faqs)]
    setattr(page, COMMENTS_RELATION_NAME, [])
    return page


def _pages_insert(pages, now):
    """Insert fully built ServicePage objects: page rows, service page rows, relations, revisions."""
    page_content_type = ContentType.objects.get_for_model(Page)
    service_content_type = ContentType.objects.get_for_model(ServicePage)
    base_fields = [field for field in Page._meta.concrete_fields if not field.primary_key]
    bases = [Page(**{field.attname: getattr(page, field.attname) for field in base_fields}) for page in pages]
    Page.objects.bulk_create(bases)
    for page, base in zip(pages, bases, strict=True):
        page.pk = page.id = page.page_ptr_id = base.pk
    # bulk_create refuses multi-table models, so the ServicePage rows (page_ptr and its own columns) go in
    # through the insert that bulk_create itself uses.
    local_fields = list(ServicePage._meta.local_concrete_fields)
    batch = max(1, connection.ops.bulk_batch_size(local_fields, pages))
    for start in range(0, len(pages), batch):
        ServicePage._base_manager._insert(pages[start : start + batch], fields=local_fields)

    regions_through = ServicePage.regions.through
    halls_through = ServicePage.halls.through
    events_through = ServicePage.life_events.through
    regions_through.objects.bulk_create(
        [
            regions_through(servicepage_id=page.pk, region_id=region.pk)
            for page in pages
            for region in page.regions.all()
        ]
    )
    halls_through.objects.bulk_create(
        [halls_through(servicepage_id=page.pk, servicehall_id=hall.pk) for page in pages for hall in page.halls.all()]
    )
    events_through.objects.bulk_create(
        [
            events_through(servicepage_id=page.pk, lifeevent_id=event.pk)
            for page in pages
            for event in page.life_events.all()
        ]
    )
    materials, faqs = [], []
    for page in pages:
        for row in page.materials.all():
            row.page_id = page.pk
            materials.append(row)
        for row in page.faqs.all():
            row.page_id = page.pk
            faqs.append(row)
    ServiceMaterial.objects.bulk_create(materials)
    ServiceFAQ.objects.bulk_create(faqs)

    revisions = [
        Revision(
            content_type=service_content_type,
            base_content_type=page_content_type,
            object_id=str(page.pk),
            created_at=now,
            object_str=page.title,
            content=page.serializable_data(),
        )
        for page in pages
    ]
    Revision.objects.bulk_create(revisions)
    for base, revision in zip(bases, revisions, strict=True):
        base.latest_revision_id = base.live_revision_id = revision.pk
    Page.objects.bulk_update(bases, ["latest_revision", "live_revision"], batch_size=500)


def catalogue_generate(count, seed=0, progress=None):
    started = time.monotonic()
    result = GenerateResult()
    languages = [code for code, _name in settings.LANGUAGES]
    with quiet_wagtail_logging():
        trees = site_tree_ensure()
        with transaction.atomic():
            regions = regions_ensure()
            departments = departments_ensure()
            life_events = life_events_ensure()
            halls = halls_ensure(regions)

    specs = generated_specs(count, seed)
    wanted = {spec.code for spec in specs}
    existing_codes = sorted(
        set(ServicePage.objects.filter(service_code__startswith=PREFIX).values_list("service_code", flat=True))
    )
    stored = _stored_generated_pages(existing_codes)
    relations_by_code = {}
    to_delete, to_create = set(), []
    for spec in specs:
        relations = {
            "department": departments[spec.department],
            "regions": [regions[code] for code in spec.regions],
            "halls": halls_for(spec, halls),
            "life_events": [life_events[slug] for slug in spec.life_events],
        }
        relations_by_code[spec.code] = relations
        pages = [stored.get((spec.code, language)) for language in languages]
        if all(pages) and all(
            stored_state(page, with_translation_key=True)
            == desired_state(spec, language, translation_key=pages[0].translation_key, **relations)
            for page, language in zip(pages, languages, strict=True)
        ):
            result.unchanged += 1
            continue
        if any(pages):  # there, but not as it should be: built again
            result.rebuilt += 1
            to_delete.update(page.pk for page in pages if page)
        to_create.append(spec)
    removed_codes = {code for code, _language in stored if code not in wanted}
    to_delete.update(page.pk for (code, _language), page in stored.items() if code in removed_codes)
    result.removed = len(removed_codes)

    with quiet_wagtail_logging(), transaction.atomic():
        _pages_delete(to_delete)

    content_type = ContentType.objects.get_for_model(ServicePage)
    appenders = {language: _TreeAppender(trees[language].catalogue) for language in languages}
    for start in range(0, len(to_create), BATCH_SIZE):
        batch = to_create[start : start + BATCH_SIZE]
        now = timezone.now()
        pages = []
        for spec in batch:
            translation_key = uuid.uuid4()
            for language in languages:
                pages.append(
                    _build_page(
                        spec,
                        language,
                        trees[language],
                        appenders[language],
                        relations_by_code[spec.code],
                        translation_key,
                        now,
                        content_type,
                    )
                )
        with transaction.atomic():
            _pages_insert(pages, now)
            pages_index([page.pk for page in pages], references=False)
        result.created += len(batch)
        if progress:
            progress(min(start + BATCH_SIZE, len(to_create)), len(to_create))
    for appender in appenders.values():
        appender.refresh_numchild()
    invalidate_catalogue()
    result.seconds = time.monotonic() - started
    return result
