"""Writes for ratings: give (or change) a rating; record a follow-up. A poor rating (2 or less) is flagged
once, to the hall's managers (or the administrators when it has no hall), by e-mail and SMS."""

from django.db import IntegrityError, transaction
from django.utils import timezone

from portal.audit.services import audit_record

from . import selectors
from .models import Rating, RatingFollowUp
from .notifications import poor_rating_announce


class RatingNotAllowed(Exception):
    pass


class RatingLocked(Exception):
    """The rating is older than CHANGE_DAYS."""


def rating_give(*, application, rater, score, comment="", now=None):
    if not selectors.can_rate(application, rater):
        raise RatingNotAllowed()
    now = now or timezone.now()
    score = int(score)
    comment = (comment or "").strip()[:1000]
    with transaction.atomic():
        rating = Rating.objects.select_for_update().filter(application=application).first()
        if rating is None:
            try:
                with transaction.atomic():
                    rating = Rating.objects.create(
                        application=application,
                        rater=rater,
                        score=score,
                        comment=comment,
                        created_at=now,
                        updated_at=now,
                    )
            except IntegrityError:  # rated at the same moment in another tab
                rating = Rating.objects.select_for_update().get(application=application)
                if not selectors.can_change(rating, now=now):
                    raise RatingLocked() from None
                rating.score, rating.comment, rating.updated_at = score, comment, now
                rating.save(update_fields=["score", "comment", "updated_at"])
        else:
            if not selectors.can_change(rating, now=now):
                raise RatingLocked()
            rating.score, rating.comment, rating.updated_at = score, comment, now
            rating.save(update_fields=["score", "comment", "updated_at"])
        if rating.is_poor and rating.flagged_at is None:
            rating.hall = selectors.rating_hall_for(application)
            rating.flagged_at = now
            rating.save(update_fields=["hall", "flagged_at"])
            rating_id = rating.pk
            transaction.on_commit(lambda: poor_rating_announce(rating_id=rating_id))
    return rating


def rating_follow_up_record(*, rating, actor, action, done_on, now=None):
    """What a member of staff did about a poor rating: kept with when and by whom, and audited."""
    now = now or timezone.now()
    with transaction.atomic():
        follow_up = RatingFollowUp.objects.create(
            rating=rating, action=action.strip(), done_on=done_on, recorded_by=actor, created_at=now
        )
        Rating.objects.filter(pk=rating.pk).update(followed_up_at=now)
        audit_record(
            action="rating.followed_up",
            actor=actor,
            on_behalf_of=rating.rater_id,
            obj=rating,
            details={
                "application": rating.application.reference,
                "score": rating.score,
                "done_on": done_on.isoformat(),
                "follow_up": follow_up.pk,
            },
        )
    rating.followed_up_at = now
    return follow_up
