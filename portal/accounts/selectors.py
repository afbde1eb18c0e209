from django.contrib.auth import get_user_model

from . import crypto


def account_holding(*, phone=None, email=None, resident_id=None, exclude=None):
    """The account that already holds this phone number, e-mail address or ID number (each is unique across
    all accounts, active or not), or None."""
    users = get_user_model()._default_manager.all()
    if exclude is not None and exclude.pk:
        users = users.exclude(pk=exclude.pk)
    if phone:
        return users.filter(phone=phone).first()
    if email:
        return users.filter(email__iexact=email).first()
    if resident_id:
        return users.filter(resident_id_hash=crypto.lookup_hash(resident_id)).first()
    return None


def user_holding(*, phone=None, email=None, resident_id=None, exclude=None):
    """Whether another account already holds this phone number, e-mail address or ID number."""
    return account_holding(phone=phone, email=email, resident_id=resident_id, exclude=exclude) is not None
