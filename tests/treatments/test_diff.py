"""The approver's diff: blocks as blocks, words inside a changed block, unchanged blocks folded."""

from treatments.diff import Segment, block_diff, content_diff, html_blocks, word_diff


def snapshot(body="", title="Immunotherapy", summary="What it is.", sources=None, resources=None):
    return {
        "title": title,
        "summary": summary,
        "body": body,
        "sources": sources or [],
        "resources": resources or [],
    }


def test_blocks_keep_their_kind():
    html = (
        "<h2>Side effects</h2><p>Most people feel <strong>tired</strong>.</p>"
        "<ul><li>Rash</li><li>Diarrhoea</li></ul>"
        "<table><tr><th>Drug</th><th>Dose</th></tr><tr><td>Nivolumab</td><td>360 mg</td></tr></table>"
    )
    assert [(block.kind, block.text) for block in html_blocks(html)] == [
        ("h2", "Side effects"),
        ("p", "Most people feel tired."),
        ("li", "Rash"),
        ("li", "Diarrhoea"),
        ("tr", "Drug | Dose"),
        ("tr", "Nivolumab | 360 mg"),
    ]


def test_a_one_word_change_is_a_word_level_deletion_and_insertion():
    assert word_diff("Most people feel tired.", "Most people feel sleepy.") == [
        Segment("same", "Most people feel "),
        Segment("del", "tired"),
        Segment("ins", "sleepy"),
        Segment("same", "."),
    ]


def test_unchanged_paragraphs_are_folded_and_counted():
    old = "".join(f"<p>Paragraph {n}.</p>" for n in range(1, 5)) + "<p>Most people feel tired.</p>"
    new = "".join(f"<p>Paragraph {n}.</p>" for n in range(1, 5)) + "<p>Most people feel sleepy.</p>"
    changes = block_diff(html_blocks(old), html_blocks(new))
    assert [change.kind for change in changes] == ["same", "changed"]
    assert changes[0].folded_summary == "4 unchanged paragraphs"
    assert Segment("ins", "sleepy") in changes[1].segments


def test_added_and_removed_blocks_say_what_they_are():
    changes = block_diff(
        html_blocks("<p>Keep.</p><h2>Old heading</h2>"), html_blocks("<p>Keep.</p><li>New item</li>")
    )
    assert [(change.kind, change.block.kind_name) for change in changes[1:]] == [("changed", "list item")]
    changes = block_diff(html_blocks("<p>Keep.</p>"), html_blocks("<p>Keep.</p><h2>New heading</h2>"))
    assert [(change.kind, change.block.kind_name) for change in changes[1:]] == [("added", "heading")]


def test_sources_are_compared_field_by_field():
    source = {"authors": "Baas P", "title": "CheckMate 743", "publisher": "Lancet", "year": 2021}
    diff = content_diff(
        snapshot(sources=[source]),
        snapshot(
            sources=[
                {**source, "year": 2022, "url": "https://doi.org/x"},
                {"title": "New", "publisher": "BMJ"},
            ]
        ),
    )
    first, second = diff.sources
    assert first.kind == "changed"
    assert [(change.label, change.old, change.new) for change in first.fields] == [
        ("Year", "2021", "2022"),
        ("Link", "", "https://doi.org/x"),
    ]
    assert second.kind == "added"
    assert diff.changed_sections == {
        "title": False,
        "summary": False,
        "body": False,
        "sources": True,
        "leaflets": False,
    }


def test_any_two_approved_versions_can_be_compared(client, db):
    from django.urls import reverse

    from tests.factories import UserFactory, fresh
    from tests.treatments.factories import approve, approver, nurse, published_article
    from treatments import services

    writer, checker = nurse(), approver()
    article = published_article(editor=writer, approver_user=checker, body="<p>Most people feel tired.</p>")
    for word in ("sleepy", "weary"):
        article.body = f"<p>Most people feel {word}.</p>"
        article.save()
        services.article_record_edit(article=article, editor=fresh(writer))
        services.article_submit(article=article, user=fresh(writer))
        approve(
            article,
            approver=fresh(checker),
            full_review=False,
        )
    client.force_login(writer)
    url = reverse("admin:treatments_article_compare", args=[article.pk])
    html = client.get(url, {"from": 1, "to": 3}).content.decode()
    assert "What changed from version 1 to version 3" in html
    assert "tired" in html and "weary" in html and "sleepy" not in html
    assert client.get(url).status_code == 200  # the newest against the one before
    client.force_login(UserFactory())  # staff who may not view articles
    assert client.get(url).status_code == 403
