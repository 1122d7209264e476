"""Settings: staff sessions, CSRF, request sizes and the sign-in lockout. Read by settings.py."""

from datetime import timedelta

from charity_site.environment import env_int

# Staff sessions: signed out after 30 minutes without a request.
SESSION_COOKIE_AGE = env_int("SESSION_IDLE_SECONDS", 30 * 60)
SESSION_SAVE_EVERY_REQUEST = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# The editor's upload script reads the CSRF cookie, so it cannot be HttpOnly.
CSRF_COOKIE_HTTPONLY = False

# A form sent without a valid CSRF token: a page with the phone number, and the
# contact form given back with what was typed (charity_site/urls.py).
CSRF_FAILURE_VIEW = "charity_site.urls.csrf_failure"

# Request bodies: form posts are small; editor images are checked separately.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000


# Sign-in lockout (django-axes): 5 failures for one username from one address
# lock that pair for 30 minutes. Not by address alone, so one attacker behind
# the charity's proxy cannot lock out every nurse; not permanent.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 30))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "charity_site.views.locked_out"
AXES_CLIENT_IP_CALLABLE = "core.client_ip.client_ip"
# Typed usernames and passwords never reach the access log.
AXES_SENSITIVE_PARAMETERS = ["username", "password", "otp_token"]
