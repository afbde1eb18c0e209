"""HMAC-SHA256 signatures, the same both ways: the portal signs what it pushes to a back office, and a
back office signs the status updates it posts to the portal. The signed message is
"<timestamp>.<body>"; the signature travels as "sha256=<hex>". Stdlib only: the simulated back office
imports this module without Django."""

import hashlib
import hmac
import time

TIMESTAMP_HEADER = "X-Portal-Timestamp"
SIGNATURE_HEADER = "X-Portal-Signature"
IDEMPOTENCY_HEADER = "Idempotency-Key"


def sign(secret, timestamp, body):
    if isinstance(secret, str):
        secret = secret.encode()
    if isinstance(body, str):
        body = body.encode()
    digest = hmac.new(secret, str(int(timestamp)).encode() + b"." + body, hashlib.sha256).hexdigest()
    return f"sha256={digest}"


def request_message(method, path):
    """What a request without a body (a back office fetching a document) signs: "GET /connectors/inbound/…"."""
    return f"{method} {path}".encode()


def signed_headers(secret, body, *, timestamp=None, idempotency_key=None):
    timestamp = int(time.time() if timestamp is None else timestamp)
    headers = {TIMESTAMP_HEADER: str(timestamp), SIGNATURE_HEADER: sign(secret, timestamp, body)}
    if idempotency_key:
        headers[IDEMPOTENCY_HEADER] = str(idempotency_key)
    return headers


class SignatureError(Exception):
    """Why a signed message was refused: "missing", "malformed timestamp", "stale timestamp", "bad signature"."""


def verify(secret, *, timestamp, signature, body, window, now=None):
    """Raise SignatureError unless `signature` is ours over timestamp + body and the timestamp is within
    `window` seconds of now (either side)."""
    if not timestamp or not signature:
        raise SignatureError("missing signature or timestamp")
    try:
        ts = int(timestamp)
    except (TypeError, ValueError):
        raise SignatureError("malformed timestamp") from None
    now = time.time() if now is None else now
    if abs(now - ts) > window:
        raise SignatureError("stale timestamp")
    if not secret or not str(signature).isascii() or not hmac.compare_digest(sign(secret, ts, body), str(signature)):
        raise SignatureError("bad signature")
