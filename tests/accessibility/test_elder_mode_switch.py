import re

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("query", ["长辈版", "关怀版", "大字版", "elder", "Elder mode"])
def test_elder_mode_is_found_by_searching_for_it(client, tree, query):
    response = client.get("/search/", {"q": query})

    body = response.content.decode()
    assert response.status_code == 200
    link = re.search(r'href="(/preferences/\?elder=1[^"]*)"', body)
    assert link, body[:500]

    switched = client.get(link.group(1).replace("&amp;", "&"))
    assert switched.status_code == 302
    assert switched["Location"].startswith("/search/")
    assert 'class="text-large elder-mode' in client.get(switched["Location"]).content.decode()


def test_elder_mode_switch_is_remembered_and_can_be_switched_off(client, tree):
    client.get("/preferences/", {"elder": "1", "next": "/services/"})
    assert "elder-mode" in client.get("/services/").content.decode()

    client.get("/preferences/", {"elder": "0", "next": "/services/"})
    assert "elder-mode" not in client.get("/services/").content.decode()


def test_signed_in_preference_is_kept_in_the_account(client, tree, django_user_model):
    user = django_user_model.objects.create_user(username="older", password="a-long-password-1")
    client.force_login(user)

    client.get("/preferences/", {"elder": "1"})

    user.refresh_from_db()
    assert user.elder_mode is True
    client.cookies.pop("elder_mode", None)
    assert "elder-mode" in client.get("/").content.decode()
