"""The `make run` demo as people meet it: the real portal started in its own process with the demo settings
(portal.settings.dev, via tests/portal/demo_settings.py), on an SQLite file migrated and loaded with the demo
catalogue and flows, reached over loopback HTTP only.

- Five citizens applying at the same moment all finish, with no server error, and exactly five applications
  exist. (Before SQLite was set up for several writers, two or three of five met "database is locked", a 500,
  on sending.)
- A missing page and a failing view show the portal's own pages, never Django's debug page."""

import os
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.portal.citizen_journey import Citizen

ROOT = Path(__file__).resolve().parents[2]
PENSION_CHECK = "370000-RS-0008"  # the demo's 养老金领取资格认证, flow pension-certification: no uploads
ANSWERS = {"same_address": "yes", "lives_abroad": "no", "alive_declaration": True, "declaration": True}
PASSWORD = "demo-citizen-2026"  # noqa: S105
CITIZENS = 5
SETUP_TIMEOUT = 600


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def manage(env, *args, timeout=SETUP_TIMEOUT):
    done = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout
    )
    assert done.returncode == 0, f"manage.py {' '.join(args)} failed:\n{done.stdout[-2000:]}\n{done.stderr[-4000:]}"
    return done.stdout


CREATE_CITIZENS = """
from portal.accounts.services import user_register
from tests.people import make_resident_id
for n in range({count}):
    user_register(real_name="市民" + "甲乙丙丁戊己庚辛壬癸"[n % 10], password="{password}",
                  phone=f"1391000{{n:04d}}", resident_id=make_resident_id(sequence=n + 1))
"""
COUNT_APPLICATIONS = """
from portal.applications.models import Application
print("APPLICATIONS", Application.objects.count(), Application.objects.exclude(status="draft").count())
"""


@pytest.fixture(scope="module")
def demo_server(tmp_path_factory):
    """The demo portal on http://127.0.0.1:<port>, as `make run` serves it (the development server, threaded)."""
    folder = tmp_path_factory.mktemp("demo")
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DATABASE_URL", "REDIS_URL", "DEBUG", "PORTAL_DEMO", "ALLOWED_HOSTS")
    }
    env.update(
        DJANGO_SETTINGS_MODULE="tests.portal.demo_settings",
        SQLITE_PATH=str(folder / "db.sqlite3"),
        MEDIA_ROOT=str(folder / "media"),
        AUDIT_ANCHOR_PATH=str(folder / "anchors.jsonl"),
        BACKOFFICE_SECRET="dev-backoffice-secret",
        PYTHONPATH=str(ROOT),
    )
    manage(env, "migrate", "--no-input", "-v0")
    manage(env, "load_demo")
    manage(env, "load_demo_flows")
    manage(env, "shell", "-c", CREATE_CITIZENS.format(count=CITIZENS, password=PASSWORD))
    port = free_port()
    log = open(folder / "server.log", "wb")  # noqa: SIM115
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    base_url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            assert server.poll() is None, (folder / "server.log").read_text()
            try:
                with urllib.request.urlopen(base_url + "/healthz", timeout=2) as response:  # noqa: S310
                    if response.status == 200:
                        break
            except OSError:
                assert time.monotonic() < deadline, "the demo server did not start"
                time.sleep(0.2)  # polling for the server to be up
        yield {"url": base_url, "env": env, "log": folder / "server.log"}
    finally:
        os.killpg(server.pid, 15)
        server.wait(timeout=20)
        log.close()


def test_five_citizens_applying_at_once_all_finish_without_a_server_error(demo_server):
    citizens = [Citizen(demo_server["url"]) for _ in range(CITIZENS)]
    for number, citizen in enumerate(citizens):
        assert citizen.sign_in(f"1391000{number:04d}", PASSWORD)
    start = threading.Barrier(CITIZENS)  # every citizen starts the same moment
    finished = [None] * CITIZENS

    def apply(number):
        start.wait(timeout=60)
        finished[number] = citizens[number].apply(PENSION_CHECK, ANSWERS)

    threads = [threading.Thread(target=apply, args=(number,)) for number in range(CITIZENS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    server_errors = [response for citizen in citizens for response in citizen.responses if response[2] >= 500]
    assert server_errors == [], demo_server["log"].read_text()[-3000:]
    assert all(path and path.endswith("/confirmation/") for path in finished), finished
    output = manage(demo_server["env"], "shell", "-c", COUNT_APPLICATIONS, timeout=120)
    assert re.search(r"APPLICATIONS (\d+) (\d+)", output).groups() == (str(CITIZENS), str(CITIZENS))


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")


def test_the_demo_shows_the_portals_own_error_pages_and_serves_its_static_files(demo_server):
    status, body = fetch(demo_server["url"] + "/no-such-page/")
    assert status == 404
    assert "页面未找到" in body  # the portal's own page, in Chinese
    for leak in ("Traceback", "DEBUG = True", "Using the URLconf", str(ROOT), "site-packages"):
        assert leak not in body, leak
    status, body = fetch(demo_server["url"] + "/__test__/server-error/")
    assert status == 500
    assert '<html lang="zh-Hans"' in body and '<main id="main"' in body
    for leak in ("Traceback", "DeliberateServerError", "DEBUG = True", str(ROOT), "site-packages"):
        assert leak not in body, leak
    css = re.search(r'href="(/static/css/portal[^"]*\.css)"', body).group(1)
    assert fetch(demo_server["url"] + css)[0] == 200  # DEBUG off, and the pages are still styled


def test_elder_mode_chosen_on_the_home_page_survives_registration(demo_server):
    """From the home page: switch to elder mode, create an account (the code comes from the server's log, where
    the demo's text messages go), and land signed in, still in elder mode."""
    person = Citizen(demo_server["url"])
    assert person.request("GET", "/")[0] == 200
    status, location, _content = person.request("GET", "/preferences/?elder=1&next=/")
    assert status == 302
    assert "elder-mode" in re.search(r"<html[^>]*>", person.request("GET", "/")[2]).group(0)
    _status, _location, content = person.request("GET", "/accounts/register/")
    details = {"real_name": "孙秀兰", "phone": "13920260099", "password": "a long enough pass phrase"}
    status, location, _content = person.request(
        "POST", "/accounts/register/", person.answer(person.page_form(content), details)
    )
    assert (status, location) == (302, "/accounts/register/confirm/")
    code = None
    for _ in range(50):  # the log line is written as the message is sent; read it back
        found = re.findall(r"SMS to 139\*\*\*\*0099: \D*(\d{6})", demo_server["log"].read_text())
        if found:
            code = found[-1]
            break
        time.sleep(0.1)
    assert code, demo_server["log"].read_text()[-2000:]
    _status, _location, content = person.request("GET", "/accounts/register/confirm/")
    status, location, _content = person.request(
        "POST", "/accounts/register/confirm/", person.answer(person.page_form(content), {"code": code})
    )
    assert status == 302

    _status, _location, landing = person.request("GET", location)

    assert "elder-mode" in re.search(r"<html[^>]*>", landing).group(0)
    assert "孙秀兰" in landing  # signed in
