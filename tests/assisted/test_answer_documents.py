"""A file sent in answer to a request for more information is one of the documents the citizen sent (issue 13,
item 16): listed under "Documents you sent" on the citizen's application page and under "Documents" on the
reviewer's, each with a download link that checks who asks."""

import re

import pytest
from django.urls import reverse

from portal.assisted.models import MoreInformationDocument
from tests.applying import PDF_BYTES, upload

pytestmark = pytest.mark.django_db


def _section(html, heading):
    """The list that follows `heading` (an <h2>), up to the next heading."""
    match = re.search(rf"<h2[^>]*>{re.escape(heading)}</h2>(.*?)(?:<h2|$)", html, re.S)
    assert match, f"no section {heading!r}"
    return match.group(1)


@pytest.fixture
def answered(submitted, client_for, reviewer, citizen, django_capture_on_commit_callbacks):
    reviewer_client = client_for(reviewer)
    with django_capture_on_commit_callbacks(execute=True):
        reviewer_client.post(
            reverse("assisted:queue_action", kwargs={"pk": submitted.pk, "action": "start"}),
            {"expected_status": "submitted"},
        )
        reviewer_client.post(
            reverse("assisted:queue_action", kwargs={"pk": submitted.pk, "action": "more-information"}),
            {"more-expected_status": "in_review", "more-note": "请补充户口簿首页。"},
        )
        response = client_for(citizen).post(
            reverse("more_information:answer", kwargs={"pk": submitted.pk}),
            {"text": "已补充。", "files": [upload("hukou-page.pdf", PDF_BYTES)]},
        )
    assert response.status_code == 302
    return MoreInformationDocument.objects.get(answer__application=submitted)


def test_the_citizen_sees_and_downloads_the_file_sent_with_their_answer(answered, submitted, client_for, citizen):
    from portal.accounts.services import user_register

    client = client_for(citizen)
    html = client.get(reverse("applications:detail", kwargs={"pk": submitted.pk})).content.decode()
    documents = _section(html, "Documents you sent")
    assert submitted.documents.get().original_name in documents  # the form's own upload, still listed
    assert "hukou-page.pdf" in documents
    url = reverse("more_information:document", kwargs={"pk": answered.pk})
    assert f'href="{url}"' in documents
    response = client.get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF_BYTES
    stranger = user_register(real_name="路人", password="correct-horse-battery", phone="13500001111")
    assert client_for(stranger).get(url).status_code == 404  # someone else's file: as if there were none


def test_the_reviewer_sees_it_among_the_documents(answered, submitted, client_for, reviewer):
    html = client_for(reviewer).get(reverse("assisted:queue_detail", kwargs={"pk": submitted.pk})).content.decode()
    documents = _section(html, "Documents")
    assert "hukou-page.pdf" in documents
    assert reverse("assisted:queue_answer_document", kwargs={"pk": answered.pk}) in documents
