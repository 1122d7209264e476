"""Every change to a glossary definition: saving the working copy and signing it off, each in one transaction."""

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from core.page_cache import public_pages_changed
from core.refusals import Refused
from core.security_log import security_event
from core.sign_off import (
    action_allowed,
    action_permission_check,
    action_status_check,
    draft_fingerprint,
    four_eyes_check,
)

from ..models import GlossaryTerm, GlossaryTermEdit, GlossaryTermVersion
from ..search import PageWords, search_words_add
from ..workflow import Status
from .workflow import ACTIONS, FOUR_EYES_REFUSAL


class GlossaryError(Refused):
    """Not allowed now; the message is shown to the member of staff."""


class GlossaryDraftChanged(GlossaryError):
    """An approval refused because the definition was saved after the approver's page was built."""


def _unique_anchor(term: str, exclude_pk: int | None) -> str:
    base = slugify(term)[:80] or "term"
    anchor, n = base, 2
    while GlossaryTerm.objects.filter(anchor=anchor).exclude(pk=exclude_pk).exists():
        anchor, n = f"{base}-{n}", n + 1
    return anchor


def glossary_term_fingerprint(term: GlossaryTerm) -> str:
    return draft_fingerprint(term.draft())


def glossary_term_may_approve(term: GlossaryTerm, user: AbstractBaseUser) -> bool:
    """Whether `user` may approve the definition now (the admin's button; the service decides)."""
    return action_allowed(ACTIONS["approve"], status=term.status, user=user) and (
        user.pk not in term.draft_editor_ids()
    )


@transaction.atomic
def glossary_term_save(*, term: GlossaryTerm, editor: AbstractBaseUser) -> GlossaryTerm:
    """Save the working copy, with its edit history: it now waits for an approver who is not among its editors."""
    permission = "treatments.change_glossaryterm" if term.pk else "treatments.add_glossaryterm"
    if not editor.has_perm(permission):
        raise PermissionDenied("You do not have permission to write glossary definitions.")
    term.status = Status.AWAITING_APPROVAL
    term.last_edited_by = editor
    term.changed_at = timezone.now()
    if not term.anchor:
        term.anchor = _unique_anchor(term.term, term.pk)
    term.full_clean()
    term.save()
    GlossaryTermEdit.objects.create(
        glossary_term=term,
        editor=editor,
        at=term.changed_at,
        draft=term.draft(),
        fingerprint=glossary_term_fingerprint(term),
    )
    return term


@transaction.atomic
def glossary_term_approve(
    *, term: GlossaryTerm, approver: AbstractBaseUser, seen_fingerprint: str
) -> GlossaryTerm:
    """
    Make the working copy the public definition, as a new version. Refused
    unless the approver's page showed exactly this draft (`seen_fingerprint`)
    and they did not change it since it was last approved.
    """
    action = ACTIONS["approve"]
    action_permission_check(action, user=approver, doing="approve glossary definitions")
    term = GlossaryTerm.objects.select_for_update().get(pk=term.pk)
    if glossary_term_fingerprint(term) != seen_fingerprint:
        raise GlossaryDraftChanged(
            "This definition was changed after you opened this page, so nothing has been approved. "
            "Read it as it is now before you approve it."
        )
    action_status_check(action, status=term.status, error=GlossaryError)
    four_eyes_check(
        editor_ids=term.draft_editor_ids(), approver=approver, refusal=FOUR_EYES_REFUSAL, error=GlossaryError
    )
    term.live_version = GlossaryTermVersion.objects.create(
        glossary_term=term,
        term=term.term,
        other_forms=term.other_forms,
        definition=term.definition,
        approved_by=approver,
    )
    term.status = Status.PUBLISHED
    term.save(update_fields=["live_version", "status"])
    public_pages_changed()
    words = PageWords()
    words.add_definition(tuple(GlossaryTerm.forms_of(term.term, term.other_forms)))
    search_words_add(words)  # its words may now be offered as spellings
    security_event("glossary.approved", user_id=approver.pk, term_id=term.pk)
    return term
