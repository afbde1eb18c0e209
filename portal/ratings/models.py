"""Ratings (好差评): a citizen's 1-to-5 rating of a completed application, once per application, and the
follow-up staff record for a poor one (2 or less)."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Score(models.IntegerChoices):
    VERY_POOR = 1, _("Very poor")  # 非常不满意
    POOR = 2, _("Poor")  # 不满意
    AVERAGE = 3, _("Average")  # 基本满意
    GOOD = 4, _("Good")  # 满意
    VERY_GOOD = 5, _("Very good")  # 非常满意


POOR_AT_MOST = 2  # scores up to this are flagged to the hall manager


class Rating(models.Model):
    application = models.OneToOneField(
        "applications.Application", on_delete=models.CASCADE, related_name="rating", verbose_name=_("application")
    )
    rater = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="ratings_given", verbose_name=_("rated by")
    )
    score = models.PositiveSmallIntegerField(
        _("rating"), choices=Score.choices, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    comment = models.TextField(_("comment"), max_length=1000, blank=True)
    hall = models.ForeignKey(
        "services_catalog.ServiceHall",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="ratings",
        verbose_name=_("service hall"),
        help_text=_("The hall whose manager follows a poor rating up."),
    )
    flagged_at = models.DateTimeField(_("flagged for follow-up"), null=True, blank=True)
    followed_up_at = models.DateTimeField(_("followed up"), null=True, blank=True)
    created_at = models.DateTimeField(_("rated"))
    updated_at = models.DateTimeField()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("rating")
        verbose_name_plural = _("ratings")
        indexes = [models.Index(fields=["flagged_at", "followed_up_at"]), models.Index(fields=["created_at"])]
        constraints = [models.CheckConstraint(condition=Q(score__gte=1, score__lte=5), name="ratings_score_1_to_5")]

    def __str__(self):
        return f"{self.application} {self.score}"

    @property
    def is_poor(self):
        return self.score <= POOR_AT_MOST


class RatingFollowUp(models.Model):
    rating = models.ForeignKey(Rating, on_delete=models.CASCADE, related_name="follow_ups")
    action = models.TextField(_("what was done"), max_length=2000)
    done_on = models.DateField(_("when it was done"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("recorded by")
    )
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("follow-up of a rating")
        verbose_name_plural = _("follow-ups of ratings")

    def __str__(self):
        return f"{self.rating_id} {self.done_on}"
