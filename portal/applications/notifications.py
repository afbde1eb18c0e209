"""Telling applicants what happened: e-mail and SMS on every status change, reminders before a draft
expires. Text messages go through portal.accounts.sms (settings.PORTAL_SMS_SENDER)."""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from portal.accounts.sms import sms_send

from .models import StatusEvent
from .selectors import service_name
from .status import STATUS_EXPLANATIONS, Channel, Status

logger = logging.getLogger(__name__)


def _recipients(application):
    people = [application.applicant]
    if application.channel == Channel.PROXY and application.submitted_by_id != application.applicant_id:
        people.append(application.submitted_by)  # the family member acting for them hears too; hall staff do not
    return people


def person_notify(*, person, subject, body, sms):
    """The one way the portal tells a person something: e-mail and SMS, whichever they have. Never raises:
    a failed message never undoes what it announces (a status change, a booking, a rating)."""
    try:
        if person.email:
            send_mail(subject, body, None, [person.email], fail_silently=False)
        if person.phone:
            sms_send(phone=person.phone, message=sms)
    except Exception:
        logger.exception("could not notify user %s", person.pk)


def _deliver(*, people, subject, body, sms):
    for person in people:
        person_notify(person=person, subject=subject, body=body, sms=sms)


def status_change_announce(*, event_id):
    event = (
        StatusEvent.objects.select_related(
            "application__applicant", "application__submitted_by", "application__flow_version"
        )
        .filter(pk=event_id)
        .first()
    )
    if event is None:
        return
    application = event.application
    with translation.override(application.language):
        status_label = Status(event.to_status).label
        name = service_name(application)
        url = settings.PORTAL_BASE_URL + reverse("applications:detail", kwargs={"pk": application.pk})
        subject = _("%(reference)s: %(status)s") % {"reference": application.reference, "status": status_label}
        body = "\n\n".join(
            part
            for part in [
                _("Your application for “%(service)s” (reference %(reference)s) is now: %(status)s.")
                % {"service": name, "reference": application.reference, "status": status_label},
                str(STATUS_EXPLANATIONS.get(event.to_status, "")),
                event.note,
                _("See your application: %(url)s") % {"url": url},
            ]
            if part
        )
        sms = _("[Shandong government services] %(reference)s %(service)s: %(status)s") % {
            "reference": application.reference,
            "service": name,
            "status": status_label,
        }
        _deliver(people=_recipients(application), subject=subject, body=body, sms=sms)


def draft_expiry_remind(*, application):
    with translation.override(application.language):
        name = service_name(application)
        url = settings.PORTAL_BASE_URL + reverse("applications:detail", kwargs={"pk": application.pk})
        subject = _("Your draft application will be deleted soon")
        expires = application.expires_at.date().isoformat() if application.expires_at else ""
        body = _(
            "You started an application for “%(service)s” but have not sent it. It will be deleted on "
            "%(date)s. To keep it, continue your application: %(url)s"
        ) % {"service": name, "date": expires, "url": url}
        sms = _(
            "[Shandong government services] Your draft application for %(service)s will be deleted on "
            "%(date)s. Sign in to continue it."
        ) % {"service": name, "date": expires}
        _deliver(people=_recipients(application), subject=subject, body=body, sms=sms)
