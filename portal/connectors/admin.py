"""Django admin: connectors (configuration) and deliveries (operations: filter by state, connector and age;
retry and cancel, each recorded with who and when)."""

from django import forms
from django.contrib import admin, messages
from django.utils import timezone
from django.utils.timesince import timesince
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import services
from .models import ConnectorConfig, Delivery, DeliveryAction, InboundStatusEvent, PrefillLookup
from .registry import connector_choices


class ConnectorConfigForm(forms.ModelForm):
    class Meta:
        model = ConnectorConfig
        fields = [
            "slug",
            "name",
            "plugin",
            "enabled",
            "department",
            "service_codes",
            "settings",
            "secret_env",
            "status_map",
            "max_attempts",
        ]
        widgets = {"plugin": forms.Select(choices=connector_choices)}


@admin.register(ConnectorConfig)
class ConnectorConfigAdmin(admin.ModelAdmin):
    form = ConnectorConfigForm
    list_display = ["name", "slug", "plugin", "enabled", "department", "secret_env"]
    list_filter = ["plugin", "enabled"]
    search_fields = ["name", "slug", "service_codes"]


class AgeFilter(admin.SimpleListFilter):
    title = _("age")
    parameter_name = "age"

    def lookups(self, request, model_admin):
        return [("1h", _("Older than an hour")), ("1d", _("Older than a day")), ("7d", _("Older than a week"))]

    def queryset(self, request, queryset):
        hours = {"1h": 1, "1d": 24, "7d": 168}.get(self.value())
        if hours:
            return queryset.filter(created_at__lte=timezone.now() - timezone.timedelta(hours=hours))
        return queryset


class DeliveryActionInline(admin.TabularInline):
    model = DeliveryAction
    extra = 0
    can_delete = False
    fields = readonly_fields = ["created_at", "kind", "actor", "from_state", "note"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    list_display = ["application", "connector", "state", "attempts", "age", "next_attempt_at", "short_error"]
    list_filter = ["state", "connector", AgeFilter]
    search_fields = ["application__reference", "external_reference", "idempotency_key"]
    list_select_related = ["application", "connector"]
    readonly_fields = [
        "application",
        "connector",
        "idempotency_key",
        "state",
        "attempts",
        "next_attempt_at",
        "locked_until",
        "last_error",
        "external_reference",
        "created_at",
        "updated_at",
        "last_attempt_at",
        "delivered_at",
        "dead_at",
    ]
    inlines = [DeliveryActionInline]
    actions = ["retry", "cancel"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("age"), ordering="created_at")
    def age(self, obj):
        return timesince(obj.created_at)

    @admin.display(description=_("last error"))
    def short_error(self, obj):
        return (obj.last_error or "")[:80]

    def _act(self, request, queryset, service, done_message):
        done = refused = 0
        for delivery in queryset:
            try:
                service(delivery=delivery, actor=request.user)
                done += 1
            except services.OperatorActionRefused:
                refused += 1
        if done:
            self.message_user(request, done_message(done), messages.SUCCESS)
        if refused:
            self.message_user(
                request,
                ngettext(
                    "%(n)d delivery was in a state that does not allow this.",
                    "%(n)d deliveries were in a state that does not allow this.",
                    refused,
                )
                % {"n": refused},
                messages.WARNING,
            )

    @admin.action(description=_("Retry the selected deliveries now"), permissions=["change"])
    def retry(self, request, queryset):
        self._act(
            request,
            queryset,
            services.delivery_retry,
            lambda n: ngettext("%(n)d delivery will be retried.", "%(n)d deliveries will be retried.", n) % {"n": n},
        )

    @admin.action(description=_("Cancel the selected deliveries"), permissions=["change"])
    def cancel(self, request, queryset):
        self._act(
            request,
            queryset,
            services.delivery_cancel,
            lambda n: ngettext("%(n)d delivery cancelled.", "%(n)d deliveries cancelled.", n) % {"n": n},
        )


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(InboundStatusEvent)
class InboundStatusEventAdmin(ReadOnlyAdmin):
    list_display = [
        "received_at",
        "connector",
        "event_id",
        "application_reference",
        "remote_status",
        "mapped_status",
        "outcome",
    ]
    list_filter = ["connector", "outcome"]
    search_fields = ["event_id", "application_reference"]


@admin.register(PrefillLookup)
class PrefillLookupAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "plugin", "actor", "subject", "outcome"]
    list_filter = ["plugin", "outcome"]
