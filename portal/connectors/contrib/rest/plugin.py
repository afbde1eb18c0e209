"""REST/JSON push: POST the application as JSON to the back office's URL, signed with HMAC-SHA256 over
"<timestamp>.<body>" (X-Portal-Timestamp, X-Portal-Signature: sha256=<hex>) and carrying the delivery's
Idempotency-Key, so that a retry is recorded once. A 2xx answer is JSON, {"reference": "<theirs>"} or empty;
an answer that is too large, too deep, not UTF-8 or not JSON is a failed attempt (portal/jsonsafe.py).
Settings: {"url": "...", "timeout": 20, "health_url": "..."}; the secret comes from the environment
variable the configuration names."""

import json
import urllib.error
import urllib.request

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from portal.jsonsafe import JSONRejected, parse_json, read_bounded

from ... import signing
from ...base import Connector, DeliveryError, DeliveryResult, Health
from ...registry import register

RETRYABLE = {408, 409, 425, 429}  # 409: the receiver is busy with the same key; try again later
ANSWER_MAX_BYTES = 64 * 1024  # the answer is {"reference": ...}; anything bigger or deeper is not one
ANSWER_MAX_DEPTH = 32


def _check_url(url):
    if not url or not url.startswith(("http://", "https://")):
        raise DeliveryError(f"not an http(s) URL: {url!r}", permanent=True)
    return url


@register("rest-json")
class RestJsonConnector(Connector):
    label = _("REST/JSON push (HMAC-signed)")
    required_settings = ("url",)
    needs_secret = True
    default_status_map = {  # the portal's own names, in case the back office speaks them
        "received": "received",
        "in_review": "in_review",
        "more_info_requested": "more_info_requested",
        "approved": "approved",
        "rejected": "rejected",
        "completed": "completed",
    }

    def timeout(self):
        return float(self.settings.get("timeout") or settings.CONNECTORS_HTTP_TIMEOUT_SECONDS)

    def deliver(self, *, delivery, payload):
        url = _check_url(self.settings.get("url"))
        body = json.dumps(payload, ensure_ascii=False, sort_keys=True).encode()
        headers = {
            "Content-Type": "application/json; charset=utf-8",
            "User-Agent": "portal-connectors/1",
            "X-Portal-Connector": self.config.slug,
            **signing.signed_headers(self.secret(), body, idempotency_key=delivery.idempotency_key),
        }
        request = urllib.request.Request(url, data=body, headers=headers, method="POST")  # noqa: S310 (checked)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout()) as response:  # noqa: S310
                answer = parse_json(
                    read_bounded(response, ANSWER_MAX_BYTES) or b"{}",
                    max_bytes=ANSWER_MAX_BYTES,
                    max_depth=ANSWER_MAX_DEPTH,
                )
        except urllib.error.HTTPError as error:
            permanent = 400 <= error.code < 500 and error.code not in RETRYABLE
            raise DeliveryError(f"HTTP {error.code}", permanent=permanent) from None
        except JSONRejected as rejected:
            # A 2xx whose body is not the JSON we expect (an error page from a proxy, a broken back office):
            # we cannot tell it was recorded, so it is a failure and retried; the idempotency key makes a
            # retry of something that did arrive harmless.
            raise DeliveryError(
                f"unusable answer from the back office ({rejected.reason}: {rejected.detail})"
            ) from None
        except (TimeoutError, urllib.error.URLError, ConnectionError, OSError) as error:
            reason = getattr(error, "reason", error)
            raise DeliveryError(f"{reason.__class__.__name__}: {reason}") from None
        reference = answer.get("reference") if isinstance(answer, dict) else None
        return DeliveryResult(external_reference=str(reference or ""))

    def health(self):
        url = self.settings.get("health_url") or self.settings.get("url")
        try:
            _check_url(url)
            request = urllib.request.Request(url, method="GET")  # noqa: S310 (checked)
            with urllib.request.urlopen(request, timeout=min(5.0, self.timeout())) as response:  # noqa: S310
                return Health(ok=True, detail=f"HTTP {response.status}")
        except urllib.error.HTTPError as error:  # it answered: reachable
            return Health(ok=error.code < 500, detail=f"HTTP {error.code}")
        except Exception as error:
            return Health(ok=False, detail=error.__class__.__name__)
