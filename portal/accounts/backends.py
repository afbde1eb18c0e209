from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.db.models import Q


class PhoneOrEmailBackend(ModelBackend):
    """Signs people in by mobile phone number, e-mail address or (for staff accounts) user name."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if not username or password is None:
            return None
        user_model = get_user_model()
        identifier = username.strip()
        users = list(
            user_model._default_manager.filter(
                Q(phone=identifier) | Q(email__iexact=identifier) | Q(username=identifier)
            )[:2]
        )
        if len(users) != 1:
            user_model().set_password(password)  # same work as a real check, so timing reveals nothing
            return None
        user = users[0]
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None
