"""The groups a migrated database has are exactly the roles support/roles.py declares."""

import pytest
from django.contrib.auth.models import Group, Permission

from support import services
from support.roles import ROLES, support_team
from tests.factories import UserFactory, fresh
from tests.support.factories import make_request, support_user
from tests.treatments.factories import nurse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", sorted(ROLES))
def test_the_migrated_groups_have_exactly_the_declared_permissions(name):
    group = Group.objects.get(name=name)
    granted = {f"{perm.content_type.app_label}.{perm.codename}" for perm in group.permissions.all()}
    assert granted == ROLES[name]


def test_the_team_offered_in_the_admin_is_the_team_the_service_accepts():
    member = support_user()
    direct = UserFactory()
    direct.user_permissions.add(Permission.objects.get(codename="change_contactrequest"))
    superuser = UserFactory(is_superuser=True)
    inactive = support_user(is_active=False)
    outsider = nurse()
    assert set(support_team()) == {member, direct}

    actor = fresh(support_user())
    contact_request = make_request()
    for candidate in (member, direct):
        services.contact_request_assign(contact_request=contact_request, actor=actor, assignee=candidate)
    for candidate in (superuser, inactive, outsider):
        with pytest.raises(services.SupportWorkflowError, match="not on the support team"):
            services.contact_request_assign(contact_request=contact_request, actor=actor, assignee=candidate)
