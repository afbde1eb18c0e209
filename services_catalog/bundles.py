"""一件事一次办: life-event bundles built from existing services (models.Bundle).

A bundle is published as versions, like application flows: each save that changes what it says stores a new
BundleVersion, and citizens see the newest. Its facts are its member services' own (the service pages are the one
source): the materials merged by their code (一套材料: a document two services need is listed once), the combined
time limit (the slowest member's promised limit), the most visits any member needs, and the halls that offer every
member.

The catalogue imports nothing of the application engine: what a member's flow asks is read from its stored
definition (models.flow_fields).
"""

import hashlib
import json
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from . import search_text
from .models import BundleInclusion, BundleVersion, ServicePage, flow_fields


def _text(zh, en):
    return {"zh-hans": zh or "", "en": en or ""}


def _targets(text):
    """[(service code, question key)] from the editor's lines "370000-GA-0102 baby_name"."""
    targets = []
    for line in (text or "").splitlines():
        parts = line.split()
        if parts:
            targets.append((parts[0], parts[1] if len(parts) > 1 else ""))
    return targets


def bundle_definition(bundle):
    """The definition dict of a bundle as the editor left it (its members and shared questions, in order)."""
    return {
        "slug": bundle.slug,
        "name": _text(bundle.name_zh, bundle.name_en),
        "summary": _text(bundle.summary_zh, bundle.summary_en),
        "who": _text(bundle.who_zh, bundle.who_en),
        "keywords": _text(bundle.keywords_zh, bundle.keywords_en),
        "life_event": bundle.life_event.slug if bundle.life_event_id else "",
        "members": [
            {
                "service_code": member.service_code.strip(),
                "optional": member.inclusion == BundleInclusion.OPTIONAL,
                "condition": _text(member.condition_zh, member.condition_en),
            }
            for member in bundle.members.all()
        ],
        "questions": [
            {
                "key": question.key,
                "type": question.type.strip(),
                "label": _text(question.label_zh, question.label_en),
                "targets": [{"service_code": code, "field": key} for code, key in _targets(question.targets)],
            }
            for question in bundle.shared_questions.all()
        ],
    }


def bundle_problems(definition):
    """What is wrong with a bundle's definition, as messages; empty when it can be published."""
    problems = []
    members = definition["members"]
    codes = [member["service_code"] for member in members]
    if len(members) < 2:
        problems.append(_("A bundle needs at least two services."))
    if members and all(member["optional"] for member in members):
        problems.append(_("At least one service of a bundle must always be included."))
    for code in sorted({code for code in codes if codes.count(code) > 1}):
        problems.append(_("The service %(code)s is in the bundle twice.") % {"code": code})
    pages = {page.service_code: page for page in ServicePage.objects.live().filter(service_code__in=codes)}
    for code in dict.fromkeys(codes):
        if code not in pages:
            problems.append(_("There is no published service with the code %(code)s.") % {"code": code})
    seen = set()
    for question in definition["questions"]:
        key = question["key"]
        if key in seen:
            problems.append(_("Two shared questions have the key “%(key)s”.") % {"key": key})
        seen.add(key)
        if not question["targets"]:
            problems.append(_("The shared question “%(key)s” names no question of a member flow.") % {"key": key})
        for target in question["targets"]:
            problems.extend(_target_problems(question, target, pages))
    return [str(problem) for problem in problems]


def _target_problems(question, target, pages):
    code, field_key = target["service_code"], target["field"]
    names = {"key": question["key"], "code": code, "field": field_key}
    page = pages.get(code)
    if page is None:
        return [_("The shared question “%(key)s” names %(code)s, which is not a service of the bundle.") % names]
    if not (page.online and page.flow_key):
        return [_("The shared question “%(key)s” names %(code)s, which has no online application.") % names]
    field_type = flow_fields(page.flow_key).get(field_key)
    if field_type is None:
        return [_("The application flow of %(code)s has no question “%(field)s” (shared question “%(key)s”).") % names]
    if field_type != question["type"]:
        return [
            _(
                "The question “%(field)s” of %(code)s is of the type “%(found)s”, not “%(type)s” (shared question "
                "“%(key)s”)."
            )
            % {**names, "found": field_type, "type": question["type"]}
        ]
    return []


