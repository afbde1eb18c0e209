"""The demo is told apart by its own setting (PORTAL_DEMO, on in portal/settings/dev.py only), not by DEBUG, which
the demo leaves off: its known accounts exist only with the setting on, its Wagtail images are served with DEBUG
off, and a database that stays busy past its wait answers "the portal is busy" (503), never a 500."""

import importlib
import io

import pytest
from django.core.management import CommandError, call_command
from django.db import OperationalError
from django.test import Client, override_settings
from django.urls import clear_url_caches, path, reverse
from django.utils import translation

pytestmark = pytest.mark.django_db


def test_the_demo_settings_serve_without_debug_and_with_the_demo_on():
    import portal.settings.dev as dev

    assert dev.DEBUG is False
    assert dev.PORTAL_DEMO is True
    assert dev.WHITENOISE_USE_FINDERS is True  # static files without collectstatic, DEBUG off


def test_demo_accounts_need_the_demo_setting_and_not_debug(client, settings, capsys):
    from portal.staff.management.commands.create_demo_staff import DEMO_DEPARTMENT, DEMO_HALL
    from tests.factories import DepartmentFactory, ServiceHallFactory

    ServiceHallFactory(slug=DEMO_HALL)
    DepartmentFactory(code=DEMO_DEPARTMENT)
    settings.DEBUG, settings.PORTAL_DEMO = True, False  # DEBUG alone does not make a portal the demo
    for command in ("create_demo_editor", "create_demo_staff", "demo_otp_code"):
        with pytest.raises(CommandError, match="PORTAL_DEMO"):
            call_command(command, stdout=io.StringIO())

    settings.DEBUG, settings.PORTAL_DEMO = False, True  # the demo, as `make run` serves it
    call_command("create_demo_editor", stdout=io.StringIO())
    call_command("create_demo_staff", stdout=io.StringIO())
    capsys.readouterr()
    call_command("demo_otp_code", "--username", "reviewer")
    code = capsys.readouterr().out.strip().splitlines()[-1]
    assert (
        client.post("/accounts/sign-in/", {"identifier": "reviewer", "password": "demo-editor-2026"}).status_code == 302
    )
    assert client.post(reverse("accounts:otp_verify"), {"code": code}).status_code == 302
    assert client.get("/staff/").status_code == 200


@pytest.fixture
def urls_as_built(settings, tmp_path):
    """portal.urls rebuilt under the given settings (its media routes are decided when it is imported)."""
    import portal.urls

    settings.MEDIA_ROOT = str(tmp_path)
    (tmp_path / "original_images").mkdir()
    (tmp_path / "original_images" / "hall.png").write_bytes(b"\x89PNG\r\n\x1a\n a demo hall's photo")

    def build(**overrides):
        with override_settings(**overrides):
            importlib.reload(portal.urls)
        clear_url_caches()

    yield build
    importlib.reload(portal.urls)
    clear_url_caches()


def test_the_demo_shows_wagtail_images_with_debug_off(urls_as_built, client):
    urls_as_built(DEBUG=False, PORTAL_DEMO=True)
    response = client.get("/media/original_images/hall.png")
    assert response.status_code == 200
    urls_as_built(DEBUG=False, PORTAL_DEMO=False)  # a real portal: the web server serves no media
    assert client.get("/media/original_images/hall.png").status_code == 404


def locked(request):
    raise OperationalError("database is locked")


def broken(request):
    raise ValueError("a real fault")


urlpatterns = [path("locked/", locked), path("broken/", broken)]
handler500 = "portal.views.server_error"  # as portal/urls.py names it


@override_settings(ROOT_URLCONF=__name__, DEBUG=False)
@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_a_database_busy_past_its_wait_says_try_again_and_nothing_is_lost(language):
    client = Client(raise_request_exception=False)
    response = client.get("/locked/", headers={"accept-language": language})
    body = response.content.decode()
    assert response.status_code == 503
    assert response["Retry-After"]
    with translation.override(language):
        assert translation.gettext("The portal is busy") in body
        assert (
            translation.gettext(
                "Nothing you entered is lost: every page you completed is saved, and this page's answers are still in "
                "your browser when you go back."
            )
            in body
        )
    assert "Traceback" not in body
    assert client.get("/broken/").status_code == 500  # any other fault is still the 500 page
