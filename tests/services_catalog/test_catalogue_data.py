"""The demo catalogue's data files (services_catalog/demo/data/*.yaml): each one is read and checked, a mistake
is refused with its file and key, and load_demo loads exactly what the files hold."""

from io import StringIO

import pytest
import yaml
from django.core.management import call_command

from services_catalog.demo.bundles import bundles_read
from services_catalog.demo.catalogue import SERVICES_DIR, all_services, department_services
from services_catalog.demo.datafile import DATA_DIR, DataError
from services_catalog.demo.departments import departments_read
from services_catalog.demo.halls import halls_read
from services_catalog.demo.laws import laws_read
from services_catalog.demo.life_events import life_events_read
from services_catalog.demo.materials import materials_read
from services_catalog.demo.regions import regions_read
from services_catalog.models import Department, ServicePage

READERS = {
    "bundles.yaml": bundles_read,
    "departments.yaml": departments_read,
    "halls.yaml": halls_read,
    "laws.yaml": laws_read,
    "life_events.yaml": life_events_read,
    "materials.yaml": materials_read,
    "regions.yaml": regions_read,
}
SERVICE_FILES = sorted(SERVICES_DIR.glob("*.yaml"))

# One service, as small as a department file can hold; the tests below spoil it one key at a time.
VALID = """\
services:
  - code: MZ-0901
    title: {zh: 测试登记, en: Test registration}
    summary: {zh: 用于测试。, en: For tests.}
    who: {zh: [您已年满18周岁], en: [you are 18 or over]}
    materials: [id_card, hukou]
    laws: [civil_code]
    legal: 20
    promised: 5
"""


def raw(path):
    with path.open(encoding="utf-8") as file:
        return yaml.safe_load(file)


