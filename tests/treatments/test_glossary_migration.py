"""Definitions approved and drafted before glossary sign-off shared the article mechanism keep their state."""

import datetime

import pytest
from django.utils import timezone

from tests.migrating import latest, migrate_to
from tests.treatments.factories import approver, nurse
from treatments.glossary.linking import approved_definitions
from treatments.glossary.services import GlossaryError, glossary_term_approve, glossary_term_fingerprint
from treatments.models import GlossaryTerm

BEFORE = [("treatments", "0023_staff_profile_moved")]


@pytest.mark.django_db(transaction=True)
def test_approved_wording_becomes_the_live_version_and_draft_editors_stay_refused(roles):
    writer, checker, other_checker = nurse(), approver(), approver()
    old = migrate_to(BEFORE)
    OldTerm = old.get_model("treatments", "GlossaryTerm")
    approved_at = timezone.now() - datetime.timedelta(days=3)
    OldTerm.objects.create(
        term="Pleura", definition="The thin lining around the lungs.", status="approved", anchor="pleura",
        approved_term="Pleura", approved_definition="The thin lining around the lungs.",
        approved_by_id=checker.pk, approved_at=approved_at, last_edited_by_id=writer.pk, changed_at=approved_at,
    )  # fmt: skip
    OldTerm.objects.create(
        term="Biopsy", definition="A NEW WORDING waiting for approval.", status="awaiting_approval",
        anchor="biopsy", approved_term="Biopsy", approved_definition="Taking a small sample of tissue.",
        approved_by_id=checker.pk, approved_at=approved_at, last_edited_by_id=writer.pk,
        draft_editor_ids=[writer.pk, other_checker.pk], changed_at=timezone.now(),
    )  # fmt: skip

    migrate_to(latest())
    pleura, biopsy = GlossaryTerm.objects.get(term="Pleura"), GlossaryTerm.objects.get(term="Biopsy")
    assert pleura.status == "published" and pleura.live_version.approved_by_id == checker.pk
    assert biopsy.status == "awaiting_approval"
    public = {definition.term: definition.definition for definition in approved_definitions()}
    assert public == {
        "Pleura": "The thin lining around the lungs.",
        "Biopsy": "Taking a small sample of tissue.",
    }
    # Both people who changed the pending draft are still refused; an approver who did not change it signs it off.
    for editor in (writer, other_checker):
        assert editor.pk in biopsy.draft_editor_ids()
    with pytest.raises(GlossaryError):
        glossary_term_approve(
            term=biopsy, approver=other_checker, seen_fingerprint=glossary_term_fingerprint(biopsy)
        )
    glossary_term_approve(term=biopsy, approver=checker, seen_fingerprint=glossary_term_fingerprint(biopsy))
    assert (
        GlossaryTerm.objects.get(pk=biopsy.pk).live_version.definition
        == "A NEW WORDING waiting for approval."
    )
