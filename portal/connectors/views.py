"""Thin views: the back office's status webhook, the operations page, the citizen's look-up history."""

import logging

from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from portal.applications.downloads import file_response
from portal.staff.access import staff_required
from portal.staff.roles import OPERATE_CONNECTORS

from . import selectors, services
from .models import DeliveryState
from .signing import SIGNATURE_HEADER, TIMESTAMP_HEADER

logger = logging.getLogger(__name__)


@csrf_exempt  # a machine-to-machine endpoint: authenticated by its HMAC signature, not a session
@require_POST
def status_webhook(request, slug):
    body = request.body
    if len(body) > services.INBOUND_MAX_BYTES:
        logger.warning("inbound request refused: connector=%s code=too_large", slug)
        return JsonResponse({"error": "too_large"}, status=413)
    try:
        status, data = services.status_update_receive(
            connector_slug=slug,
            body=body,
            timestamp=request.headers.get(TIMESTAMP_HEADER),
            signature=request.headers.get(SIGNATURE_HEADER),
        )
    except services.InboundRefused as refused:
        return JsonResponse({"error": refused.code}, status=refused.http_status)
    return JsonResponse(data, status=status)


@require_GET
def document_fetch(request, slug, document_id):
    """A back office fetching a document of an application it was sent (services.document_for_back_office)."""
    try:
        document = services.document_for_back_office(
            connector_slug=slug,
            document_id=document_id,
            path=request.path,
            timestamp=request.headers.get(TIMESTAMP_HEADER),
            signature=request.headers.get(SIGNATURE_HEADER),
        )
    except services.InboundRefused as refused:
        return JsonResponse({"error": refused.code}, status=refused.http_status)
    response = file_response(document.file, filename=document.original_name, content_type=document.content_type)
    response["X-Content-SHA256"] = document.sha256
    return response


@staff_required(OPERATE_CONNECTORS)  # signed in, staff, second factor, and this permission (administrators)
@require_GET
def operations(request):
    state = request.GET.get("state") or ""
    connector = request.GET.get("connector") or ""
    older = request.GET.get("older_than_minutes") or ""
    if state not in DeliveryState.values:
        state = ""
    if not older.isdigit():
        older = ""
    deliveries = selectors.deliveries_filtered(
        state=state or None, connector=connector or None, older_than_minutes=older or None
    )[:200]
    return render(
        request,
        "connectors/operations.html",
        {
            "overview": selectors.connectors_overview(check_health=request.GET.get("health") != "0"),
            "totals": selectors.delivery_stats(),
            "deliveries": deliveries,
            "states": DeliveryState.choices,
            "filters": {"state": state, "connector": connector, "older_than_minutes": older},
        },
    )


@login_required
@require_GET
def my_lookups(request):
    return render(
        request, "connectors/my_lookups.html", {"lookups": selectors.prefill_lookups_for_citizen(request.user)[:100]}
    )
