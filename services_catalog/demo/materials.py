"""Documents people are asked to bring, in both languages: MATERIALS maps each name in data/materials.yaml,
and `application` (the form that spec.py itself adds where a service lists a single document), to a Material.

An entry gives `name: {zh, en}`, and where the document is not an original needed once and brought along:
`form` (original, copy, original_and_copy, electronic), `quantity`, `fetched: true` (the portal fetches it
electronically) and `notes: {zh, en}`. In a department's file an entry may instead start from a named one
and change some of those: `{based_on: photo, quantity: 2}`.

A material's `code` (ServiceMaterial.code, the identity an upload question names) is its name in the file, or the
code of the one it is based on unless it renames it (父母双方居民身份证 is not the applicant's own ID card), or the
entry's own `code`."""

from .datafile import DATA_DIR, entries, mapping, read, scalar, text
from .spec import APPLICATION_FORM, BOTH, COPY, ELECTRONIC, ORIGINAL, Material

FORMS = (ORIGINAL, COPY, BOTH, ELECTRONIC)
FIELDS = ("code", "name", "form", "quantity", "fetched", "notes")


def material_read(value, at, named=None):
    """The Material an entry describes. With `named` (name -> Material), the entry may also be a name, or
    start from one with `based_on`."""
    if named is not None and isinstance(value, str):
        if value not in named:
            raise at.error(f"unknown material {value!r}")
        return named[value]
    if named is not None and isinstance(value, dict) and "based_on" in value:
        entry = mapping(value, at, required=("based_on",), optional=FIELDS)
        base = scalar(entry["based_on"], at / "based_on")
        if base not in named:
            raise (at / "based_on").error(f"unknown material {base!r}")
        base = named[base]
    else:
        entry = mapping(value, at, required=("name",), optional=FIELDS)
        base = None
    fields = {}
    if base is not None and "name" in entry:
        fields["code"] = ""  # renamed: another document (父母双方居民身份证 is not the applicant's own ID card)
    if "code" in entry:
        fields["code"] = scalar(entry["code"], at / "code")
    if "name" in entry:
        fields["name_zh"], fields["name_en"] = text(entry["name"], at / "name")
    if "form" in entry:
        fields["form"] = scalar(entry["form"], at / "form", choices=FORMS)
    if "quantity" in entry:
        fields["quantity"] = scalar(entry["quantity"], at / "quantity", kind=int)
        if fields["quantity"] < 1:
            raise (at / "quantity").error("must be at least 1")
    if "fetched" in entry:
        fields["fetched"] = scalar(entry["fetched"], at / "fetched", kind=bool)
    if "notes" in entry:
        fields["notes_zh"], fields["notes_en"] = text(entry["notes"], at / "notes")
    return base(**fields) if base is not None else Material(**fields)


def named_material(name, entry, at, named=None):
    """A material given a name in a data file: the name is its code unless the entry says another."""
    material = material_read(entry, at, named)
    if isinstance(entry, dict) and ("code" in entry or ("based_on" in entry and "name" not in entry)):
        return material  # its own code, or the document it is based on with other notes or quantity
    return material(code=name)


def materials_read(path):
    data, at = read(path)
    materials = {name: named_material(name, entry, at / name) for name, entry in entries(data, at).items()}
    if "application" in materials:
        raise (at / "application").error("is the application form that spec.py defines; use another name")
    return materials | {"application": APPLICATION_FORM}


MATERIALS = materials_read(DATA_DIR / "materials.yaml")
