"""Sending codes by text message. settings.PORTAL_SMS_SENDER names a class with send(*, phone, message)
(the same setting the application notifications use); the default only logs, with the number masked."""

import logging

from django.conf import settings
from django.utils.module_loading import import_string

from .crypto import mask_phone

logger = logging.getLogger(__name__)


class ConsoleSmsSender:
    def send(self, *, phone, message):
        logger.info("SMS to %s: %s", mask_phone(phone), message)


def sms_send(*, phone, message):
    path = getattr(settings, "PORTAL_SMS_SENDER", "portal.accounts.sms.ConsoleSmsSender")
    import_string(path)().send(phone=phone, message=message)
