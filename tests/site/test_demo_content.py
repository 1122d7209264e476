from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import override_settings

pytestmark = pytest.mark.django_db


def snapshot_users():
    return list(get_user_model().objects.order_by("username").values())


@override_settings(DEBUG=True, DEMO_PASSWORD="a-demo-password-for-tests")
def test_demo_accounts_are_created_with_the_demo_password():
    call_command("load_demo_content", stdout=StringIO())
    users = {user.username: user for user in get_user_model().objects.all()}
    assert set(users) >= {"admin", "nurse", "approver", "support"}
    assert users["admin"].is_superuser
    assert not users["nurse"].is_superuser
    for user in users.values():
        assert user.is_staff
        assert user.check_password("a-demo-password-for-tests")


@override_settings(DEBUG=True)
def test_loading_twice_changes_nothing():
    call_command("load_demo_content", stdout=StringIO())
    first = snapshot_users()
    call_command("load_demo_content", stdout=StringIO())
    assert snapshot_users() == first


@override_settings(DEBUG=False)
def test_demo_content_is_refused_when_debug_is_off():
    with pytest.raises(CommandError, match="only runs with DEBUG on"):
        call_command("load_demo_content")
    assert not get_user_model().objects.exists()


def test_production_does_not_install_the_demo_app():
    from tests.site.processes import LONG_KEY, start_django

    probe = "from django.conf import settings; print('demo' in settings.INSTALLED_APPS)"
    production = start_django(DEBUG="false", SECRET_KEY=LONG_KEY, ALLOWED_HOSTS="x.example", PROBE=probe)
    assert production.returncode == 0, production.stderr
    assert production.stdout.strip() == "False"
    development = start_django(DEBUG="true", PROBE=probe)
    assert development.stdout.strip() == "True"


def test_each_demo_article_is_long_enough_plain_enough_and_cites_its_own_sources():
    from demo.article_texts import ARTICLES, BAAS_2021, SCHERPEREEL_2019, VOGELZANG_2003
    from treatments.citations import citation_problems
    from treatments.readability import TARGET_READING_AGE, readability_of

    trials_of_drugs = [BAAS_2021, SCHERPEREEL_2019, VOGELZANG_2003]
    for article in ARTICLES:
        report = readability_of(article["body"])
        assert 400 <= report.word_count <= 900, (article["slug"], report.word_count)
        assert report.reading_age <= TARGET_READING_AGE[1] == 11, (article["slug"], report.reading_age)
        cited = citation_problems(article["body"], len(article["sources"]))
        assert cited.missing == [] and cited.uncited == [], (article["slug"], cited)
        if article["slug"] not in {"immunotherapy", "chemotherapy", "tests-and-diagnosis"}:
            # A page about surgery or radiotherapy cites no trial of a drug treatment (the
            # tests page cites CheckMate 743 for what the cell type means for treatment).
            assert not [source for source in article["sources"] if source in trials_of_drugs], article["slug"]
    assert {
        "fluid-on-the-lung",
        "living-with-mesothelioma",
        "peritoneal-mesothelioma",
        "tests-and-diagnosis",
        "compensation-and-benefits",
    } <= {article["slug"] for article in ARTICLES}
