"""Bad input on every write path: a clear refusal, never a crash, never a forged header."""

import pytest
from django.core import mail
from django.core.cache import caches
from django.core.exceptions import ValidationError

from support import services as support_services
from support.models import ContactRequest
from tests.support.helpers import CONTACT_URL, valid_post
from tests.treatments.factories import ArticleFactory, CategoryFactory, SourceFactory, nurse
from treatments.models import Article, Category

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    caches["default"].clear()


# --- NUL bytes: refused on every path, never a PostgreSQL crash -------------------


def test_a_nul_byte_from_code_is_refused_before_the_database():
    with pytest.raises(ValidationError, match="Null characters"):
        ArticleFactory(title="Chemo\x00therapy")
    assert not Article.objects.exists()


def test_a_nul_byte_inside_json_is_refused():
    with pytest.raises(ValidationError, match="Null characters"):
        support_services.contact_request_create(
            name="A",
            contact_method="call_back",
            phone="01632 960 001",
            callback_days=["mon\x00"],
            who="patient",
            topic="other",
            message="x",
        )
    assert not ContactRequest.objects.exists()


def test_a_nul_byte_in_a_source_is_refused():
    with pytest.raises(ValidationError):
        SourceFactory(publisher="Lan\x00cet")


def test_the_admin_form_refuses_nul_with_a_message(client):
    writer = nurse()
    article = ArticleFactory(written_by=writer, last_edited_by=writer)
    client.force_login(writer)
    from tests.treatments.factories import article_form_data

    response = client.post(
        f"/admin/treatments/article/{article.pk}/change/", article_form_data(article, title="Bad\x00title")
    )
    assert response.status_code == 200
    assert "Null characters are not allowed." in response.content.decode()
    article.refresh_from_db()
    assert "\x00" not in article.title


# --- Invisible characters in single-line fields ------------------------------------


@pytest.mark.parametrize(
    "text", ["Chemo\u202etherapy", "Chemo\u200btherapy", "Chemo\u2066therapy", "Two\nlines"]
)
def test_titles_and_names_refuse_invisible_and_control_characters(text):
    with pytest.raises(ValidationError):
        ArticleFactory.build(title=text, category=CategoryFactory(), written_by=nurse()).full_clean(
            exclude=["last_edited_by"]
        )
    with pytest.raises(ValidationError):
        Category(name=text, position=1).full_clean()


def test_the_admin_refuses_a_bidi_title(client):
    writer = nurse()
    article = ArticleFactory(written_by=writer, last_edited_by=writer, title="Plain")
    client.force_login(writer)
    from tests.treatments.factories import article_form_data

    response = client.post(
        f"/admin/treatments/article/{article.pk}/change/", article_form_data(article, title="exe.\u202etxt")
    )
    assert "hidden formatting character" in response.content.decode()
    article.refresh_from_db()
    assert article.title == "Plain"


@pytest.mark.parametrize("name", ["Ann\u200bSmith", "\u202egpj.exe", "Jo\r\nBcc: x@evil.example"])
def test_the_contact_form_refuses_invisible_characters_in_names(client, name):
    response = client.post(CONTACT_URL, valid_post(name=name))
    assert response.status_code == 400
    assert not ContactRequest.objects.exists()


# --- Real words from every language are stored as typed ------------------------------


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("Dev Sharma", "Our family 👨\u200d👩\u200d👧 is worried about dad."),  # zero-width joiner
        (
            "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645",
            "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645 \u0628\u062f\u0627\u0646\u0645",
        ),  # Persian, non-joiner
        ("Ann-Marie", "A long word: immuno\u00adtherapy."),  # soft hyphen
        ("Siân", "Diolch 🏴\U000e0067\U000e0062\U000e0077\U000e006c\U000e0073\U000e007f"),  # Welsh flag
        ("\u05e9\u05e8\u05d4 \u200f(Sara)", "Hebrew with a right-to-left mark \u200f."),
    ],
)
def test_words_people_type_are_accepted_and_kept_exactly(client, name, message):
    response = client.post(CONTACT_URL, valid_post(name=name, message=message))
    assert response.status_code == 302, response.content.decode()[:2000]
    stored = ContactRequest.objects.get()
    assert (stored.name, stored.message) == (name, message)


def test_a_bidi_override_in_an_article_summary_is_refused(client):
    writer = nurse()
    article = ArticleFactory(written_by=writer, last_edited_by=writer)
    client.force_login(writer)
    from tests.treatments.factories import article_form_data

    response = client.post(
        f"/admin/treatments/article/{article.pk}/change/",
        article_form_data(article, summary="Read this \u202eesrever ni"),
    )
    assert "hidden formatting character" in response.content.decode()
    article.refresh_from_db()
    assert "\u202e" not in article.summary


# --- Email header injection ----------------------------------------------------------


@pytest.mark.parametrize(
    "email",
    ["a@example.org\nBcc: x@evil.example", "a@example.org\r\nSubject: hi", "a@example.org%0aBcc:x@e.x"],
)
def test_header_injection_in_the_email_address_is_refused(client, email):
    response = client.post(CONTACT_URL, valid_post(contact_method="email", email=email))
    assert response.status_code == 400
    assert not ContactRequest.objects.exists()
    assert mail.outbox == []


def test_no_typed_text_reaches_a_mail_header(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            CONTACT_URL, valid_post(contact_method="email", email="m@example.org", name="Subject Line")
        )
    # The request's emails were sent (the team's notice, the person's acknowledgement): else this checks nothing.
    assert len(mail.outbox) >= 2
    for message in mail.outbox:
        headers = str(message.message())
        assert "Subject Line" not in headers
        assert "\nBcc" not in headers


# --- Sizes and templates -------------------------------------------------------------


def test_an_oversized_body_is_refused_and_nothing_stored(client):
    response = client.post(CONTACT_URL, valid_post(message="x" * 3_000_000))
    assert response.status_code == 413  # the contact form's own page: see tests/site/test_errors.py
    assert not ContactRequest.objects.exists()


def test_too_many_fields_get_400(client):
    data = valid_post()
    data.update({f"extra{n}": "1" for n in range(1100)})
    assert client.post(CONTACT_URL, data).status_code == 400


def test_typed_text_is_never_rendered_as_a_template(client, admin_client):
    client.post(CONTACT_URL, valid_post(message="{{ 7|add:42 }} {% now 'Y' %} <script>alert(1)</script>"))
    stored = ContactRequest.objects.get()
    html = admin_client.get(f"/admin/support/contactrequest/{stored.pk}/change/").content.decode()
    assert "{{ 7|add:42 }} {% now &#x27;Y&#x27; %} &lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "49" not in html.split("Message")[1][:300]
