"""Reading the demo data files in data/: YAML, checked key by key as it is read.

Each file is parsed with YAML's safe loader (mappings, lists, strings, numbers and booleans, never Python
objects), libyaml's where PyYAML has it: eight times faster. A mistake is refused with its file and key, for example
`…/data/services/civil-affairs.yaml: services[3] (MZ-0004).title: missing language 'en'`, instead of
turning up later as a wrong page.
"""

from dataclasses import dataclass
from pathlib import Path

import yaml

DATA_DIR = Path(__file__).resolve().parent / "data"
LANGUAGES = ("zh", "en")  # every text is given in both, in this order
KIND_NAMES = {str: "text", int: "a whole number", bool: "true or false"}
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class DataError(ValueError):
    """A demo data file that the loader cannot use. The message names the file and the key."""


@dataclass(frozen=True)
class At:
    """Where a value sits, for error messages: its file and the keys that lead to it."""

    path: Path
    keys: str = ""

    def __truediv__(self, key):
        if isinstance(key, int):
            return At(self.path, f"{self.keys}[{key}]")
        return At(self.path, f"{self.keys}.{key}" if self.keys else key)

    def named(self, name):
        """The same place, with the name of what is there: `services[3] (MZ-0004)`."""
        return At(self.path, f"{self.keys} ({name})")

    def error(self, problem):
        return DataError(f"{self.path}: {self.keys or 'top level'}: {problem}")


def read(path):
    """The YAML document in `path`, and an At for its top level."""
    path = Path(path)
    with path.open(encoding="utf-8") as file:
        try:
            return yaml.load(file, Loader=SAFE_LOADER), At(path)  # noqa: S506 (a safe loader, C or Python)
        except yaml.YAMLError as error:
            raise DataError(f"{path}: not valid YAML: {error}") from error


def _kind(value):
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    return KIND_NAMES.get(type(value), type(value).__name__)


def mapping(value, at, *, required=(), optional=(), expected="a mapping", key_name="key"):
    """`value`, refused unless it is a mapping with every required key and no key outside the two lists."""
    if not isinstance(value, dict):
        raise at.error(f"expected {expected}, found {_kind(value)}")
    for key in value:  # first, so that a misspelt key is named as such rather than as a missing one
        if key not in required and key not in optional:
            raise at.error(f"unknown {key_name} {key!r}")
    for key in required:
        if key not in value:
            raise at.error(f"missing {key_name} {key!r}")
    return value


def entries(value, at):
    """A mapping of names to entries (`id_card: {...}`), its names checked."""
    if not isinstance(value, dict):
        raise at.error(f"expected a mapping of names, found {_kind(value)}")
    for name in value:
        if type(name) is not str:
            raise at.error(f"{name!r} is not a name")
    return value


def record(value, at, fields, texts=()):
    """A model row from an entry with exactly `fields`: texts ({zh, en}) become `<key>_zh` and `<key>_en`,
    the other fields are strings; in the order of `fields`."""
    entry = mapping(value, at, required=fields)
    row = {}
    for key in fields:
        if key in texts:
            row[f"{key}_zh"], row[f"{key}_en"] = text(entry[key], at / key)
        else:
            row[key] = scalar(entry[key], at / key)
    return row


def sequence(value, at):
    if not isinstance(value, list):
        raise at.error(f"expected a list, found {_kind(value)}")
    return value


def scalar(value, at, kind=str, choices=None):
    """A string (never empty), whole number or boolean; `choices` limits it to some values."""
    if type(value) is not kind:  # not isinstance: True is an int, and a number is no string
        raise at.error(f"expected {KIND_NAMES[kind]}, found {_kind(value)}")
    if kind is str and not value.strip():
        raise at.error("is empty")
    if choices is not None and value not in choices:
        raise at.error(f"{value!r} is not one of {', '.join(map(repr, choices))}")
    return value


def _languages(value, at):
    return mapping(value, at, required=LANGUAGES, expected="{zh: …, en: …}", key_name="language")


def text(value, at):
    """`{zh: …, en: …}` as the pair (Chinese, English)."""
    value = _languages(value, at)
    return tuple(scalar(value[language], at / language) for language in LANGUAGES)


def text_lists(value, at):
    """`{zh: [...], en: [...]}` as the pair ([Chinese, ...], [English, ...])."""
    value = _languages(value, at)
    return tuple(
        [scalar(item, at / language / index) for index, item in enumerate(sequence(value[language], at / language))]
        for language in LANGUAGES
    )


def names(value, at, known=None):
    """A list of names (keys, slugs, codes), each one of `known` when given."""
    result = []
    for index, name in enumerate(sequence(value, at)):
        scalar(name, at / index)
        if known is not None and name not in known:
            raise (at / index).error(f"unknown name {name!r}")
        result.append(name)
    return result
