"""What an uploaded file really is: judged by its first bytes (magic numbers), not only its name."""

import hashlib
import os

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from .scanning import scan_problem

FILE_KINDS = {
    "pdf": {"magic": (b"%PDF-",), "extensions": (".pdf",), "content_type": "application/pdf", "label": "PDF"},
    "jpeg": {
        "magic": (b"\xff\xd8\xff",),
        "extensions": (".jpg", ".jpeg"),
        "content_type": "image/jpeg",
        "label": "JPG",
    },
    "png": {"magic": (b"\x89PNG\r\n\x1a\n",), "extensions": (".png",), "content_type": "image/png", "label": "PNG"},
}
DEFAULT_ALLOWED = ("pdf", "jpeg", "png")
DEFAULT_MAX_SIZE_MB = 10
_HEAD = 16


def kinds_label(kinds):
    """'PDF, JPG or PNG' in the active language."""
    labels = [FILE_KINDS[kind]["label"] for kind in kinds if kind in FILE_KINDS]
    if len(labels) <= 1:
        return "".join(labels)
    # The separators are translated too: Chinese lists use 、 and no spaces (PDF、JPG或PNG).
    return pgettext("list separator", ", ").join(labels[:-1]) + _(" or ") + labels[-1]


def accept_attribute(kinds):
    return ",".join(ext for kind in kinds for ext in FILE_KINDS[kind]["extensions"])


def sniff(head):
    for kind, spec in FILE_KINDS.items():
        if any(head.startswith(magic) for magic in spec["magic"]):
            return kind
    return None


def read_head(uploaded):
    uploaded.seek(0)
    head = uploaded.read(_HEAD)
    uploaded.seek(0)
    return head


def upload_problem(uploaded, *, allowed=DEFAULT_ALLOWED, max_size_mb=DEFAULT_MAX_SIZE_MB):
    """None when the file may be kept, otherwise a message that says what to do (GOV.UK wording)."""
    allowed = tuple(allowed or DEFAULT_ALLOWED)
    max_size_mb = max_size_mb or DEFAULT_MAX_SIZE_MB
    label = kinds_label(allowed)
    if not uploaded.size:
        return _("The selected file is empty. Choose a file that has something in it")
    if uploaded.size > max_size_mb * 1024 * 1024:
        return _("The selected file must be smaller than %(size)s MB") % {"size": f"{max_size_mb:g}"}
    problem = scan_problem(uploaded)  # before the type checks: a virus is called a virus, whatever its name
    if problem:
        return problem
    extension = os.path.splitext(uploaded.name or "")[1].lower()
    if not any(extension in FILE_KINDS[kind]["extensions"] for kind in allowed):
        return _("The selected file must be a %(types)s") % {"types": label}
    kind = sniff(read_head(uploaded))
    if kind not in allowed or extension not in FILE_KINDS[kind]["extensions"]:
        return _("The selected file is not a real %(types)s file. Its contents do not match its name") % {
            "types": label
        }
    return None


def describe(uploaded):
    """(kind, content type, sha256) of a file that passed upload_problem."""
    kind = sniff(read_head(uploaded))
    digest = hashlib.sha256()
    for chunk in uploaded.chunks():
        digest.update(chunk)
    uploaded.seek(0)
    return kind, FILE_KINDS[kind]["content_type"], digest.hexdigest()
