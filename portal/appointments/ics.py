"""An appointment as an iCalendar file (RFC 5545) people can add to their phone's or computer's calendar.
Times are in UTC (…Z), which every calendar converts to local time; a reminder alarm a day before."""

from datetime import UTC

from django.utils import timezone
from django.utils.translation import gettext as _


def _escape(text):
    return (
        str(text)
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def _fold(line):
    """Lines longer than 75 octets continue on the next line after a space (RFC 5545 3.1)."""
    encoded = line.encode()
    if len(encoded) <= 75:
        return line
    parts, current = [], b""
    for char in line:
        piece = char.encode()
        if len(current) + len(piece) > (75 if not parts else 74):
            parts.append(current.decode())
            current = b""
        current += piece
    parts.append(current.decode())
    return "\r\n ".join(parts)


def _utc(moment):
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def appointment_ics(appointment, *, url="", now=None):
    slot = appointment.slot
    hall = slot.hall
    summary = _("Appointment at %(hall)s") % {"hall": hall.name}
    description = "\n".join(
        part
        for part in [
            _("Appointment number: %(reference)s") % {"reference": appointment.reference},
            str(slot.get_kind_display()),
            (_("Service: %(service)s") % {"service": appointment.service_title}) if appointment.service_title else "",
            _("Bring your resident ID card."),
            url,
        ]
        if part
    )
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Shandong government services//Appointments//ZH",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:{appointment.pk}@appointments.portal",
        f"DTSTAMP:{_utc(now or timezone.now())}",
        f"DTSTART:{_utc(slot.starts_at)}",
        f"DTEND:{_utc(slot.ends_at)}",
        f"SUMMARY:{_escape(summary)}",
        f"LOCATION:{_escape(f'{hall.name}, {hall.address}')}",
        f"DESCRIPTION:{_escape(description)}",
        *([f"URL:{url}"] if url else []),
        "STATUS:" + ("CONFIRMED" if appointment.is_booked else "CANCELLED"),
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        "TRIGGER:-P1D",
        f"DESCRIPTION:{_escape(summary)}",
        "END:VALARM",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"
