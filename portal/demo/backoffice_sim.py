"""A simulated department back office: a small, real HTTP server for local demos and tests.

    python -m portal.demo.backoffice_sim --port 8765 --secret-env BACKOFFICE_SECRET \
        --db var/backoffice.sqlite3 --portal-url http://127.0.0.1:8000/connectors/inbound/demo-backoffice/status \
        --auto-status received

It accepts deliveries (POST /deliveries) whose HMAC signature is right, records them in a SQLite file (so
they survive its own restarts), and deduplicates them by Idempotency-Key: the same delivery sent twice is
recorded once (and answered with the same reference). It can be told to misbehave for the next N
deliveries (POST /control/fail {"mode": ..., "count": N, "seconds": S}):
    error              answer 503 without recording
    timeout            say nothing for S seconds, then hang up
    slow               wait S seconds, then record and answer
    drop               hang up without answering or recording
    drop_after_record  record, then hang up without answering (the sender cannot know it arrived)
    slow_after_record  record, then wait S seconds before answering
It sends status updates back to the portal, signed the same way: on request (POST /control/status
{"application": ref, "status": name, "event_id": optional, "occurred_at": optional}) and, with
--auto-status, after recording each new delivery. GET /deliveries lists what it holds; GET /health.
Every JSON body it reads (requests, and the portal's answers) goes through portal/jsonsafe.py: too large,
too deep, not UTF-8 or not JSON is a 400 (413 for a Content-Length over MAX_BODY) with the reason as "error".
Standard library only (it needs no Django)."""

import argparse
import datetime
import json
import logging
import os
import socket
import sqlite3
import threading
import time
import urllib.error
import urllib.request
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from portal import jsonsafe
from portal.connectors import signing

logger = logging.getLogger("backoffice_sim")
WINDOW = 300
MAX_BODY = 1024 * 1024  # what it reads of a request or of the portal's answer; a delivery is far smaller
MAX_DEPTH = 32


class BodyRefused(Exception):
    def __init__(self, http_status, code):
        super().__init__(code)
        self.http_status, self.code = http_status, code


def parse_body(body):
    """JSON within bounds (portal/jsonsafe.py); an empty body is {}."""
    return jsonsafe.parse_json(body or b"{}", max_bytes=MAX_BODY, max_depth=MAX_DEPTH)


class Store:
    def __init__(self, path):
        self.path = path
        self.lock = threading.Lock()
        with self._connect() as db:
            db.execute(
                "CREATE TABLE IF NOT EXISTS deliveries (idempotency_key TEXT PRIMARY KEY, reference TEXT, "
                "application_id TEXT, external_ref TEXT, received_at TEXT, times_received INTEGER, body TEXT)"
            )

    def _connect(self):
        return sqlite3.connect(self.path, timeout=10)

    def record(self, key, payload, body):
        """(external reference, duplicate?)"""
        with self.lock, self._connect() as db:
            row = db.execute("SELECT external_ref FROM deliveries WHERE idempotency_key = ?", (key,)).fetchone()
            if row:
                db.execute(
                    "UPDATE deliveries SET times_received = times_received + 1 WHERE idempotency_key = ?", (key,)
                )
                return row[0], True
            external = "BO-" + uuid.uuid4().hex[:10].upper()
            db.execute(
                "INSERT INTO deliveries VALUES (?, ?, ?, ?, ?, 1, ?)",
                (
                    key,
                    payload.get("reference"),
                    payload.get("application_id"),
                    external,
                    datetime.datetime.now(datetime.UTC).isoformat(),
                    body.decode("utf-8", "replace"),
                ),
            )
            return external, False

    def all(self):
        with self.lock, self._connect() as db:
            rows = db.execute(
                "SELECT idempotency_key, reference, application_id, external_ref, received_at, "
                "times_received FROM deliveries ORDER BY received_at"
            ).fetchall()
        keys = ("idempotency_key", "reference", "application_id", "external_ref", "received_at", "times_received")
        return [dict(zip(keys, row, strict=True)) for row in rows]


class Simulator:
    def __init__(self, *, secret, store, portal_url=None, auto_status=None):
        self.secret, self.store, self.portal_url, self.auto_status = secret, store, portal_url, auto_status
        self.plan_lock = threading.Lock()
        self.plan = {"mode": None, "count": 0, "seconds": 0.0}
        self.requests = 0

    def next_failure(self):
        with self.plan_lock:
            self.requests += 1
            if self.plan["count"] > 0 and self.plan["mode"]:
                self.plan["count"] -= 1
                return self.plan["mode"], self.plan["seconds"]
        return None, 0.0

    def send_status(self, *, application, status, event_id=None, occurred_at=None, note=""):
        if not self.portal_url:
            return 0, {"error": "no portal url"}
        body = json.dumps(
            {
                "event_id": event_id or uuid.uuid4().hex,
                "application": application,
                "status": status,
                "note": note,
                "occurred_at": occurred_at or datetime.datetime.now(datetime.UTC).isoformat(),
            }
        ).encode()
        headers = {"Content-Type": "application/json", **signing.signed_headers(self.secret, body)}
        request = urllib.request.Request(self.portal_url, data=body, headers=headers, method="POST")  # noqa: S310
        try:
            with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 (the configured portal)
                status, answer = response.status, response.read(MAX_BODY + 1)
        except urllib.error.HTTPError as error:
            status, answer = error.code, error.read(MAX_BODY + 1)
        except OSError as error:
            logger.warning("could not send status to the portal: %s", error)
            return 0, {"error": str(error)}
        try:
            return status, parse_body(answer)  # more than MAX_BODY read is refused as too large
        except jsonsafe.JSONRejected as rejected:
            logger.warning("the portal's answer was not usable JSON: %s", rejected)
            return status, {}


