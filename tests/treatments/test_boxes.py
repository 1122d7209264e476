"""Key facts and quotes: quote blocks with a style become a labelled aside and a captioned figure."""

import pytest

from tests.factories import fresh
from tests.treatments.factories import ArticleFactory, approve, approver, nurse
from treatments import services
from treatments.boxes import render_boxes
from treatments.sanitise import sanitise_html

KEY_FACTS = '<blockquote class="key-facts"><ul><li>Given every 3 weeks.</li></ul></blockquote>'
QUOTE = '<blockquote class="patient-quote"><p>The nurse took time to explain.</p><p>— Jean, whose husband had surgery</p></blockquote>'


def test_key_facts_become_a_labelled_aside():
    html = render_boxes(sanitise_html(KEY_FACTS + KEY_FACTS))
    assert html.startswith(
        '<aside class="key-facts" aria-labelledby="key-facts-1"><p class="key-facts-title" id="key-facts-1"><strong>Key facts</strong></p><ul>'
    )
    assert 'aria-labelledby="key-facts-2"' in html  # each box its own label


def test_a_quote_becomes_a_figure_whose_caption_says_who_said_it():
    html = render_boxes(sanitise_html(QUOTE))
    assert html == (
        '<figure class="patient-quote"><blockquote><p>The nurse took time to explain.</p></blockquote>'
        "<figcaption>Jean, whose husband had surgery</figcaption></figure>"
    )


def test_styles_survive_sanitising_but_no_other_class_or_style_does():
    assert sanitise_html(KEY_FACTS) == KEY_FACTS
    assert (
        sanitise_html('<blockquote class="key-facts danger" style="color:red">x</blockquote>')
        == '<blockquote class="key-facts">x</blockquote>'
    )
    assert sanitise_html('<aside aria-labelledby="x y" onclick="z">x</aside>') == "<aside>x</aside>"


@pytest.mark.django_db
def test_the_public_page_shows_both_boxes(client):
    writer = nurse()
    article = ArticleFactory(
        written_by=writer, last_edited_by=writer, body=f"<p>Intro.</p>{KEY_FACTS}{QUOTE}"
    )
    services.article_submit(article=article, user=fresh(writer))
    approve(
        article,
        approver=fresh(approver()),
        full_review=True,
    )
    page = client.get(article.get_absolute_url()).content.decode()
    assert '<aside class="key-facts" aria-labelledby="key-facts-1">' in page
    assert "<figcaption>Jean, whose husband had surgery</figcaption>" in page
