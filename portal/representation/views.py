"""Acting for someone: ask, answer, end, act for, stop; and staff recording a mandate at a service hall."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from portal.accounts.otp import is_staff_user, otp_required

from . import selectors, services
from .forms import InPersonMandateForm, MandateRequestForm
from .models import Mandate, MandateState


def _get(queryset_call, **kwargs):
    try:
        return queryset_call(**kwargs)
    except (Mandate.DoesNotExist, ValueError, TypeError, ValidationError):
        raise Http404("No such mandate") from None


@login_required
def mine(request):
    return render(request, "representation/mine.html", {
        "given": selectors.mandates_given(request.user), "held": selectors.mandates_held(request.user),
        "valid_ids": {m.pk for m in selectors.mandates_valid_for_agent(request.user)},
        "states": MandateState})


@login_required
@require_http_methods(["GET", "POST"])
def request_mandate(request):
    form = MandateRequestForm(request.POST or None, agent=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.mandate_request(agent=request.user, principal=data["principal"], relationship=data["relationship"],
                                 all_services=data["scope"] == "all", service_codes=data["codes"],
                                 days=int(data["days"]))
        messages.success(request, _("We have asked %(name)s. You can act for them once they agree.") % {
            "name": data["principal"]})
        return redirect("representation:mine")
    return render(request, "representation/request.html", {"form": form})


@login_required
@require_POST
def answer(request, pk):
    mandate = _get(selectors.mandate_for_principal, principal=request.user, mandate_id=pk)
    try:
        if request.POST.get("answer") == "agree":
            services.mandate_consent(mandate=mandate, principal=request.user)
            messages.success(request, _("%(name)s can now act for you.") % {"name": mandate.agent})
        else:
            services.mandate_decline(mandate=mandate, principal=request.user)
            messages.success(request, _("You have declined the request."))
    except services.MandateNotAllowed:
        messages.error(request, _("This request has already been answered."))
    return redirect("representation:mine")


@login_required
@require_POST
def revoke(request, pk):
    mandate = _get(selectors.mandate_for_party, user=request.user, mandate_id=pk)
    try:
        services.mandate_revoke(mandate=mandate, actor=request.user)
        messages.success(request, _("The permission has ended. It stopped working at once."))
    except services.MandateNotAllowed:
        messages.error(request, _("This permission had already ended."))
    return redirect("representation:mine")


@login_required
@require_POST
def act(request, pk):
    mandate = selectors.mandate_usable(agent=request.user, mandate_id=pk)
    if mandate is None:
        raise Http404("No valid mandate")
    services.acting_start(request=request, mandate=mandate)
    messages.success(request, _("You are now acting for %(name)s.") % {"name": mandate.principal})
    return redirect("applications:mine")


@login_required
@require_POST
def stop(request):
    services.acting_stop(request=request)
    messages.success(request, _("You are acting for yourself again."))
    return redirect("applications:mine")


@otp_required
@require_http_methods(["GET", "POST"])
def in_person(request):
    if not is_staff_user(request.user):
        raise PermissionDenied
    from services_catalog.models import ServiceHall

    halls = list(ServiceHall.objects.order_by("pk"))
    form = InPersonMandateForm(request.POST or None, halls=halls)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.mandate_establish_in_person(
                staff=request.user, principal=data["principal"], agent=data["agent"],
                relationship=data["relationship"], all_services=data["scope"] == "all", service_codes=data["codes"],
                days=int(data["days"]), hall=data["hall_object"], evidence=data["evidence"])
        except services.MandateNotAllowed:
            form.add_error("agent_id", _("The person acting must be someone else"))
        else:
            messages.success(request, _("The permission has been recorded. Both people have been told."))
            return redirect("representation:in_person")
    return render(request, "representation/in_person.html", {"form": form})
