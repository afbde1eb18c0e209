"""A request id for every request: taken from a trusted X-Request-ID header when it looks like one,
otherwise made up; kept for audit events and sent back in the response."""

import contextvars
import re
import uuid

from django.core.signals import request_finished

_current = contextvars.ContextVar("request_id", default="")
_SHAPE = re.compile(r"^[A-Za-z0-9._-]{8,64}$")


def current_request_id():
    return _current.get()


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        supplied = request.headers.get("X-Request-ID", "")
        request.request_id = supplied if _SHAPE.match(supplied) else uuid.uuid4().hex
        _current.set(request.request_id)  # until the response is closed: Django logs a 4xx or 5xx after the middleware
        response = self.get_response(request)
        response["X-Request-ID"] = request.request_id
        return response


def _forget_request_id(**kwargs):
    _current.set("")


request_finished.connect(_forget_request_id, dispatch_uid="portal.audit.request_id")
