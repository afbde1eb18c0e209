"""Acting for someone: ask, answer, end, act for, stop; and hall staff recording a mandate at their service hall.
Finding the person named is services.person_look_up: counted per person and per client, and audited."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST

from portal.staff.access import staff_required
from portal.staff.roles import ASSIST

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
    return render(
        request,
        "representation/mine.html",
        {
            "given": selectors.mandate_rows(selectors.mandates_given(request.user), request.user),
            "held": selectors.mandate_rows(selectors.mandates_held(request.user), request.user),
            "valid_ids": {m.pk for m in selectors.mandates_valid_for_agent(request.user)},
            "states": MandateState,
        },
    )


def _kept(request):
    """What was typed and chosen, as the starting values of the page shown again after "Find services"."""
    kept = {key: value for key, value in request.POST.items() if key not in ("csrfmiddlewaretoken", "find")}
    kept["service_codes"] = request.POST.getlist("service_codes")
    return kept


def _too_many(form, field, too_many):
    form.add_error(
        field,
        _("You have looked up too many people in a short time. Wait %(minutes)s minutes, then try again")
        % {"minutes": too_many.minutes},
    )


@login_required
@sensitive_post_parameters("principal_identifier")
@require_http_methods(["GET", "POST"])
def request_mandate(request):
    if "find" in request.POST:  # "Find services": the same page again, with the services found; no errors yet
        return render(request, "representation/request.html", {"form": MandateRequestForm(initial=_kept(request))})
    form = MandateRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            principal = services.person_look_up(
                actor=request.user,
                request=request,
                purpose="ask",
                identifier=data["principal_identifier"],
                name=data["principal_name"],
            )
        except services.TooManyLookUps as too_many:
            _too_many(form, "principal_identifier", too_many)
        else:
            if principal is None or principal.pk == request.user.pk:
                form.add_error("principal_identifier", form.NOT_FOUND)
            else:
                services.mandate_request(
                    agent=request.user,
                    principal=principal,
                    relationship=data["relationship"],
                    all_services=data["scope"] == "all",
                    service_codes=data["codes"],
                    days=int(data["days"]),
                )
                messages.success(
                    request, _("We have asked %(name)s. You can act for them once they agree.") % {"name": principal}
                )
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
    reason = services.acting_stop(request=request)
    messages.success(request, " ".join(filter(None, [reason, _("You are acting for yourself again.")])))
    return redirect("applications:mine")


@staff_required(ASSIST)
@sensitive_post_parameters("principal_id", "agent_id")
@require_http_methods(["GET", "POST"])
def in_person(request):
    """Hall staff record a mandate at one of their own halls, with both people and their ID cards in front of them."""
    halls = selectors.halls_for_in_person(request.user)
    if "find" in request.POST:
        return render(
            request, "representation/in_person.html", {"form": InPersonMandateForm(initial=_kept(request), halls=halls)}
        )
    form = InPersonMandateForm(request.POST or None, halls=halls)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        people = {}
        try:
            for role in ("principal", "agent"):
                people[role] = services.person_look_up(
                    actor=request.user,
                    request=request,
                    purpose="in_person",
                    identifier=data[f"{role}_id"],
                    name=data[f"{role}_name"],
                )
        except services.TooManyLookUps as too_many:
            _too_many(form, "principal_id", too_many)
        else:
            for role, person in people.items():
                if person is None:
                    form.add_error(f"{role}_id", form.NOT_FOUND)
        if not form.errors:
            try:
                services.mandate_establish_in_person(
                    staff=request.user,
                    principal=people["principal"],
                    agent=people["agent"],
                    relationship=data["relationship"],
                    all_services=data["scope"] == "all",
                    service_codes=data["codes"],
                    days=int(data["days"]),
                    hall=data["hall"],
                    evidence=data["evidence"],
                    presence_confirmed=data["presence_confirmed"],
                    id_checked=data["id_checked"],
                    consent_recorded=data["consent_recorded"],
                )
            except services.MandateNotAllowed:
                form.add_error("agent_id", _("The person acting must be someone else"))
            else:
                messages.success(request, _("The permission has been recorded. Both people have been told."))
                return redirect("representation:in_person")
    return render(request, "representation/in_person.html", {"form": form})
