from django.contrib.auth import get_user_model

from . import crypto


def user_holding(*, phone=None, email=None, resident_id=None, exclude=None):
    """Whether another account already holds this phone number, e-mail address or ID number."""
    users = get_user_model()._default_manager.all()
    if exclude is not None and exclude.pk:
        users = users.exclude(pk=exclude.pk)
    if phone:
        return users.filter(phone=phone).exists()
    if email:
        return users.filter(email__iexact=email).exists()
    if resident_id:
        return users.filter(resident_id_hash=crypto.lookup_hash(resident_id)).exists()
    return False
