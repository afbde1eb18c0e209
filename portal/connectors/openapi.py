"""The back-office interface as an OpenAPI 3.1 document (`manage.py connectors_openapi`): what the portal pushes
(the delivery, a webhook), the status updates back offices post, and the documents they fetch. The tests check
it against the URLs and against a real delivery, so it cannot drift from the code."""

from django.conf import settings

SIGNATURE = (
    "`sha256=<hex>`: HMAC-SHA256 under the connector's shared secret of `<X-Portal-Timestamp>.<raw body>` for a "
    "POST, of `<X-Portal-Timestamp>.GET <path>` for a GET (portal/connectors/signing.py). The timestamp must be "
    "within CONNECTORS_WEBHOOK_WINDOW_SECONDS of the portal's clock."
)
ERROR = {"$ref": "#/components/schemas/Error"}


def _json(schema, description):
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _error(description):
    return _json(ERROR, description)


SCHEMAS = {
    "Error": {"type": "object", "required": ["error"], "properties": {"error": {"type": "string"}}},
    "StatusUpdate": {
        "type": "object",
        "required": ["event_id", "application", "status"],
        "properties": {
            "event_id": {"type": "string", "maxLength": 100, "description": "Unique per event; a replay is 409."},
            "application": {"type": "string", "description": "The portal's reference (SD-…) or application id."},
            "status": {"type": "string", "description": "The back office's status name, mapped per connector."},
            "occurred_at": {"type": "string", "format": "date-time"},
            "note": {"type": "string", "maxLength": 2000, "description": "Shown to the applicant."},
        },
    },
    "Document": {
        "type": "object",
        "required": ["id", "field", "name", "content_type", "size", "sha256", "url"],
        "properties": {
            "id": {"type": "string", "format": "uuid"},
            "field": {"type": "string"},
            "name": {"type": "string"},
            "content_type": {"type": "string"},
            "size": {"type": "integer"},
            "sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
            "url": {"type": "string", "format": "uri", "description": "Fetch it with a signed GET."},
        },
    },
    "Delivery": {
        "type": "object",
        "required": ["delivery_id", "application_id", "reference", "service_code", "applicant", "answers", "documents"],
        "properties": {
            "delivery_id": {"type": "string", "format": "uuid", "description": "Also the Idempotency-Key header."},
            "application_id": {"type": "string", "format": "uuid"},
            "reference": {"type": "string"},
            "service_code": {"type": "string"},
            "channel": {"type": "string", "enum": ["online", "proxy", "assisted"]},
            "submitted_at": {"type": ["string", "null"], "format": "date-time"},
            "language": {"type": "string"},
            "applicant": {
                "type": "object",
                "properties": {
                    "name": {"type": "string"},
                    "resident_id": {"type": ["string", "null"]},
                    "phone": {"type": ["string", "null"]},
                    "email": {"type": ["string", "null"]},
                },
            },
            "submitted_by_applicant": {"type": "boolean"},
            "mandate_reference": {"type": ["string", "null"]},
            "assist_session_reference": {"type": ["string", "null"]},
            "answers": {"type": "object"},
            "documents": {"type": "array", "items": {"$ref": "#/components/schemas/Document"}},
        },
    },
}


def openapi_document():
    slug = {
        "name": "slug",
        "in": "path",
        "required": True,
        "schema": {"type": "string"},
        "description": "The connector",
    }
    timestamp = {"name": "X-Portal-Timestamp", "in": "header", "required": True, "schema": {"type": "integer"}}
    signed = [{"portalSignature": []}]
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Government services portal: back-office interface",
            "version": "1",
            "description": "How department back offices receive applications and answer the portal "
            "(docs/connectors.md).",
        },
        "servers": [{"url": settings.PORTAL_BASE_URL}],
        "paths": {
            "/connectors/inbound/{slug}/status": {
                "post": {
                    "summary": "A status update for an application this connector was sent",
                    "operationId": "statusUpdate",
                    "security": signed,
                    "parameters": [slug, timestamp],
                    "requestBody": {
                        "required": True,
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/StatusUpdate"}}},
                    },
                    "responses": {
                        "200": _json({"type": "object"}, "Applied, or recorded as already applied"),
                        "400": _error("The body could not be used (too_deep, not_utf8, too_large, malformed)"),
                        "401": _error("A missing or bad signature, or a stale timestamp"),
                        "404": _error("An unknown connector, or an application it was never sent"),
                        "409": _error("A replayed event, a move backwards, or an older event"),
                        "413": _error("A body over 64 KB"),
                        "422": _error("A status name the connector's map does not know"),
                    },
                }
            },
            "/connectors/inbound/{slug}/documents/{document_id}": {
                "get": {
                    "summary": "A document of an application this connector was sent",
                    "operationId": "documentFetch",
                    "security": signed,
                    "parameters": [
                        slug,
                        {
                            "name": "document_id",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "string", "format": "uuid"},
                        },
                        timestamp,
                    ],
                    "responses": {
                        "200": {
                            "description": "The file, as an attachment; X-Content-SHA256 repeats the delivery's hash",
                            "headers": {"X-Content-SHA256": {"schema": {"type": "string"}}},
                            "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}},
                        },
                        "302": {"description": "With documents in a bucket: a link signed for a minute"},
                        "401": _error("A missing or bad signature, or a stale timestamp"),
                        "404": _error("An unknown connector or document, or an application it was never sent"),
                    },
                }
            },
        },
        "webhooks": {
            "delivery": {
                "post": {
                    "summary": "An application the portal sends to the back office (the REST connector)",
                    "security": signed,
                    "parameters": [
                        timestamp,
                        {"name": "Idempotency-Key", "in": "header", "required": True, "schema": {"type": "string"}},
                    ],
                    "requestBody": {
                        "required": True,
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Delivery"}}},
                    },
                    "responses": {
                        "2XX": {"description": "Received; the same Idempotency-Key again must not make a second case"}
                    },
                }
            }
        },
        "components": {
            "securitySchemes": {
                "portalSignature": {
                    "type": "apiKey",
                    "in": "header",
                    "name": "X-Portal-Signature",
                    "description": SIGNATURE,
                }
            },
            "schemas": SCHEMAS,
        },
    }
