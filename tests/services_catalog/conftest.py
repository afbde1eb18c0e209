import pytest


@pytest.fixture
def editor_client(client, db):
    """`client`, signed in as an editor (a superuser) who has passed the second factor the admin demands, and
    who reads the admin in English (the assertions read its English messages)."""
    from django.contrib.auth import get_user_model
    from wagtail.users.models import UserProfile

    from tests.accounts.otp_helpers import otp_verified_login

    editor = get_user_model().objects.create_superuser(
        username="editor", email="editor@example.gov.cn", password="an-editor-password-1"
    )
    otp_verified_login(client, editor)
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "en"
    profile.save()
    return client
