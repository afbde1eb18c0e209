from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.db.models.functions import Lower
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from . import crypto


class PortalUserManager(UserManager):
    def get_by_resident_id(self, resident_id):
        return self.get(resident_id_hash=crypto.lookup_hash(resident_id))


class User(AbstractUser):
    """One model for citizens and staff. `username` stays as Django's internal handle; people sign
    in with their phone number or e-mail address."""

    real_name = models.CharField(_("real name"), max_length=100, blank=True)
    phone = models.CharField(_("mobile phone"), max_length=20, blank=True, null=True, unique=True)
    resident_id_encrypted = models.TextField(blank=True, editable=False)
    resident_id_hash = models.CharField(max_length=64, blank=True, null=True, unique=True, editable=False)
    address_region_code = models.CharField(_("address region code"), max_length=12, blank=True)
    address_line = models.CharField(_("street address"), max_length=200, blank=True)
    preferred_language = models.CharField(
        _("preferred language"), max_length=10, blank=True, choices=[("zh-hans", "简体中文"), ("en", "English")]
    )
    elder_mode = models.BooleanField(_("elder mode"), default=False)
    # Part of the session hash: adding one signs this person out of every browser ("sign out everywhere").
    session_version = models.PositiveIntegerField(default=0, editable=False)

    objects = PortalUserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.UniqueConstraint(
                Lower("email"), condition=~models.Q(email=""), name="accounts_user_email_unique_ci"
            ),
        ]

    def __str__(self):
        return self.real_name or self.get_username()

    def get_full_name(self):
        return self.real_name or super().get_full_name()

    def _get_session_auth_hash(self, secret=None):
        return salted_hmac(
            "portal.accounts.User.get_session_auth_hash",
            f"{self.password}:{self.session_version}",
            secret=secret,
            algorithm="sha256",
        ).hexdigest()

    @property
    def resident_id(self):
        return crypto.decrypt(self.resident_id_encrypted) if self.resident_id_encrypted else ""

    def set_resident_id(self, value):
        value = (value or "").strip().upper()
        self.resident_id_encrypted = crypto.encrypt(value) if value else ""
        self.resident_id_hash = crypto.lookup_hash(value) if value else None

    @property
    def masked_resident_id(self):
        return crypto.mask_resident_id(self.resident_id)


class SecurityCounter(models.Model):
    """A counter of failed attempts (sign-in, codes, look-ups) for one key within a window; see throttle.py.
    In the database, not the cache: the page cache shares the cache and could evict a counter, and an
    in-process cache would give each web server its own count."""

    key = models.CharField(max_length=100, primary_key=True)
    count = models.PositiveIntegerField(default=0)
    expires_at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = _("security counter")
        verbose_name_plural = _("security counters")

    def __str__(self):
        return f"{self.key}: {self.count}"
