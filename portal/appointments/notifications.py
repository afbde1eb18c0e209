"""Telling citizens about their appointments, through the portal's notification senders: e-mail
(Django's mailer) and SMS (portal/accounts/sms.py, settings.PORTAL_SMS_SENDER)."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from portal.applications.notifications import person_notify
from portal.templatetags.portal_format import local_date


def _facts(appointment):
    slot = appointment.slot
    return {
        "reference": appointment.reference,
        "hall": slot.hall.name,
        "address": slot.hall.address,
        "date": local_date(slot.date, "full"),
        "start": f"{slot.start:%H:%M}",
        "end": f"{slot.end:%H:%M}",
        "kind": slot.get_kind_display(),
        "url": settings.PORTAL_BASE_URL + reverse("appointments:detail", kwargs={"pk": appointment.pk}),
    }


def appointment_confirmation_send(*, appointment):
    with translation.override(appointment.language):
        facts = _facts(appointment)
        subject = _("Appointment booked: %(reference)s") % facts
        body = "\n\n".join(
            [
                _(
                    "Your appointment at %(hall)s is booked for %(date)s, %(start)s to %(end)s (%(kind)s). "
                    "Your appointment number is %(reference)s."
                )
                % facts,
                _("Address: %(address)s") % facts,
                _("Bring your resident ID card. To see or cancel your appointment: %(url)s") % facts,
            ]
        )
        sms = (
            _("[Shandong government services] Appointment %(reference)s booked: %(hall)s, %(date)s %(start)s.") % facts
        )
        person_notify(person=appointment.citizen, subject=subject, body=body, sms=sms)


def appointment_reminder_send(*, appointment):
    with translation.override(appointment.language):
        facts = _facts(appointment)
        subject = _("Reminder: your appointment tomorrow at %(hall)s") % facts
        body = "\n\n".join(
            [
                _(
                    "This is a reminder of your appointment at %(hall)s tomorrow, %(date)s, %(start)s to %(end)s "
                    "(%(kind)s). Your appointment number is %(reference)s."
                )
                % facts,
                _("Address: %(address)s") % facts,
                _(
                    "Bring your resident ID card. If you cannot come, please cancel so someone else can have the "
                    "place: %(url)s"
                )
                % facts,
            ]
        )
        sms = (
            _(
                "[Shandong government services] Reminder: appointment %(reference)s tomorrow %(date)s "
                "%(start)s at %(hall)s. Cancel online if you cannot come."
            )
            % facts
        )
        person_notify(person=appointment.citizen, subject=subject, body=body, sms=sms)
