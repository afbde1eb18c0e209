"""Every user-facing string has a Chinese and an English translation, none fuzzy, and locale/ is up to
date with the code: makemessages run on a copy of the tree must find nothing new to translate."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = ["zh_Hans", "en"]
SKIP = {".venv", ".git", "var", "node_modules", "__pycache__", ".pytest_cache", ".ruff_cache", "bench"}


def _problems(po_path):
    with po_path.open("rb") as handle:
        catalog = read_po(handle)
    problems = []
    for message in catalog:
        if not message.id:
            continue
        label = message.id if isinstance(message.id, str) else message.id[0]
        if message.fuzzy:
            problems.append(f"fuzzy: {label!r}")
        strings = message.string if isinstance(message.string, tuple | list) else [message.string]
        if not all(strings):
            problems.append(f"untranslated: {label!r}")
    return problems


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="gettext is installed by make test")
def test_catalogues_are_complete_and_up_to_date(tmp_path):
    copy = tmp_path / "tree"
    shutil.copytree(ROOT, copy, ignore=lambda directory, names: [n for n in names if n in SKIP or n.endswith(".mo")])
    args = [
        sys.executable,
        "manage.py",
        "makemessages",
        "--no-obsolete",
        "--ignore=tests/*",
        "--ignore=static/vendor/*",
        "--ignore=bench/*",
        "-v0",
    ]
    for language in LANGUAGES:
        args += ["-l", language]
    subprocess.run(args, cwd=copy, check=True, timeout=300, capture_output=True)
    subprocess.run(
        [
            *args[:2],
            "makemessages",
            "-d",
            "djangojs",
            "--no-obsolete",
            "-v0",
            *[f"-l{language}" for language in LANGUAGES],
        ],
        cwd=copy,
        check=True,
        timeout=300,
        capture_output=True,
    )

    problems = {}
    for language in LANGUAGES:
        for po_path in sorted((copy / "locale" / language / "LC_MESSAGES").glob("*.po")):
            found = _problems(po_path)
            if found:
                problems[f"{language}/{po_path.name}"] = found
    assert not problems, "Translate these in locale/ (run makemessages, fill msgstr):\n" + "\n".join(
        f"{name}: {len(items)} problems, e.g. {items[:5]}" for name, items in problems.items()
    )


def test_the_default_language_is_simplified_chinese(client):
    from django.conf import settings

    assert settings.LANGUAGE_CODE == "zh-hans"
    assert [code for code, _name in settings.LANGUAGES] == ["zh-hans", "en"]
