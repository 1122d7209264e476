"""The groups a migrated database has are exactly the roles treatments/roles.py declares."""

import pytest
from django.contrib.auth.models import Group

from tests.factories import UserFactory
from tests.treatments.factories import approver, nurse
from treatments.roles import CLINICAL_APPROVERS, NURSE_EDITORS, ROLES, clinical_team

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", sorted(ROLES))
def test_the_migrated_group_has_exactly_the_declared_permissions(name):
    group = Group.objects.get(name=name)
    granted = {f"{perm.content_type.app_label}.{perm.codename}" for perm in group.permissions.all()}
    assert granted == ROLES[name]


def test_editors_cannot_approve_and_approvers_cannot_edit():
    assert "treatments.approve_article" not in ROLES[NURSE_EDITORS]
    assert "treatments.change_article" not in ROLES[CLINICAL_APPROVERS]


def test_the_clinical_team_is_editors_and_approvers_who_are_active():
    writer, checker = nurse(), approver()
    gone = nurse(is_active=False)
    UserFactory()  # staff with no role
    UserFactory(is_superuser=True)  # superusers are not on the team as such
    assert set(clinical_team()) == {writer, checker}
    assert gone not in clinical_team()


@pytest.mark.django_db(transaction=True)
def test_the_groups_come_back_as_roles_py_declares_after_a_flush():
    """A flush (as after every transactional test) empties what data migrations wrote; post_migrate restores it."""
    from django.core.management import call_command

    from support.roles import ROLES as SUPPORT_ROLES

    call_command("flush", interactive=False, verbosity=0)
    for name, permissions in (ROLES | SUPPORT_ROLES).items():
        group = Group.objects.get(name=name)
        granted = {f"{perm.content_type.app_label}.{perm.codename}" for perm in group.permissions.all()}
        assert granted == permissions
