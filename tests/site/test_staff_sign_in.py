"""Lockout, two-factor sign-in, passwords and sessions for staff accounts."""

import datetime
import logging
from io import StringIO

import pytest
import time_machine
from axes.models import AccessAttempt
from django.contrib.auth.hashers import make_password
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import override_settings
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import UserFactory
from tests.treatments.factories import nurse

pytestmark = pytest.mark.django_db
LOGIN = "/admin/login/"
PASSWORD = "a-long-test-password"


def attempt(client, username, password, ip="192.0.2.10", **extra):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=ip, **extra)


# --- Lockout ------------------------------------------------------------------


def test_five_failures_lock_the_account_from_that_address_for_30_minutes(client, caplog):
    user = nurse()
    for _ in range(4):
        assert attempt(client, user.username, "wrong").status_code == 200
    with caplog.at_level(logging.WARNING, logger="security"):
        fifth = attempt(client, user.username, "wrong")
    assert fifth.status_code == 429
    locked = attempt(client, user.username, PASSWORD)
    assert locked.status_code == 429
    assert "Sign-in paused for 30 minutes" in locked.content.decode()
    assert "event=login.locked_out" in caplog.text and user.username not in caplog.text

    with time_machine.travel(datetime.timedelta(minutes=31)):
        assert attempt(client, user.username, PASSWORD).status_code == 302


def test_the_lockout_is_per_username_and_address(client):
    victim, colleague = nurse(), nurse()
    for _ in range(5):
        attempt(client, victim.username, "wrong", ip="192.0.2.66")
    # A colleague behind the same address signs in normally.
    assert attempt(client, colleague.username, PASSWORD, ip="192.0.2.66").status_code == 302
    client.logout()
    # The victim from their own address is not locked out by the attacker.
    assert attempt(client, victim.username, PASSWORD, ip="198.51.100.7").status_code == 302


def test_behind_a_proxy_the_lockout_keys_on_the_client_not_the_proxy(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    user = nurse()
    for _ in range(5):
        attempt(client, user.username, "wrong", ip="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.9")
    ok = attempt(client, user.username, PASSWORD, ip="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.10")
    assert ok.status_code == 302
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"203.0.113.9"}


def test_unknown_and_known_users_get_the_same_answer(client):
    user = nurse()
    known = attempt(client, user.username, "wrong")
    unknown = attempt(client, "nobody-here", "wrong")
    assert known.status_code == unknown.status_code == 200
    message = "Please enter the correct username and password"
    assert message in known.content.decode() and message in unknown.content.decode()


# --- Two-factor sign-in ---------------------------------------------------------