def write(tmp_path, text, name="civil-affairs.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# (a) every data file is read and checked


def test_the_data_folder_holds_the_shared_files_and_one_file_per_department():
    assert sorted(path.name for path in DATA_DIR.glob("*.yaml")) == sorted(READERS)
    departments = raw(DATA_DIR / "departments.yaml")
    assert [path.stem for path in SERVICE_FILES] == sorted(department["code"] for department in departments)


def keys(rows, key):
    return [row[key] for row in rows]


def test_each_shared_file_validates():
    read = {name: reader(DATA_DIR / name) for name, reader in READERS.items()}
    assert keys(read["departments.yaml"], "code") == keys(raw(DATA_DIR / "departments.yaml"), "code")
    assert len(read["departments.yaml"]) == 15
    assert keys(read["halls.yaml"], "slug") == keys(raw(DATA_DIR / "halls.yaml"), "slug")
    assert list(read["laws.yaml"]) == list(raw(DATA_DIR / "laws.yaml"))
    assert keys(read["life_events.yaml"], "slug") == keys(raw(DATA_DIR / "life_events.yaml"), "slug")
    # and the application form, which spec.py adds to services that list a single document
    assert set(read["materials.yaml"]) == {*raw(DATA_DIR / "materials.yaml"), "application"}
    province, cities = read["regions.yaml"]
    assert province["code"] == "370000" and len(cities) == 16
    assert [fields["slug"] for fields, *_rest in read["bundles.yaml"]] == keys(raw(DATA_DIR / "bundles.yaml"), "slug")


@pytest.mark.parametrize("path", SERVICE_FILES, ids=lambda path: path.stem)
def test_each_department_file_validates(path):
    specs = department_services(path)
    assert [spec.code for spec in specs] == [f"370000-{entry['code']}" for entry in raw(path)["services"]]
    assert {spec.department for spec in specs} == {path.stem}


def test_the_catalogue_builds_every_entry_of_every_file_once():
    codes = [spec.code for spec in all_services()]
    entries = [entry["code"] for path in SERVICE_FILES for entry in raw(path)["services"]]
    assert len(codes) == len(set(codes)) == len(entries) == 328


def test_a_service_entry_becomes_a_spec_with_both_languages(tmp_path):
    (spec,) = department_services(write(tmp_path, VALID))
    assert (spec.code, spec.department, spec.title_zh, spec.title_en) == (
        "370000-MZ-0901",
        "civil-affairs",
        "测试登记",
        "Test registration",
    )
    assert [material.name_zh for material in spec.materials] == ["居民身份证", "居民户口簿"]
    assert spec.eligibility_en == "<p>You can apply if:</p><ul><li>you are 18 or over</li></ul>"


# (b) a mistake is refused, naming the file and the key


TITLE = "title: {zh: 测试登记, en: Test registration}"
SUMMARY = "summary: {zh: 用于测试。, en: For tests.}"
WHO = "who: {zh: [您已年满18周岁], en: [you are 18 or over]}"
MATERIALS = "materials: [id_card, hukou]"
MISTAKES = [
    # (what is replaced, with what, the problem the message names after the file)
    (TITLE, "title: {zh: 测试登记}", "services[0] (MZ-0901).title: missing language 'en'"),
    (SUMMARY, "summary: {en: For tests.}", "services[0] (MZ-0901).summary: missing language 'zh'"),
    (WHO, "who: {zh: [您已年满18周岁]}", "services[0] (MZ-0901).who: missing language 'en'"),
    (TITLE, "title: {zh: 测试登记, en: Test, fr: Essai}", "services[0] (MZ-0901).title: unknown language 'fr'"),
    (TITLE, "titel: {zh: 测试登记, en: Test registration}", "services[0] (MZ-0901): unknown key 'titel'"),
    ("legal: 20\n", "legal: 20\n    fees: {zh: 免费, en: Free}\n", "services[0] (MZ-0901): unknown key 'fees'"),
    (f"    {SUMMARY}\n", "", "services[0] (MZ-0901): missing key 'summary'"),
    ("- code: MZ-0901\n    ", "- ", "services[0]: missing key 'code'"),
    (
        MATERIALS,
        "materials: [id_card, {based_on: hukou, colour: red}]",
        "services[0] (MZ-0901).materials[1]: unknown key 'colour'",
    ),
    (
        MATERIALS,
        "materials: [id_card, {name: {zh: 照片}}]",
        "services[0] (MZ-0901).materials[1].name: missing language 'en'",
    ),
    (MATERIALS, "materials: [id_card, passport]", "services[0] (MZ-0901).materials[1]: unknown material 'passport'"),
    ("laws: [civil_code]", "laws: [civil_cod]", "services[0] (MZ-0901).laws[0]: unknown name 'civil_cod'"),
    ("legal: 20", "legal: '20'", "services[0] (MZ-0901).legal: expected a whole number, found text"),
]


@pytest.mark.parametrize(("old", "new", "problem"), MISTAKES, ids=[problem for *_change, problem in MISTAKES])
def test_a_department_file_with_a_mistake_is_refused_naming_file_and_key(tmp_path, old, new, problem):
    assert old in VALID
    path = write(tmp_path, VALID.replace(old, new))
    with pytest.raises(DataError) as refused:
        department_services(path)
    assert str(refused.value) == f"{path}: {problem}"


def test_a_named_material_of_a_department_is_checked_like_a_service(tmp_path):
    path = write(tmp_path, "materials:\n  couple_id: {based_on: id_card, name: {en: Both ID cards}}\n" + VALID)
    with pytest.raises(DataError) as refused:
        department_services(path)
    assert str(refused.value) == f"{path}: materials.couple_id.name: missing language 'zh'"


def test_a_shared_file_with_a_mistake_is_refused_naming_file_and_key(tmp_path):
    laws = write(tmp_path, "civil_code: {zh: 《中华人民共和国民法典》}\n", "laws.yaml")
    halls_text = (DATA_DIR / "halls.yaml").read_text(encoding="utf-8")
    halls = write(tmp_path, halls_text.replace("  phone:", "  telephone:", 1), "halls.yaml")
    with pytest.raises(DataError) as laws_refused:
        laws_read(laws)
    with pytest.raises(DataError) as halls_refused:
        halls_read(halls)
    assert str(laws_refused.value) == f"{laws}: civil_code: missing language 'en'"
    assert str(halls_refused.value) == f"{halls}: [0]: unknown key 'telephone'"


# (c) load_demo loads what the files hold


@pytest.mark.django_db
def test_load_demo_loads_one_page_a_language_for_each_service_and_every_department():
    call_command("load_demo", stdout=StringIO())
    services = sum(len(raw(path)["services"]) for path in SERVICE_FILES)
    demo = ServicePage.objects.filter(service_code__startswith="370000-")
    assert demo.filter(locale__language_code="zh-hans").count() == services == 328
    assert demo.filter(locale__language_code="en").count() == services
    assert Department.objects.count() == len(raw(DATA_DIR / "departments.yaml")) == 15