def _hash(definition):
    return hashlib.sha256(json.dumps(definition, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def bundle_publish(*, bundle, actor=None):
    """Store the bundle as it is now as its newest version, unless the newest already says the same; raises
    ValidationError with the problems. Applications started on a version keep it."""
    definition = bundle_definition(bundle)
    problems = bundle_problems(definition)
    if problems:
        raise ValidationError(problems)
    digest = _hash(definition)
    with transaction.atomic():
        latest = BundleVersion.objects.select_for_update().filter(bundle=bundle).order_by("-number").first()
        if latest and latest.definition_hash == digest:
            return latest, False
        version = BundleVersion.objects.create(
            bundle=bundle,
            number=(latest.number + 1) if latest else 1,
            definition=definition,
            definition_hash=digest,
            created_by=actor,
        )
    return version, True


def bundle_current(slug):
    """The newest published version of the bundle `slug`, or None."""
    return BundleVersion.objects.filter(bundle__slug=slug).select_related("bundle").order_by("-number").first()


def bundles_current():
    """The newest version of every published bundle, in the editors' order (two queries)."""
    newest = {}
    versions = BundleVersion.objects.select_related("bundle").order_by("bundle__sort_order", "bundle__slug", "-number")
    for version in versions:
        newest.setdefault(version.bundle_id, version)
    return list(newest.values())


# What the bundle page tells once ------------------------------------------------------------------------------


@dataclass
class MergedMaterial:
    """One document the bundle needs, however many of its services ask for it (by the material's code)."""

    material: object  # the first ServiceMaterial that asks for it
    services: list = field(default_factory=list)  # the titles of the services that need it


@dataclass
class BundleMember:
    page: ServicePage
    optional: bool
    condition: str


@dataclass
class BundleFacts:
    members: list
    materials: list
    promised_days: int
    visits: int
    departments: list
    halls: list
    halls_offer_all: bool  # every hall listed offers every member that is applied for in person (一窗受理)

    @property
    def all_online(self):
        return all(member.page.online for member in self.members)


def bundle_facts(version, language):
    """What the bundle page says, read from the member services' pages in `language` (or Chinese where a page has no
    translation): a fixed number of queries, whatever the number of members."""
    definition = version.definition
    codes = [member["service_code"] for member in definition["members"]]
    pages = {}
    queryset = (
        ServicePage.objects.live()
        .filter(service_code__in=codes)
        .select_related("department", "locale")
        .prefetch_related("materials", "halls")
    )
    for page in queryset:
        if page.locale.language_code == language or page.service_code not in pages:
            pages[page.service_code] = page
    members = [
        BundleMember(
            page=pages[member["service_code"]],
            optional=member["optional"],
            condition=localised(member["condition"], language),
        )
        for member in definition["members"]
        if member["service_code"] in pages
    ]
    materials = {}
    for member in members:
        for material in member.page.materials.all():
            key = material.code or f"{member.page.service_code}:{material.pk}"
            merged = materials.setdefault(key, MergedMaterial(material=material))
            merged.services.append(member.page.title)
    hall_sets = [{hall.pk: hall for hall in member.page.halls.all()} for member in members if member.page.in_person]
    shared = set.intersection(*(set(halls) for halls in hall_sets)) if hall_sets else set()
    every_hall = {pk: hall for halls in hall_sets for pk, hall in halls.items()}
    halls = sorted((every_hall[pk] for pk in (shared or every_hall)), key=lambda hall: hall.name_zh)
    departments = list(dict.fromkeys(member.page.department for member in members))
    return BundleFacts(
        members=members,
        materials=list(materials.values()),
        promised_days=max((member.page.promised_time_limit_days for member in members), default=0),
        visits=max((member.page.in_person_visits for member in members), default=0),
        departments=departments,
        halls=halls,
        halls_offer_all=bool(shared),
    )


def localised(text, language):
    """Bundle text ({language: text}) in `language`, else in Chinese."""
    if isinstance(text, dict):
        return text.get(language) or text.get("zh-hans") or ""
    return text or ""


# Search: a query that describes a life event finds its bundle first -------------------------------------------


def bundles_matching(query):
    """The bundles whose name, summary or the words people use say every concept of `query`, in either language."""
    analysed = search_text.analyse(query)
    if not analysed.concepts:
        return []
    found = []
    for version in bundles_current():
        definition = version.definition
        said = " ".join(
            localised(definition[part], language)
            for part in ("name", "summary", "keywords")
            for language in ("zh-hans", "en")
        )
        words = set(search_text.index_text(said).split())
        if all(any(set(variant) <= words for variant in concept.variants) for concept in analysed.concepts):
            found.append(version)
    return found


def bundles_found(query, *, language):
    """The bundles a search for `query` shows first, as {slug, name, summary} in `language`."""
    return [
        {
            "slug": version.definition["slug"],
            "name": localised(version.definition["name"], language),
            "summary": localised(version.definition["summary"], language),
        }
        for version in bundles_matching(query)
    ]
