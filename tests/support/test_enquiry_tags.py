"""Enquiries feed the content plan: what answered a closed request, or what no page covers, counted for editors."""

import pytest

from support import data_rights, services
from support.models import EnquiryTag
from tests.factories import fresh
from tests.support.factories import make_request, support_user
from tests.treatments.factories import nurse, published_article

pytestmark = pytest.mark.django_db


def close_url(contact_request):
    return f"/admin/support/contactrequest/{contact_request.pk}/status/"


def test_closing_with_a_missing_topic_counts_on_the_editors_dashboard(client):
    staff = support_user()
    client.force_login(staff)
    for topic in ["Travel insurance", "travel insurance", "Hospice care"]:
        contact_request = make_request()
        response = client.post(
            close_url(contact_request), {"status": "closed", "outcome": "emailed", "missing_topic": topic}
        )
        assert response.status_code == 302
    article = published_article(title="Chemotherapy")
    answered = make_request()
    client.post(
        close_url(answered), {"status": "closed", "outcome": "called_back", "answered_by": article.pk}
    )
    assert EnquiryTag.objects.get(contact_request=answered).article == article
    assert article.enquiry_tags.count() == 1

    client.force_login(nurse())
    home = client.get("/admin/").content.decode()
    section = home.split("Asked about, but no page covers it")[1].split("<h3>")[0]
    assert (
        "<li>travel insurance: 2 enquiries</li>" in section and "<li>hospice care: 1 enquiry</li>" in section
    )
    assert "Alan Brookes" not in home and "Private health details" not in home


def test_a_tag_is_recorded_only_on_closing_and_never_both_kinds(client):
    client.force_login(support_user())
    contact_request = make_request()
    article = published_article()
    response = client.post(
        close_url(contact_request), {"status": "in_progress", "missing_topic": "Hospice care"}
    )
    assert response.status_code == 400 and "recorded when it is closed" in response.content.decode()
    response = client.post(
        close_url(contact_request),
        {"status": "closed", "outcome": "emailed", "missing_topic": "Hospice", "answered_by": article.pk},
    )
    assert response.status_code == 400
    with pytest.raises(services.SupportWorkflowError):
        services.enquiry_tag_set(
            contact_request=contact_request,
            actor=fresh(support_user()),
            article_id=article.pk,
            missing_topic="x",
        )
    assert not EnquiryTag.objects.exists()


def test_the_tag_outlives_an_erasure_without_the_words_staff_typed():
    """A topic is free text: it could name the caller, so erasure takes it with the request."""
    staff = fresh(support_user())
    contact_request = make_request(email="ann@example.org")
    services.enquiry_tag_set(
        contact_request=contact_request, actor=staff, missing_topic="Ann Hale's travel insurance"
    )
    data_rights.erase(user=staff, email="ann@example.org", confirmation="ERASE", open_confirmed=True)
    tag = EnquiryTag.objects.get()
    assert tag.contact_request is None and tag.missing_topic == ""


def test_a_topic_keeps_no_contact_details():
    staff = fresh(support_user())
    contact_request = make_request()
    tag = services.enquiry_tag_set(
        contact_request=contact_request,
        actor=staff,
        missing_topic="pension, call 07700 900123 or ann@example.org",
    )
    assert tag.missing_topic == "pension, call or"