def current_token(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


@override_settings(ADMIN_REQUIRE_2FA=True)
def test_password_and_code_open_the_admin_on_the_first_try_with_one_device(client):
    user = nurse()
    device = TOTPDevice.objects.create(user=user, name="phone")
    response = client.post(
        "/admin/login/?next=/admin/",
        {"username": user.username, "password": PASSWORD, "otp_token": current_token(device)},
    )
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


@override_settings(ADMIN_REQUIRE_2FA=True)
def test_with_two_devices_the_page_asks_which(client):
    user = nurse()
    first = TOTPDevice.objects.create(user=user, name="phone")
    TOTPDevice.objects.create(user=user, name="tablet")
    response = client.post(
        "/admin/login/?next=/admin/",
        {"username": user.username, "password": PASSWORD, "otp_token": current_token(first)},
    )
    assert response.status_code == 200
    assert 'name="otp_device"' in response.content.decode()
    assert client.get("/admin/").status_code == 302  # not signed in


@override_settings(ADMIN_REQUIRE_2FA=True)
def test_a_password_alone_does_not_open_the_admin(client):
    user = nurse()
    device = TOTPDevice.objects.create(user=user, name="phone")
    response = attempt(client, user.username, PASSWORD)
    assert response.status_code == 200
    assert client.get("/admin/").status_code == 302

    response = client.post(
        LOGIN,
        {
            "username": user.username,
            "password": PASSWORD,
            "otp_device": device.persistent_id,
            "otp_token": "000000",
        },
    )
    assert response.status_code == 200
    assert client.get("/admin/").status_code == 302


@override_settings(ADMIN_REQUIRE_2FA=True)
def test_password_and_code_open_the_admin_and_a_code_works_once(client):
    user = nurse()
    device = TOTPDevice.objects.create(user=user, name="phone")
    token = current_token(device)
    data = {
        "username": user.username,
        "password": PASSWORD,
        "otp_device": device.persistent_id,
        "otp_token": token,
    }
    assert client.post(LOGIN, data).status_code == 302
    assert client.get("/admin/").status_code == 200
    client.logout()
    # The same code again is a replay.
    assert client.post(LOGIN, data).status_code == 200
    assert client.get("/admin/").status_code == 302


@override_settings(ADMIN_REQUIRE_2FA=True)
def test_a_session_without_a_verified_code_is_not_let_in(client):
    client.force_login(nurse())
    response = client.get("/admin/treatments/article/")
    assert response.status_code == 302 and response["Location"].startswith(LOGIN)


def test_two_factor_is_on_by_default_in_production():
    from tests.site.processes import LONG_KEY, start_django

    result = start_django(DEBUG="false", SECRET_KEY=LONG_KEY, ALLOWED_HOSTS="x.example")
    assert result.returncode == 0
    probe = start_django(
        DEBUG="false",
        SECRET_KEY=LONG_KEY,
        ALLOWED_HOSTS="x.example",
        PROBE="from django.conf import settings; print(settings.ADMIN_REQUIRE_2FA)",
    )
    assert probe.stdout.strip().endswith("True"), probe.stdout + probe.stderr


def test_enrol_and_reset_commands():
    user = nurse()
    out = StringIO()
    call_command("otp_enrol", user.username, stdout=out)
    assert "otpauth://totp/" in out.getvalue()
    assert TOTPDevice.objects.filter(user=user, confirmed=True).count() == 1
    with pytest.raises(Exception, match="already has"):
        call_command("otp_enrol", user.username, stdout=StringIO())
    call_command("otp_reset", user.username, stdout=StringIO())
    assert not TOTPDevice.objects.filter(user=user).exists()


# --- Passwords and sessions --------------------------------------------------------


def test_passwords_are_hashed_with_argon2_in_production(settings):
    from charity_site import settings as production

    settings.PASSWORD_HASHERS = production.PASSWORD_HASHERS
    assert make_password("a-long-passphrase-for-staff").startswith("argon2$")


@pytest.mark.parametrize("password", ["password123", "short-pw!", "12345678901234", "pat.tester"])
def test_weak_passwords_are_refused(password):
    user = UserFactory(username="pat.tester", first_name="Pat")
    with pytest.raises(ValidationError):
        validate_password(password, user)


def test_a_long_passphrase_is_accepted():
    validate_password("correct horse battery staple, said the nurse on the ward", UserFactory())


def test_staff_are_signed_out_after_30_idle_minutes(client):
    client.force_login(nurse())
    assert client.get("/admin/").status_code == 200
    with time_machine.travel(datetime.timedelta(minutes=20)):
        assert client.get("/admin/").status_code == 200
    # Each request restarts the 30 minutes; 31 minutes of silence ends the session.
    with time_machine.travel(datetime.timedelta(minutes=52)):
        assert client.get("/admin/").status_code == 302


def test_logout_ends_the_session_for_good(client):
    client.force_login(nurse())
    old_cookie = client.cookies["__Host-sessionid"].value
    client.post("/admin/logout/")
    client.cookies["__Host-sessionid"] = old_cookie
    assert client.get("/admin/").status_code == 302


def test_deactivating_an_account_ends_its_sessions(client):
    user = nurse()
    client.force_login(user)
    assert client.get("/admin/").status_code == 200
    user.is_active = False
    user.save()
    assert client.get("/admin/").status_code == 302


def test_a_password_change_ends_other_sessions(client):
    user = nurse()
    client.force_login(user)
    user.set_password("another-long-password-2026")
    user.save()
    assert client.get("/admin/").status_code == 302


def test_signing_in_issues_a_new_session_id(client):
    """Security plan C5: a session id planted before sign-in is useless after it."""
    user = nurse()
    client.get("/support/contact/")
    client.cookies["__Host-sessionid"] = "planted-session-id-0123456789"
    attempt(client, user.username, PASSWORD)
    assert client.cookies["__Host-sessionid"].value != "planted-session-id-0123456789"
    assert client.get("/admin/").status_code == 200
