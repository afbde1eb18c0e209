"""Staff memberships in the Wagtail admin, for holders of MANAGE_STAFF only. Adding and removing go through
staff_membership_add / staff_membership_remove, so each change is audited and the role groups stay in step;
a membership is never edited in place (remove it and add the new one)."""

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from portal.accounts.validators import normalise_mobile

from .models import StaffMembership
from .roles import MANAGE_STAFF, ROLE_SCOPE, Role
from .services import staff_membership_add, staff_membership_remove


class ManageStaffPolicy(ModelPermissionPolicy):
    """List, add and delete with MANAGE_STAFF; nobody changes a membership in place."""

    ACTIONS = frozenset({"add", "delete", "view"})

    def user_has_permission(self, user, action):
        return action in self.ACTIONS and user.is_active and user.has_perm(MANAGE_STAFF)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        if not self.ACTIONS & set(actions):
            return get_user_model().objects.none()
        return self._get_users_with_any_permission_codenames([MANAGE_STAFF.split(".")[1]])


register_permission_policy(StaffMembership, ManageStaffPolicy(StaffMembership), exact_class=True)


class StaffMembershipForm(WagtailAdminModelForm):
    person = forms.CharField(
        label=_("Person"), max_length=254, help_text=_("The mobile phone number or e-mail address they sign in with.")
    )

    class Meta:
        model = StaffMembership
        fields = ["role", "hall", "department"]

    field_order = ["person", "role", "hall", "department"]

    def clean_person(self):
        identifier = self.cleaned_data["person"].strip()
        users = get_user_model()._default_manager.filter(is_active=True)
        user = (
            users.filter(email__iexact=identifier).first()
            if "@" in identifier
            else users.filter(phone=normalise_mobile(identifier)).first()
        )
        if user is None:
            raise ValidationError(_("No account signs in with this mobile phone number or e-mail address."))
        return user

    def clean(self):
        cleaned = super().clean()
        role, hall, department = cleaned.get("role"), cleaned.get("hall"), cleaned.get("department")
        if role:
            scope = ROLE_SCOPE[Role(role)]
            if scope == "hall" and hall is None:
                self.add_error("hall", _("This role needs a service hall"))
            if scope != "hall" and hall is not None:
                self.add_error("hall", _("This role is not for a service hall: leave it empty"))
            if scope == "department" and department is None:
                self.add_error("department", _("This role needs a department"))
            if scope != "department" and department is not None:
                self.add_error("department", _("This role is not for a department: leave it empty"))
        return cleaned

    def validate_constraints(self):
        pass  # clean() says what is wrong in words; staff_membership_add and the database enforce it


class MembershipCreateView(generic.CreateView):
    def save_instance(self):
        data = self.form.cleaned_data
        return staff_membership_add(
            user=data["person"],
            role=data["role"],
            hall=data.get("hall"),
            department=data.get("department"),
            actor=self.request.user,
        )


class MembershipDeleteView(generic.DeleteView):
    def delete_action(self):
        staff_membership_remove(membership=self.object, actor=self.request.user)


class StaffMembershipViewSet(ModelViewSet):
    model = StaffMembership
    icon = "group"
    menu_label = _("Staff roles")
    add_to_admin_menu = True
    form_fields = ["role", "hall", "department"]
    list_display = ["user", "role", "hall", "department", "created_at"]
    list_filter = ["role"]
    add_view_class = MembershipCreateView
    delete_view_class = MembershipDeleteView
    copy_view_enabled = False
    inspect_view_enabled = False

    def get_form_class(self, for_update=False):
        return StaffMembershipForm

    def get_queryset(self, request):
        return StaffMembership.objects.select_related("user", "hall", "department")


@hooks.register("register_admin_viewset")
def register_staff_memberships():
    return StaffMembershipViewSet("staff_memberships")
