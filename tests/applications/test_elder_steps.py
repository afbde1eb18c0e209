"""Elder mode asks one question per page: "Question 2 of 3" within "Step 1 of 5", the question as the page's
heading, a Back link to the previous question, the draft saved at every question (with the same optimistic
lock), later questions of the step shown or not by the answers so far, and Change links on the check page
that go to the very question and come back. Standard mode keeps the whole step on one page."""

import re
import uuid

import pytest
from django.urls import reverse

from portal.applications.models import Application
from tests.applying import PNG_BYTES, start_application, step_post_data, step_url, upload

pytestmark = pytest.mark.django_db

FLOW = "senior-bus-pass"  # about-you (name, known ID number, phone), photo, collect (how; which hall), delivery


def question_url(application, step, number, change=False):
    url = reverse("applications:question", kwargs={"pk": application.pk, "step": step, "question": number})
    return url + "?change=1" if change else url


def check_url(application):
    return reverse("applications:check", kwargs={"pk": application.pk})


def version(application):
    return str(Application.objects.get(pk=application.pk).version)


def back_link(body):
    return re.search(r'<a class="back-link" href="([^"]*)"', body).group(1)


def answer_shown(body, question):
    """The answer the check page `body` shows for `question` (its label)."""
    match = re.search(
        rf'<dt class="summary-list__key">{re.escape(question)}</dt>\s*'
        r'<dd class="summary-list__value">(.*?)</dd>',
        body,
        re.S,
    )
    assert match, f"no answer to {question!r} on the check page"
    return match.group(1)


@pytest.fixture
def elder(citizen):
    citizen.elder_mode = True
    citizen.save()
    return citizen


