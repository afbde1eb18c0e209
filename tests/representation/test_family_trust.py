"""Issue 13, the family (代办): the relationship reads right from both sides, the principal is asked for their own
answer, services are chosen by name, both see when it ends, and an agent switched back is told why."""

import re
from datetime import timedelta

import pytest
from django.apps import apps
from django.urls import reverse
from django.utils import timezone

from portal.representation.models import Mandate

pytestmark = pytest.mark.django_db

FLOW = "senior-bus-pass"


def _item(html, element_id):
    """The text of the list item `element_id` on a page, tags removed, spaces squeezed."""
    match = re.search(rf'<li class="mandate" id="{element_id}">(.*?)\n  </li>', html, re.S)
    assert match, f"no {element_id} on the page"
    return " ".join(re.sub(r"<[^>]+>", " ", match.group(1)).split())


def _ask(client, principal, **changes):
    data = {
        "principal_name": principal.real_name,
        "principal_identifier": principal.resident_id,
        "relationship": "parent",
        "scope": "all",
        "days": "365",
        **changes,
    }
    return client.post(reverse("representation:request"), data)


def _mine(client):
    return client.get(reverse("representation:mine")).content.decode()


def test_the_agent_sees_their_parent_and_the_parent_sees_their_child(client_for, principal, agent):
    """The agent answers "they are your: parent"; each side then reads the other person rightly."""
    agent_client, principal_client = client_for(agent), client_for(principal)
    assert _ask(agent_client, principal, relationship="parent").status_code == 302
    mandate = Mandate.objects.get(agent=agent, principal=principal)
    principal_client.post(reverse("representation:answer", kwargs={"pk": mandate.pk}), {"answer": "agree"})

    on_agent_page = _item(_mine(agent_client), f"held-{mandate.pk}")
    on_principal_page = _item(_mine(principal_client), f"given-{mandate.pk}")
    assert "王奶奶 (Parent)" in on_agent_page
    assert "王小明 (Son or daughter)" in on_principal_page


def test_the_question_is_asked_about_the_other_person(client_for, agent):
    page = client_for(agent).get(reverse("representation:request")).content.decode()
    assert "They are your:" in page
    for label in (
        "Parent",
        "Son or daughter",
        "Husband or wife",
        "Brother or sister",
        "Grandparent",
        "Grandchild",
        "Other relative",
        "Someone else",
    ):
        assert f">{label}</label>" in page


def test_stored_values_are_turned_round_to_the_agents_side(principal, agent):
    """Before, the value said who the agent was to the principal (a son chose "son or daughter"); the data
    migration turns every stored value round, so that it says who the principal is to the agent."""
    import importlib

    migration = importlib.import_module("portal.representation.migrations.0003_relationship_from_the_agents_side")
    now = timezone.now()
    made = {
        old: Mandate.objects.create(
            principal=principal,
            agent=agent,
            relationship=old,
            valid_from=now,
            valid_until=now + timedelta(days=1),
            requested_at=now,
        ).pk
        for old in ("child", "parent", "grandchild", "carer", "spouse", "sibling", "other_relative")
    }
    migration._turn_round(migration.FORWARD)(apps, None)
    now_reads = {old: Mandate.objects.get(pk=pk).relationship for old, pk in made.items()}
    assert now_reads == {
        "child": "parent",
        "parent": "child",
        "grandchild": "grandparent",
        "carer": "other",
        "spouse": "spouse",
        "sibling": "sibling",
        "other_relative": "other_relative",
    }


def test_the_principal_is_asked_for_their_own_answer_and_the_agent_waits(client_for, principal, agent):
    agent_client, principal_client = client_for(agent), client_for(principal)
    _ask(agent_client, principal)
    mandate = Mandate.objects.get(agent=agent, principal=principal)

    on_principal_page = _item(_mine(principal_client), f"given-{mandate.pk}")
    assert "Waiting for your answer" in on_principal_page
    assert "Waiting for an answer" not in on_principal_page
    assert "Agree: let 王小明 act for me" in on_principal_page and "Decline" in on_principal_page
    assert "Waiting for an answer" in _item(_mine(agent_client), f"held-{mandate.pk}")


