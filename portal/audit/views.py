from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from .labels import action_label
from .selectors import events_about


@login_required
def my_activity(request):
    events = events_about(request.user)
    names = dict(get_user_model().objects.filter(pk__in={e.actor_id for e in events}).values_list("pk", "real_name"))
    rows = [
        {"event": e, "actor": names.get(e.actor_id) or e.actor_name, "label": action_label(e.action)} for e in events
    ]
    return render(request, "audit/my_activity.html", {"rows": rows})