def test_a_step_is_asked_one_question_at_a_time(service_for, elder, client_for):
    client = client_for(elder)
    application = start_application(client, service_for(FLOW))
    assert client.get(step_url(application, "about-you"))["Location"] == question_url(application, "about-you", 1)

    body = client.get(question_url(application, "about-you", 1)).content.decode()
    assert "Step 1 of 3" in body and "Question 1 of 2" in body
    assert re.search(r'<h1 class="label-wrapper"><label for="id_full_name">Your full name</label></h1>', body)
    assert re.search(r"<title>Your full name\s+- ", body)
    assert 'name="phone"' not in body and elder.masked_resident_id not in body  # one question only
    assert back_link(body) == reverse("applications:start", kwargs={"service_code": application.service_code})

    # An error concerns this one question, in the usual pattern; nothing is saved.
    first = question_url(application, "about-you", 1)
    response = client.post(first, {"full_name": "", "version": version(application)})
    body = response.content.decode()
    assert response.status_code == 200 and re.search(r"<title>Error: Your full name\s+- ", body)
    start = body.index('class="error-summary"')
    summary = body[start : body.index("</ul>", start)]
    assert "There is a problem" in summary and summary.count("<li>") == 1 and 'href="#id_full_name"' in summary

    # Each question is saved as it is answered; the step counts as done at its last question.
    response = client.post(
        question_url(application, "about-you", 1), {"full_name": "张三", "version": version(application)}
    )
    assert response["Location"] == question_url(application, "about-you", 2)
    application.refresh_from_db()
    assert application.answers["full_name"] == "张三" and "encrypted" in application.answers["resident_id"]
    assert "about-you" not in application.completed_steps
    body = client.get(question_url(application, "about-you", 2)).content.decode()
    assert "Question 2 of 2" in body and back_link(body) == question_url(application, "about-you", 1)
    assert re.search(r'<h1 class="label-wrapper"><label for="id_phone">Your mobile phone number</label></h1>', body)
    assert 'value="13912345678"' in body  # known from the account, as in standard mode
    response = client.post(
        question_url(application, "about-you", 2), {"phone": "13912345678", "version": version(application)}
    )
    assert response["Location"] == step_url(application, "photo")
    application.refresh_from_db()
    assert "about-you" in application.completed_steps

    # A step of one question is a page of its own as before; Back goes to the last question of the step before.
    body = client.get(step_url(application, "photo")).content.decode()
    assert "Question" not in body and "Step 2 of 3" in body
    assert back_link(body) == question_url(application, "about-you", 2)
    response = client.post(
        step_url(application, "photo"), {"photo": upload("me.png", PNG_BYTES), "version": version(application)}
    )
    assert response["Location"] == step_url(application, "collect")

    # A question that depends on an earlier answer in the same step appears only when that answer says so.
    assert client.get(step_url(application, "collect"))["Location"] == question_url(application, "collect", 1)
    body = client.get(question_url(application, "collect", 1)).content.decode()
    assert "Question 1 of 1" in body
    assert re.search(r"<legend[^>]*><h1[^>]*>How do you want to get your pass\?</h1></legend>", body)
    response = client.post(
        question_url(application, "collect", 1), {"collect_method": "hall", "version": version(application)}
    )
    assert response["Location"] == question_url(application, "collect", 2)
    body = client.get(question_url(application, "collect", 2)).content.decode()
    assert "Question 2 of 2" in body and "Which service hall will you go to?" in body
    response = client.post(
        question_url(application, "collect", 2), {"collect_hall": "jinan", "version": version(application)}
    )
    assert response["Location"] == check_url(application)

    # Change links go to the very question, and back to the check page.
    check = client.get(check_url(application)).content.decode()
    assert question_url(application, "about-you", 2, change=True) in check
    assert question_url(application, "collect", 2, change=True) in check
    body = client.get(question_url(application, "about-you", 2, change=True)).content.decode()
    assert back_link(body) == check_url(application) and "Save and return to your answers" in body
    response = client.post(
        question_url(application, "about-you", 2, change=True),
        {"phone": "13800001111", "version": version(application)},
    )
    assert response["Location"] == check_url(application)
    assert (
        answer_shown(client.get(check_url(application)).content.decode(), "Your mobile phone number") == "13800001111"
    )

    # Changing to delivery by post drops the hall question and asks for the address before the check page.
    response = client.post(
        question_url(application, "collect", 1, change=True),
        {"collect_method": "post", "version": version(application)},
    )
    assert response["Location"] == step_url(application, "delivery") + "?change=1"
    data = step_post_data(application, "delivery")
    assert client.post(step_url(application, "delivery") + "?change=1", data)["Location"] == check_url(application)
    check = client.get(check_url(application)).content.decode()
    assert "Which service hall" not in check and "经十路1号" in check

    # The declaration and sending work as before.
    application.refresh_from_db()
    response = client.post(
        check_url(application),
        {"declaration": "on", "idempotency_key": str(uuid.uuid4()), "version": str(application.version)},
    )
    assert response["Location"] == reverse("applications:confirmation", kwargs={"pk": application.pk})
    application.refresh_from_db()
    assert application.status == "submitted" and application.answers["phone"] == "13800001111"


def test_question_numbers_out_of_range_go_to_the_first_unanswered_question(service_for, elder, client_for):
    client = client_for(elder)
    application = start_application(client, service_for(FLOW))
    assert client.get(question_url(application, "about-you", 9))["Location"] == question_url(
        application, "about-you", 1
    )
    client.post(question_url(application, "about-you", 1), {"full_name": "张三", "version": version(application)})
    assert client.get(question_url(application, "about-you", 0))["Location"] == question_url(
        application, "about-you", 2
    )
    # A bookmarked question resumes there, on any device.
    assert client_for(elder).get(question_url(application, "about-you", 2)).status_code == 200


def test_a_question_saved_in_another_tab_is_refused_and_nothing_typed_is_lost(service_for, elder, client_for):
    tab_a, tab_b = client_for(elder), client_for(elder)
    application = start_application(tab_a, service_for(FLOW))
    loaded = version(application)
    first = question_url(application, "about-you", 1)
    assert tab_a.post(first, {"full_name": "张三甲", "version": loaded}).status_code == 302
    response = tab_b.post(first, {"full_name": "张三乙", "version": loaded})
    body = response.content.decode()
    assert response.status_code == 409 and "Your answers have not been saved yet" in body
    assert 'value="张三乙"' in body and f'name="version" value="{version(application)}"' in body
    assert Application.objects.get(pk=application.pk).answers["full_name"] == "张三甲"


