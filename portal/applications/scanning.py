"""Every upload is checked for viruses by ClamAV's daemon (clamd) before it is kept, because hall staff and
departments open what citizens upload. CLAMAV_ADDRESS is "host:port" or the path of clamd's socket; unset, files
are not scanned (development). When clamd cannot be reached, UPLOAD_SCAN_FAIL_OPEN decides: refuse the upload
(the default) or keep it marked as not scanned. What happened is recorded on the stored document (ScanState)."""

import logging
import socket
import struct

from django.conf import settings
from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


class ScanState(models.TextChoices):
    """What the virus scanner said of an uploaded file, kept with it."""

    CLEAN = "clean", gettext_lazy("Checked for viruses: none found")
    NOT_SCANNED = "not_scanned", gettext_lazy("Not checked for viruses")


logger = logging.getLogger(__name__)

SCAN_ATTRIBUTE = "portal_scan_state"  # set on the uploaded file by scan_problem, read when it is stored
CHUNK = 64 * 1024


class ScannerUnavailable(Exception):
    """clamd could not be reached or gave no answer: UPLOAD_SCAN_FAIL_OPEN decides."""


class ScanRefused(Exception):
    """clamd was reached and would not scan the file (too large for its StreamMaxLength, or another ERROR): the
    file is refused whatever UPLOAD_SCAN_FAIL_OPEN says, since a scanner that is up has declined to clear it."""


def _connect():
    address = settings.CLAMAV_ADDRESS
    try:
        if address.startswith("/"):
            connection = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            connection.settimeout(settings.CLAMAV_TIMEOUT)
            connection.connect(address)
            return connection
        host, _colon, port = address.rpartition(":")
        return socket.create_connection((host, int(port)), timeout=settings.CLAMAV_TIMEOUT)
    except (OSError, ValueError) as error:
        raise ScannerUnavailable(f"clamd at {address}: {error}") from error


def clamd_scan(uploaded):
    """The name of the signature clamd found in `uploaded`, or None when it is clean. Raises ScannerUnavailable
    when clamd cannot be asked or gives no answer (INSTREAM: the file in length-prefixed chunks)."""
    connection = _connect()
    try:
        with connection:
            try:
                connection.sendall(b"zINSTREAM\0")
                uploaded.seek(0)
                for chunk in uploaded.chunks(CHUNK):
                    connection.sendall(struct.pack(">I", len(chunk)) + chunk)
                connection.sendall(struct.pack(">I", 0))
            except OSError:
                pass  # clamd stops reading a stream it will not scan (over StreamMaxLength): its answer says why
            reply = _reply(connection)
    except OSError as error:
        raise ScannerUnavailable(f"clamd at {settings.CLAMAV_ADDRESS}: {error}") from error
    finally:
        uploaded.seek(0)
    answer = reply.rstrip(b"\0").decode(errors="replace")
    if answer.endswith(" OK"):
        return None
    if answer.endswith(" FOUND"):
        return answer.removeprefix("stream: ").removesuffix(" FOUND")
    if answer.endswith("ERROR"):
        raise ScanRefused(answer)
    raise ScannerUnavailable(f"clamd at {settings.CLAMAV_ADDRESS} answered {answer!r}")


def _reply(connection):
    reply = b""
    while not reply.endswith(b"\0"):
        received = connection.recv(4096)
        if not received:
            break
        reply += received
    return reply


def scan_problem(uploaded):
    """None when the file may be kept (its ScanState set on it), otherwise the message for the person."""
    if not settings.CLAMAV_ADDRESS:
        setattr(uploaded, SCAN_ATTRIBUTE, ScanState.NOT_SCANNED)
        return None
    try:
        found = clamd_scan(uploaded)
    except ScanRefused as refused:
        logger.warning("Upload refused: clamd would not scan it: %s", refused)
        return _(
            "The selected file could not be checked for viruses, so it has not been kept. It may be too large to "
            "check: make it smaller, or scan the paper document again"
        )
    except ScannerUnavailable as error:
        if settings.UPLOAD_SCAN_FAIL_OPEN:
            logger.error("Upload kept without a virus scan: %s", error)
            setattr(uploaded, SCAN_ATTRIBUTE, ScanState.NOT_SCANNED)
            return None
        logger.error("Upload refused: no virus scan: %s", error)
        return _("We could not check the selected file for viruses just now. Try again in a few minutes")
    if found:
        logger.warning("Upload refused: clamd found %s", found)
        return _(
            "The selected file contains a virus, so it has not been kept. Check the file with virus protection "
            "software, or scan the paper document again"
        )
    setattr(uploaded, SCAN_ATTRIBUTE, ScanState.CLEAN)
    return None


def scan_state(uploaded):
    """What scan_problem found for a file that passed it."""
    return getattr(uploaded, SCAN_ATTRIBUTE, ScanState.NOT_SCANNED)
