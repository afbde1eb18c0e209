"""Maintained reference lists that choice questions draw their answers from (a question's `reference`), so that
a list such as the banks licensed in the province is kept in one data file (reference/<name>.json), reviewed
and updated there, and not copied into each flow.

A list file: {"name", "description", "source", "reviewed", "items": [{"value", "label": {language: text},
"withdrawn": bool}], "other": {"value", "label"}}. "other" is the answer for something not listed; a flow
asks what it is with a question shown when that answer is chosen (show_if: bank equals other).
Withdrawn items are no longer offered but still read back in answers given before."""

import functools
import json
from pathlib import Path

DIRECTORY = Path(__file__).resolve().parent / "reference"


class UnknownReferenceList(LookupError):
    pass


def names():
    return sorted(path.stem for path in DIRECTORY.glob("*.json"))


@functools.cache
def reference_list(name):
    path = DIRECTORY / f"{name}.json"
    if not name or "/" in name or not path.is_file():
        raise UnknownReferenceList(name)
    return json.loads(path.read_text(encoding="utf-8"))


def options(name, *, offered_only=True):
    """[{"value", "label"}] of the list, the "other" answer last; withdrawn items only when not offered_only."""
    data = reference_list(name)
    items = [item for item in data["items"] if not (offered_only and item.get("withdrawn"))]
    if data.get("other"):
        items.append(data["other"])
    return [{"value": str(item["value"]), "label": item["label"]} for item in items]