class Handler(BaseHTTPRequestHandler):
    server_version = "BackOfficeSim/1"
    protocol_version = "HTTP/1.1"

    @property
    def sim(self):
        return self.server.sim

    def log_message(self, format, *args):  # noqa: A002
        logger.info("%s %s", self.address_string(), format % args)

    def _json(self, status, data):
        body = json.dumps(data, ensure_ascii=False).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _body(self):
        """The request body, read only up to MAX_BODY; raises BodyRefused."""
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            raise BodyRefused(400, "bad_content_length") from None
        if length < 0:
            raise BodyRefused(400, "bad_content_length")
        if length > MAX_BODY:
            raise BodyRefused(413, jsonsafe.TOO_LARGE)
        return self.rfile.read(length) if length else b""

    def _hang_up(self):
        self.close_connection = True
        try:
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    def do_GET(self):
        if self.path == "/health":
            return self._json(200, {"ok": True})
        if self.path == "/deliveries":
            return self._json(200, {"deliveries": self.sim.store.all(), "requests": self.sim.requests})
        return self._json(404, {"error": "not found"})

    def do_POST(self):
        try:
            body = self._body()
        except BodyRefused as refused:
            self.close_connection = True  # the unread body must not be taken for the next request
            return self._json(refused.http_status, {"error": refused.code})
        if self.path == "/deliveries":
            return self._delivery(body)
        try:
            data = parse_body(body)
        except jsonsafe.JSONRejected as rejected:
            return self._json(400, {"error": rejected.reason})
        if not isinstance(data, dict):
            return self._json(400, {"error": jsonsafe.MALFORMED})
        if self.path == "/control/fail":
            with self.sim.plan_lock:
                self.sim.plan = {
                    "mode": data.get("mode"),
                    "count": int(data.get("count") or 0),
                    "seconds": float(data.get("seconds") or 0),
                }
            return self._json(200, {"plan": self.sim.plan})
        if self.path == "/control/reset":
            with self.sim.plan_lock:
                self.sim.plan = {"mode": None, "count": 0, "seconds": 0.0}
            return self._json(200, {"plan": self.sim.plan})
        if self.path == "/control/status":
            code, answer = self.sim.send_status(
                application=data.get("application"),
                status=data.get("status"),
                event_id=data.get("event_id"),
                occurred_at=data.get("occurred_at"),
                note=data.get("note") or "",
            )
            return self._json(200, {"portal_status": code, "portal_answer": answer})
        return self._json(404, {"error": "not found"})

    def _delivery(self, body):
        mode, seconds = self.sim.next_failure()
        if mode == "error":
            return self._json(503, {"error": "simulated outage"})
        if mode == "drop":
            return self._hang_up()
        if mode == "timeout":
            time.sleep(seconds or 30)
            return self._hang_up()
        if mode == "slow":
            time.sleep(seconds)
        try:
            signing.verify(
                self.sim.secret,
                timestamp=self.headers.get(signing.TIMESTAMP_HEADER),
                signature=self.headers.get(signing.SIGNATURE_HEADER),
                body=body,
                window=WINDOW,
            )
        except signing.SignatureError as error:
            logger.warning("refused a delivery: %s", error)
            return self._json(401, {"error": str(error)})
        key = self.headers.get(signing.IDEMPOTENCY_HEADER)
        if not key:
            return self._json(400, {"error": "Idempotency-Key required"})
        try:
            payload = parse_body(body)
        except jsonsafe.JSONRejected as rejected:
            return self._json(400, {"error": rejected.reason})
        if not isinstance(payload, dict):
            return self._json(400, {"error": jsonsafe.MALFORMED})
        external, duplicate = self.sim.store.record(key, payload, body)
        if mode == "drop_after_record":
            return self._hang_up()
        if mode == "slow_after_record":
            time.sleep(seconds)
        self._json(200, {"reference": external, "duplicate": duplicate})
        if not duplicate and self.sim.auto_status and payload.get("reference"):
            threading.Thread(
                target=self.sim.send_status,
                daemon=True,
                kwargs={"application": payload["reference"], "status": self.sim.auto_status},
            ).start()


def make_server(*, host, port, secret, db_path, portal_url=None, auto_status=None):
    server = ThreadingHTTPServer((host, port), Handler)
    server.daemon_threads = True
    server.sim = Simulator(secret=secret, store=Store(db_path), portal_url=portal_url, auto_status=auto_status)
    return server


def main(argv=None):
    parser = argparse.ArgumentParser(description="A simulated department back office.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument(
        "--secret-env", default="BACKOFFICE_SECRET", help="The environment variable holding the shared secret."
    )
    parser.add_argument("--db", default="backoffice_sim.sqlite3", help="Where deliveries are kept (SQLite).")
    parser.add_argument("--portal-url", default=None, help="The portal's status webhook URL for this connector.")
    parser.add_argument("--auto-status", default=None, help="Send this status after each new delivery.")
    args = parser.parse_args(argv)
    secret = os.environ.get(args.secret_env)
    if not secret:
        parser.error(f"environment variable {args.secret_env} is not set")
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    server = make_server(
        host=args.host,
        port=args.port,
        secret=secret,
        db_path=args.db,
        portal_url=args.portal_url,
        auto_status=args.auto_status,
    )
    print(f"back-office simulator listening on http://{args.host}:{server.server_port}", flush=True)  # noqa: T201
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
