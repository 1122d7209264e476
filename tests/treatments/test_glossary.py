"""The glossary: four-eyes approval, first use linked on the page, the A to Z, and the jargon check."""

from io import StringIO

import pytest
from django.test import override_settings

from tests.factories import fresh
from tests.treatments.factories import ArticleFactory, approve, approver, nurse
from treatments import services
from treatments.glossary import jargon, linking
from treatments.glossary import services as glossary
from treatments.models import GlossaryTerm, GlossaryTermVersion

pytestmark = pytest.mark.django_db


def written(
    editor,
    term="Immunotherapy",
    forms="immunotherapies",
    definition="A treatment that helps your immune system fight cancer.",
):
    return glossary.glossary_term_save(
        term=GlossaryTerm(term=term, other_forms=forms, definition=definition), editor=fresh(editor)
    )


def approved(term, approver_user):
    """Approve `term` as an approver who has just read its draft as it is now."""
    return glossary.glossary_term_approve(
        term=term, approver=approver_user, seen_fingerprint=glossary.glossary_term_fingerprint(term)
    )


def article_page(client, body):
    writer = nurse()
    article = ArticleFactory(written_by=writer, last_edited_by=writer, body=body)
    services.article_submit(article=article, user=fresh(writer))
    approve(
        article,
        approver=fresh(approver()),
        full_review=True,
    )
    return client.get(article.get_absolute_url()).content.decode()


def test_the_writer_cannot_approve_their_own_definition_and_another_approver_can():
    writer_and_approver = approver()
    writer_and_approver.groups.add(*nurse().groups.all())
    term = written(writer_and_approver)
    with pytest.raises(glossary.GlossaryError, match="did not write or change it"):
        approved(term, fresh(writer_and_approver))
    approved(term, fresh(approver()))
    term.refresh_from_db()
    assert term.status == "published" and term.live_version.definition.startswith("A treatment")


def test_a_nurse_cannot_approve_and_the_admin_page_refuses_too(client):
    writer = nurse()
    term = written(writer)
    with pytest.raises(Exception) as refused:
        approved(term, fresh(nurse()))
    assert refused.type.__name__ == "PermissionDenied"
    client.force_login(nurse())
    assert client.post(f"/admin/treatments/glossaryterm/{term.pk}/approve/").status_code == 403


def test_the_first_use_is_linked_and_later_uses_are_not(client):
    approved(written(nurse()), fresh(approver()))
    page = article_page(
        client,
        "<h2>What immunotherapy is</h2><p>Immunotherapies help.</p><p>Immunotherapy again, and <a href='/x'>immunotherapy</a>.</p>",
    )
    assert page.count('class="glossary-term"') == 1
    assert (
        '<a href="#define-immunotherapy" id="use-immunotherapy" class="glossary-term">Immunotherapies</a> help.'
        in page
    )
    assert '<h2 id="what-immunotherapy-is">What immunotherapy is</h2>' in page  # headings are left alone
    assert '<dt id="define-immunotherapy">Immunotherapy</dt>' in page
    assert 'href="/glossary/#immunotherapy"' in page


def test_an_unapproved_definition_never_reaches_a_public_page(client):
    term = approved(written(nurse()), fresh(approver()))
    term.definition = "A NEW WORDING NOT YET SIGNED OFF."
    glossary.glossary_term_save(term=term, editor=fresh(nurse()))
    written(nurse(), term="Pleura", forms="", definition="UNAPPROVED PLEURA TEXT.")
    page = article_page(client, "<p>Immunotherapy and the pleura.</p>")
    a_to_z = client.get("/glossary/").content.decode()
    for text in (page, a_to_z):
        assert "A treatment that helps your immune system fight cancer." in text
        assert "NOT YET SIGNED OFF" not in text and "UNAPPROVED PLEURA" not in text
    assert 'href="#define-pleura"' not in page


def test_the_a_to_z_lists_approved_words_by_letter(client):
    approved(written(nurse()), fresh(approver()))
    approved(
        written(nurse(), term="Pleura", forms="pleural", definition="The thin lining around the lungs."),
        fresh(approver()),
    )
    page = client.get("/glossary/").content.decode()
    assert page.index('id="letter-I"') < page.index('id="letter-P"')
    assert '<dt id="pleura">Pleura</dt>' in page


def test_the_jargon_check_lists_medical_words_not_in_the_glossary():
    body = "<p>You may have pleurodesis and nivolumab. Your family can help. Immunotherapy is explained.</p>"
    definitions = linking.approved_definitions()
    assert jargon.jargon_words(body, definitions) == ["Immunotherapy", "nivolumab", "pleurodesis"]
    approved(written(nurse()), fresh(approver()))
    assert jargon.jargon_words(body) == ["nivolumab", "pleurodesis"]


def test_a_term_is_never_linked_inside_a_character_reference():
    from treatments.glossary.linking import Definition, link_first_uses

    amp = Definition(anchor="amp", term="amp", forms=("amp",), definition="A unit of electric current.")
    html, used = link_first_uses("<p>Salt &amp; pepper, &#38; an amp for the pump.</p>", [amp])
    assert html == (
        '<p>Salt &amp; pepper, &#38; an <a href="#define-amp" id="use-amp" class="glossary-term">amp</a> for the pump.</p>'
    )
    assert used == [amp]


