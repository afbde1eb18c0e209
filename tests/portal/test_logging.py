"""Every log record carries the id of the request it belongs to (the X-Request-ID the response gives back), and
production writes one JSON object per line for the log collector."""

import json
import logging.config

import pytest

from portal.log_format import logging_config


@pytest.fixture
def logs_as(settings, capsys):
    """logs_as("json") -> a function returning the lines logged since; the test settings' logging put back after."""

    def configure(log_format):
        logging.config.dictConfig(logging_config(log_format=log_format, level="INFO"))
        capsys.readouterr()
        return lambda: capsys.readouterr().err.splitlines()

    yield configure
    logging.config.dictConfig(settings.LOGGING)


@pytest.mark.django_db
def test_a_request_s_log_records_carry_its_id_as_json(client, logs_as):
    lines = logs_as("json")

    response = client.get("/no-such-page/", HTTP_X_REQUEST_ID="req-0123456789abcdef")

    [record] = [json.loads(line) for line in lines() if "no-such-page" in line]
    assert response["X-Request-ID"] == record["request_id"] == "req-0123456789abcdef"
    assert (record["level"], record["logger"]) == ("WARNING", "django.request")
    assert record["message"] == "Not Found: /no-such-page/"


@pytest.mark.django_db
def test_records_after_a_request_have_an_empty_id_and_exceptions_are_kept(client, logs_as):
    lines = logs_as("json")
    client.get("/no-such-page/", HTTP_X_REQUEST_ID="req-finished-0123456789")
    lines()  # that request's own records
    try:
        raise ValueError("a broken job")
    except ValueError:
        logging.getLogger("portal.background").exception("The job failed")

    [record] = [json.loads(line) for line in lines()]
    assert record["request_id"] == "" and record["message"] == "The job failed"
    assert "ValueError: a broken job" in record["exception"]


@pytest.mark.django_db
def test_plain_logs_show_the_id_too(client, logs_as):
    lines = logs_as("plain")

    client.get("/no-such-page/", HTTP_X_REQUEST_ID="req-plain-0123456789")

    assert any("[req-plain-0123456789] Not Found: /no-such-page/" in line for line in lines())
