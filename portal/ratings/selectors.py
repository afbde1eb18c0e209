"""Reads for ratings: who may rate what, whose hall a rating belongs to, and the staff's list.

The hall of a rating (whose manager follows a poor one up): the hall of the assist session the
application was made in, if it was made with help at a hall; otherwise the first hall listed on the
service's guide (halls in slug order, as the guide shows them); otherwise none, and then administrators
follow it up."""

from datetime import timedelta

from django.apps import apps
from django.contrib.auth import get_user_model
from django.http import Http404
from django.utils import timezone

from portal.applications.selectors import application_get_for_user
from portal.applications.status import Status
from portal.staff.roles import Role
from portal.staff.selectors import hall_ids_for
from services_catalog.models import ServiceHall

from .models import Rating

CHANGE_DAYS = 7  # a rating can be changed this many days after it was given


def can_rate(application, user):
    return user.is_authenticated and application.applicant_id == user.pk and application.status == Status.COMPLETED


def rating_for_application(application):
    return Rating.objects.filter(application=application).first()


def can_change(rating, *, now=None):
    return rating is None or (now or timezone.now()) <= rating.created_at + timedelta(days=CHANGE_DAYS)


def change_until(rating):
    return rating.created_at + timedelta(days=CHANGE_DAYS)


def application_to_rate(*, user, application_id):
    """The completed application `user` applied for, or 404: someone else's, one still in progress, or one
    they can see only as a proxy all look like one that does not exist."""
    application = application_get_for_user(user=user, application_id=application_id)
    if not can_rate(application, user):
        raise Http404("Nothing to rate")
    return application


def rating_hall_for(application):
    """See the module's docstring."""
    if application.assist_session_reference:
        try:
            sessions = apps.get_model("assisted", "AssistSession")
        except LookupError:
            sessions = None
        if sessions is not None:
            hall_id = (
                sessions.objects.filter(reference=application.assist_session_reference)
                .values_list("hall_id", flat=True)
                .first()
            )
            if hall_id:
                return ServiceHall.objects.filter(pk=hall_id).first()
    if application.service_page_id:
        return ServiceHall.objects.filter(services__pk=application.service_page_id).order_by("slug").first()
    return None


def administrators():
    return get_user_model().objects.filter(is_active=True, staff_memberships__role=Role.ADMINISTRATOR).distinct()


def follow_up_scope(user):
    """The halls whose poor ratings `user` follows up: None for all (administrators, who also take those
    with no hall), else the halls they manage."""
    return hall_ids_for(user, roles=(Role.HALL_MANAGER,))


def flagged_ratings(user, *, done=False):
    ratings = Rating.objects.filter(flagged_at__isnull=False, followed_up_at__isnull=not done)
    halls = follow_up_scope(user)
    if halls is not None:
        ratings = ratings.filter(hall_id__in=halls)
    # The flow version names a row whose service has no page any more (service_names): fetched with the rows.
    return list(
        ratings.select_related("application__flow_version", "hall").order_by("-flagged_at" if done else "flagged_at")
    )


def flagged_rating_get(*, user, rating_id):
    ratings = Rating.objects.filter(flagged_at__isnull=False).select_related("application", "rater", "hall")
    halls = follow_up_scope(user)
    if halls is not None:
        ratings = ratings.filter(hall_id__in=halls)
    try:
        return ratings.get(pk=rating_id)
    except (Rating.DoesNotExist, ValueError, TypeError):
        raise Http404("No such rating") from None