def test_an_approval_of_a_definition_changed_after_the_page_was_opened_is_refused(client):
    term = written(nurse())
    checker = approver()
    client.force_login(checker)
    page = client.get(f"/admin/treatments/glossaryterm/{term.pk}/approve/").content.decode()
    seen = glossary.glossary_term_fingerprint(term)
    assert f'value="{seen}"' in page
    term.definition = "A different wording, saved while the approver read the first."
    glossary.glossary_term_save(term=term, editor=fresh(nurse()))
    response = client.post(f"/admin/treatments/glossaryterm/{term.pk}/approve/", {"seen_fingerprint": seen})
    assert "changed after you opened this page" in response.content.decode()
    term.refresh_from_db()
    assert term.live_version is None and term.status == "awaiting_approval"
    for forged in ("", "0" * 64):
        with pytest.raises(glossary.GlossaryDraftChanged):
            glossary.glossary_term_approve(term=term, approver=fresh(checker), seen_fingerprint=forged)
    approved(term, fresh(checker))
    term.refresh_from_db()
    assert term.live_version.definition.startswith("A different wording")


def test_everyone_in_the_edit_history_since_the_last_approval_is_refused_not_only_the_last_editor():
    first, second = approver(), nurse()
    first.groups.add(*nurse().groups.all())
    term = written(first)
    term.definition = "Reworded by a second nurse."
    glossary.glossary_term_save(term=term, editor=fresh(second))
    with pytest.raises(glossary.GlossaryError, match="did not write or change it"):
        approved(term, fresh(first))
    approved(term, fresh(approver()))
    # After that approval the first writer's old edit no longer counts: a new draft by someone else is theirs to approve.
    term.refresh_from_db()
    term.definition = "Reworded again."
    glossary.glossary_term_save(term=term, editor=fresh(second))
    approved(term, fresh(first))
    assert GlossaryTermVersion.objects.filter(glossary_term=term).count() == 2


def test_an_approved_definition_is_a_record():
    term = approved(written(nurse()), fresh(approver()))
    version = term.live_version
    version.definition = "Changed behind the approver's back."
    with pytest.raises(ValueError):
        version.save()


# --- Links that help, on the demo pages ----------------------------------------------------


@override_settings(DEBUG=True)
def test_glossary_links_on_the_demo_pages_help(client):
    import re as regex

    from django.core.management import call_command

    from treatments.models import Article

    call_command("load_demo_content", stdout=StringIO())
    linked_somewhere = set()
    for article in Article.objects.public().select_related("live_version"):
        html = client.get(article.get_absolute_url()).content.decode()
        links = regex.findall(
            r'<a href="#define-([\w-]+)" id="use-([\w-]+)" class="glossary-term">([^<]+)</a>', html
        )
        anchors = [anchor for anchor, _, _ in links]
        # At most once per page, and each link has a definition with a way back to it.
        assert len(anchors) == len(set(anchors)), article.slug
        for anchor, use, word in links:
            assert anchor == use
            assert f'<dt id="define-{anchor}">' in html and f'<a href="#use-{anchor}">Back to' in html, anchor
            # Never the page's own subject.
            assert word.casefold() not in article.live_version.title.casefold(), (article.slug, word)
        # Never a use the sentence itself explains.
        for word in (word for _, _, word in links):
            before = html.split(f'class="glossary-term">{word}</a>')[0][-40:]
            assert not regex.search(r"\b(called|named|known as)\s+((an?|the)\s+)?$", before), (
                article.slug,
                word,
            )
        linked_somewhere |= set(anchors)
    # The words heard in clinic are explained somewhere a reader meets them.
    assert {
        "biopsy",
        "pemetrexed",
        "pleurodesis",
        "indwelling-pleural-catheter",
        "median",
    } <= linked_somewhere


def test_a_use_the_sentence_explains_is_not_linked_but_a_later_one_is():
    from treatments.glossary.linking import Definition, link_first_uses

    pleura = Definition("pleura", "Pleura", ("Pleura",), "The lining of the lungs.")
    html, used = link_first_uses(
        "<p>This lining is called the pleura.</p><p>Fluid collects by the pleura.</p>", [pleura]
    )
    assert html == (
        "<p>This lining is called the pleura.</p>"
        '<p>Fluid collects by the <a href="#define-pleura" id="use-pleura" class="glossary-term">pleura</a>.</p>'
    )
    assert used == [pleura]


def test_a_word_a_nurse_marked_explained_here_or_the_pages_subject_is_not_linked():
    from treatments.glossary.linking import Definition, link_first_uses

    biopsy = Definition("biopsy", "Biopsy", ("biopsy",), "Taking a sample.")
    marked = '<p>A <span class="explained-here">biopsy</span> takes a sample. Later, a biopsy again.</p>'
    assert link_first_uses(marked, [biopsy]) == (marked, [])
    plain = "<p>A biopsy takes a sample.</p>"
    assert link_first_uses(plain, [biopsy], subject="Having a biopsy") == (plain, [])
