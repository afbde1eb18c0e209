"""Issue 13, item 15 (navigation): signed-in staff get their own links in the header (staff home and their
tools), not the citizen's "My applications" and "Acting for someone"."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def header_links(client):
    page = client.get(reverse("get_help")).content.decode()
    header = re.search(r'<header class="site-header">(.*?)</header>', page, re.S).group(1)
    return {
        re.sub(r"<[^>]+>|\s+", " ", text).strip(): href
        for href, text in re.findall(r'<a[^>]*href="([^"]+)"[^>]*>(.*?)</a>', header, re.S)
    }


def test_a_reviewer_sees_staff_home_and_the_queue_not_the_citizens_links(reviewer, client_for):
    links = header_links(client_for(reviewer))
    assert links.get("Staff") == reverse("staff:home")
    assert links.get("Department queue") == reverse("assisted:queue")
    assert "My applications" not in links and "Acting for someone" not in links


def test_hall_staff_see_their_own_tools(hall_staff, client_for):
    links = header_links(client_for(hall_staff))
    assert links.get("Staff") == reverse("staff:home")
    assert links.get("Assist a citizen") == reverse("assisted:home")
    assert "Department queue" not in links  # not theirs
    assert "My applications" not in links


def test_a_citizen_keeps_the_citizens_links(citizen, client_for):
    links = header_links(client_for(citizen))
    assert "My applications" in links and "Acting for someone" in links
    assert "Staff" not in links
