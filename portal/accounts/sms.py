"""Sending text messages (sign-in codes, notices): settings.PORTAL_SMS_SENDER names a class with
send(*, phone, message); the default only logs, with the number masked, so nothing leaves a developer's
machine."""

import logging

from django.conf import settings
from django.utils.module_loading import import_string

from .crypto import mask_phone

logger = logging.getLogger(__name__)


class SmsSender:
    def send(self, *, phone, message):
        raise NotImplementedError


class ConsoleSmsSender(SmsSender):
    """Writes the message to the log with the number masked."""

    def send(self, *, phone, message):
        logger.info("SMS to %s: %s", mask_phone(phone), message)


class MemorySmsSender(SmsSender):
    """Keeps messages in `outbox`, for tests."""

    outbox = []

    def send(self, *, phone, message):
        self.outbox.append({"phone": phone, "message": message})


def sms_send(*, phone, message):
    import_string(settings.PORTAL_SMS_SENDER)().send(phone=phone, message=message)
