"""The glossary: four-eyes approval, first use linked on the page, the A to Z, and the jargon check."""

import pytest

from tests.factories import fresh
from tests.treatments.factories import ArticleFactory, approve, approver, nurse
from treatments import glossary, services
from treatments.models import GlossaryTerm

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
        glossary.glossary_term_approve(term=term, approver=fresh(writer_and_approver))
    glossary.glossary_term_approve(term=term, approver=fresh(approver()))
    term.refresh_from_db()
    assert term.status == "approved" and term.approved_definition.startswith("A treatment")


def test_a_nurse_cannot_approve_and_the_admin_page_refuses_too(client):
    writer = nurse()
    term = written(writer)
    with pytest.raises(Exception) as refused:
        glossary.glossary_term_approve(term=term, approver=fresh(nurse()))
    assert refused.type.__name__ == "PermissionDenied"
    client.force_login(nurse())
    assert client.post(f"/admin/treatments/glossaryterm/{term.pk}/approve/").status_code == 403


def test_the_first_use_is_linked_and_later_uses_are_not(client):
    glossary.glossary_term_approve(term=written(nurse()), approver=fresh(approver()))
    page = article_page(
        client,
        "<h2>What immunotherapy is</h2><p>Immunotherapies help.</p><p>Immunotherapy again, and <a href='/x'>immunotherapy</a>.</p>",
    )
    assert page.count('class="glossary-term"') == 1
    assert '<a href="#define-immunotherapy" class="glossary-term">Immunotherapies</a> help.' in page
    assert '<h2 id="what-immunotherapy-is">What immunotherapy is</h2>' in page  # headings are left alone
    assert '<dt id="define-immunotherapy">Immunotherapy</dt>' in page
    assert 'href="/glossary/#immunotherapy"' in page


def test_an_unapproved_definition_never_reaches_a_public_page(client):
    term = glossary.glossary_term_approve(term=written(nurse()), approver=fresh(approver()))
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
    glossary.glossary_term_approve(term=written(nurse()), approver=fresh(approver()))
    glossary.glossary_term_approve(
        term=written(nurse(), term="Pleura", forms="pleural", definition="The thin lining around the lungs."),
        approver=fresh(approver()),
    )
    page = client.get("/glossary/").content.decode()
    assert page.index('id="letter-I"') < page.index('id="letter-P"')
    assert '<dt id="pleura">Pleura</dt>' in page


def test_the_jargon_check_lists_medical_words_not_in_the_glossary():
    body = "<p>You may have pleurodesis and nivolumab. Your family can help. Immunotherapy is explained.</p>"
    definitions = glossary.approved_definitions()
    assert glossary.jargon_words(body, definitions) == ["Immunotherapy", "nivolumab", "pleurodesis"]
    glossary.glossary_term_approve(term=written(nurse()), approver=fresh(approver()))
    assert glossary.jargon_words(body) == ["nivolumab", "pleurodesis"]


def test_a_term_is_never_linked_inside_a_character_reference():
    from treatments.glossary import Definition, link_first_uses

    amp = Definition(anchor="amp", term="amp", forms=("amp",), definition="A unit of electric current.")
    html, used = link_first_uses("<p>Salt &amp; pepper, &#38; an amp for the pump.</p>", [amp])
    assert html == (
        '<p>Salt &amp; pepper, &#38; an <a href="#define-amp" class="glossary-term">amp</a> for the pump.</p>'
    )
    assert used == [amp]
