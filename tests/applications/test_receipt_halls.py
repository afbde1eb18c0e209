"""The receipt lists the service halls of the applicant's city, not all of them."""

import shutil

import pytest

from tests.applying import complete_steps, pdf_text, start_application, submit
from tests.factories import RegionFactory, ServiceHallFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed"),
]


@pytest.fixture
def halls(db):
    jinan = RegionFactory(code="370100", name_zh="济南市", name_en="Jinan")
    qingdao = RegionFactory(code="370200", name_zh="青岛市", name_en="Qingdao")
    lixia = RegionFactory(code="370102", level="district", parent=jinan, name_zh="历下区", name_en="Lixia")
    return [
        ServiceHallFactory(slug="jinan-hall", region=jinan, name_zh="济南市政务服务中心"),
        ServiceHallFactory(slug="lixia-hall", region=lixia, name_zh="历下区政务服务中心"),
        ServiceHallFactory(slug="qingdao-hall", region=qingdao, name_zh="青岛市政务服务中心"),
    ]


def _sent(service_for, citizen, client_for, halls):
    page = service_for("senior-bus-pass")
    page.halls.set(halls)
    page.save_revision().publish()
    client = client_for(citizen)
    application = start_application(client, page)
    complete_steps(client, application)
    assert submit(client, application).status_code == 302
    application.refresh_from_db()
    return application


def test_the_receipt_lists_only_the_halls_of_the_applicants_city(service_for, citizen, client_for, halls, tmp_path):
    from portal.applications.receipts import receipt_render_pdf

    citizen.address_region_code = "370102"  # 济南市历下区
    citizen.save(update_fields=["address_region_code"])
    application = _sent(service_for, citizen, client_for, halls)
    text = pdf_text(receipt_render_pdf(application=application, language="zh-hans"), tmp_path)
    assert "济南市政务服务中心" in text and "历下区政务服务中心" in text
    assert "青岛市政务服务中心" not in text


def test_with_no_city_known_the_receipt_lists_every_hall(service_for, citizen, client_for, halls, tmp_path):
    from portal.applications.receipts import receipt_render_pdf

    citizen.address_region_code = ""
    citizen.save(update_fields=["address_region_code"])
    application = _sent(service_for, citizen, client_for, halls)
    application.answers = {
        key: value for key, value in application.answers.items() if not (isinstance(value, dict) and "city" in value)
    }
    text = pdf_text(receipt_render_pdf(application=application, language="zh-hans"), tmp_path)
    for hall in halls:
        assert hall.name_zh in text
