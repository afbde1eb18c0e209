"""Telling the people who follow poor ratings up: the hall's managers, or the administrators when the
rating has no hall. E-mail and SMS through the portal's senders. The message names the application's
reference and the score, not the citizen."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from portal.applications.notifications import person_notify
from portal.staff.selectors import hall_managers

from . import selectors
from .models import Rating


def poor_rating_announce(*, rating_id):
    rating = Rating.objects.select_related("application", "hall").filter(pk=rating_id).first()
    if rating is None:
        return 0
    people = list(hall_managers(rating.hall)) if rating.hall else []
    if not people:
        people = list(selectors.administrators())
    url = settings.PORTAL_BASE_URL + reverse("staff_ratings:detail", kwargs={"pk": rating.pk})
    for person in people:
        with translation.override(person.preferred_language or "zh-hans"):
            facts = {
                "reference": rating.application.reference,
                "score": rating.score,
                "hall": rating.hall.name if rating.hall else "",
                "url": url,
            }
            subject = _("A poor rating to follow up: %(reference)s") % facts
            body = (
                _(
                    "A citizen rated application %(reference)s %(score)s out of 5. Please follow it up and "
                    "record what you did: %(url)s"
                )
                % facts
            )
            sms = (
                _("[Shandong government services] Poor rating (%(score)s/5) for %(reference)s: please follow it up.")
                % facts
            )
        person_notify(person=person, subject=subject, body=body, sms=sms)
    return len(people)