def test_services_are_found_by_name_and_stored_by_code(client_for, service_for, principal, agent):
    page = service_for(FLOW, english=True)
    service_for("elderly-care-subsidy", english=True)
    agent_client = client_for(agent)
    empty = agent_client.get(reverse("representation:request")).content.decode()
    assert "3700-RS-001" not in empty and 'name="service_search"' in empty

    found = agent_client.post(
        reverse("representation:request"),
        {
            "principal_name": principal.real_name,
            "principal_identifier": principal.resident_id,
            "relationship": "parent",
            "scope": "chosen",
            "days": "365",
            "service_search": "bus",
            "find": "1",
        },
    ).content.decode()
    assert "Senior bus pass (Department of Civil Affairs)" in found
    assert f'value="{page.service_code}"' in found
    assert "Elderly care subsidy" not in found  # only the services whose name matches
    assert "There is a problem" not in found  # finding is not sending
    assert not Mandate.objects.exists()

    response = _ask(agent_client, principal, scope="chosen", service_search="bus", service_codes=[page.service_code])
    assert response.status_code == 302
    mandate = Mandate.objects.get(agent=agent, principal=principal)
    assert mandate.service_codes == [page.service_code] and not mandate.all_services
    assert "Senior bus pass" in _item(_mine(agent_client), f"held-{mandate.pk}")


def test_choosing_only_some_services_without_ticking_one_says_what_to_do(client_for, service_for, principal, agent):
    service_for(FLOW, english=True)
    response = _ask(client_for(agent), principal, scope="chosen")
    assert response.status_code == 200
    assert "Find the services by name and tick at least one" in response.content.decode()
    assert not Mandate.objects.exists()


def test_a_search_that_finds_nothing_says_so(client_for, service_for, principal, agent):
    service_for(FLOW, english=True)
    found = (
        client_for(agent)
        .post(
            reverse("representation:request"),
            {
                "principal_name": principal.real_name,
                "principal_identifier": principal.resident_id,
                "scope": "chosen",
                "service_search": "passport",
                "find": "1",
            },
        )
        .content.decode()
    )
    assert "No other service name contains “passport”" in found


def test_both_see_when_it_ends_in_words(client_for, principal, agent, mandate_for):
    mandate = mandate_for(days=365)
    Mandate.objects.filter(pk=mandate.pk).update(valid_until=timezone.make_aware(timezone.datetime(2027, 12, 3, 12, 0)))
    assert "Ends on 3 December 2027" in _item(_mine(client_for(agent)), f"held-{mandate.pk}")
    assert "Ends on 3 December 2027" in _item(_mine(client_for(principal)), f"given-{mandate.pk}")


def test_an_agent_switched_back_is_told_who_ended_it(client_for, principal, agent, mandate_for):
    mandate = mandate_for()
    agent_client = client_for(agent)
    agent_client.post(reverse("representation:act", kwargs={"pk": mandate.pk}))
    client_for(principal).post(reverse("representation:revoke", kwargs={"pk": mandate.pk}))

    next_page = agent_client.get(reverse("applications:mine")).content.decode()
    assert "王奶奶 ended your permission to act for them." in next_page
    after = agent_client.post(reverse("representation:stop"), follow=True).content.decode()
    assert "王奶奶 ended your permission to act for them. You are acting for yourself again." in after
    assert 'id="acting-banner"' not in after


def test_an_agent_whose_permission_ran_out_is_told_when(client_for, principal, agent, mandate_for):
    mandate = mandate_for()
    agent_client = client_for(agent)
    agent_client.post(reverse("representation:act", kwargs={"pk": mandate.pk}))
    Mandate.objects.filter(pk=mandate.pk).update(
        valid_from=timezone.now() - timedelta(days=3), valid_until=timezone.now() - timedelta(days=1)
    )
    page = agent_client.get(reverse("applications:mine")).content.decode()
    assert "Your permission to act for 王奶奶 ended on" in page