def test_standard_mode_keeps_the_whole_step_on_one_page(service_for, citizen, client_for):
    client = client_for(citizen)
    application = start_application(client, service_for(FLOW))
    response = client.get(question_url(application, "about-you", 2))
    assert response["Location"] == step_url(application, "about-you") + "#id_phone"
    body = client.get(step_url(application, "about-you")).content.decode()
    assert 'name="full_name"' in body and 'name="phone"' in body and citizen.masked_resident_id in body
    assert "Question" not in body and "<h1>About you</h1>" in body


def test_standard_mode_asks_a_question_revealed_on_the_same_page_before_moving_on(service_for, citizen, client_for):
    client = client_for(citizen)
    application = start_application(client, service_for(FLOW))
    response = client.post(
        step_url(application, "collect"), step_post_data(application, "collect", {"collect_method": "hall"})
    )
    assert response["Location"] == step_url(application, "collect")
    body = client.get(step_url(application, "collect")).content.decode()
    assert 'name="collect_hall"' in body
    data = step_post_data(application, "collect", {"collect_method": "hall", "collect_hall": ""})
    data.pop("collect_hall")
    assert "Select which service hall" in client.post(step_url(application, "collect"), data).content.decode()
    # Changed to delivery by post, the hall question is no longer asked, so its empty answer is no error.
    data["collect_method"] = "post"
    assert client.post(step_url(application, "collect"), data).status_code == 302


def test_an_upload_asked_as_one_question_of_a_step(service_for, elder, client_for):
    from portal.applications.models import ApplicationDocument
    from tests.applying import PDF_BYTES

    client = client_for(elder)
    application = start_application(client, service_for("disability-certificate"))  # "medical": a date, a file
    first, second = question_url(application, "medical", 1), question_url(application, "medical", 2)
    response = client.post(
        first,
        {
            "assessment_date_0": "2024",
            "assessment_date_1": "5",
            "assessment_date_2": "6",
            "version": version(application),
        },
    )
    assert response["Location"] == second
    body = client.get(second).content.decode()
    assert 'enctype="multipart/form-data"' in body and 'type="file"' in body and "Question 2 of 2" in body
    response = client.post(second, {"medical_report": upload("report.pdf", PDF_BYTES), "version": version(application)})
    assert response.status_code == 302
    document = ApplicationDocument.objects.get(application=application)
    body = client.get(second).content.decode()
    assert "report.pdf" in body and 'name="remove_document"' in body
    assert (
        client.post(second, {"remove_document": str(document.pk), "version": version(application)})["Location"]
        == second
    )
    assert not ApplicationDocument.objects.filter(application=application).exists()
    assert (
        "Upload your medical assessment report"
        in client.post(second, {"version": version(application)}).content.decode()
    )


@pytest.fixture
def chromium():
    from tests.browser.chromium import chromium_start

    driver = chromium_start(prefs={"intl.accept_languages": "en"})
    yield driver
    driver.quit()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_in_a_browser_one_question_per_page_with_its_error_and_back(chromium, live_server, service_for, elder):
    """In Chromium: the question is the page's heading and the input's name; an error on it focuses the summary;
    Back returns to the question before with its answer kept."""
    from selenium.webdriver.common.by import By

    from tests.browser.chromium import path_of, press, sign_in, wait_until_replaced

    driver, base = chromium, live_server.url
    page = service_for(FLOW)
    sign_in(driver, base)
    driver.get(f"{base}/en/apply/{page.service_code}/")
    press(driver, "main button.button--start")
    application = Application.objects.get(applicant=elder)
    assert path_of(driver) == question_url(application, "about-you", 1)
    name = driver.find_element(By.ID, "id_full_name")
    assert driver.find_element(By.TAG_NAME, "h1").text == "Your full name"
    assert name.accessible_name == "Your full name"
    name.clear()
    press(driver)
    assert driver.title.startswith("Error: ")
    assert driver.switch_to.active_element.get_attribute("class") == "error-summary"
    driver.find_element(By.ID, "id_full_name").send_keys("张小三")
    press(driver)
    assert path_of(driver) == question_url(application, "about-you", 2)
    assert driver.find_element(By.TAG_NAME, "h1").text == "Your mobile phone number"
    back = driver.find_element(By.CSS_SELECTOR, "a.back-link")
    back.click()
    wait_until_replaced(driver, back)
    assert path_of(driver) == question_url(application, "about-you", 1)
    assert driver.find_element(By.ID, "id_full_name").get_attribute("value") == "张小三"
