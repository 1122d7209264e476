"""Settings: the charity's details and the support line's hours, limits and mailbox. Read by settings.py."""

from charity_site.environment import env_bool, env_int, env_str
from core.wording import hour_words, working_days_words

# The site's public address, for links in email, e.g. https://www.example.org
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# The charity's own details, shown in the header, footer and support pages.
CHARITY_NAME = env_str("CHARITY_NAME", "Mesothelioma Support Network")
SUPPORT_PHONE = env_str("SUPPORT_PHONE", "0808 157 0192")
SUPPORT_EMAIL = env_str("SUPPORT_EMAIL", "support@example.org")
# The support line's working day (Monday to Friday, not on bank holidays in England
# and Wales): the hours the promised answer time is counted in.
SUPPORT_OPENS_AT = env_int("SUPPORT_OPENS_AT", 9)  # hour of the day, 24-hour clock
SUPPORT_CLOSES_AT = env_int("SUPPORT_CLOSES_AT", 17)
SUPPORT_OPENING_HOURS = env_str(
    "SUPPORT_OPENING_HOURS",
    f"Monday to Friday, {hour_words(SUPPORT_OPENS_AT)} to {hour_words(SUPPORT_CLOSES_AT)}",
)
# The name authenticator apps show next to a staff member's sign-in code.
OTP_TOTP_ISSUER = CHARITY_NAME

# Support line: where new-request alerts go, and the contact form's limits.
SUPPORT_INBOX_EMAIL = env_str("SUPPORT_INBOX_EMAIL", SUPPORT_EMAIL)
# Replies to the person come from SUPPORT_EMAIL; their answers go to this address,
# whose mailbox `fetch_support_replies` reads over IMAP (stdlib imaplib).
SUPPORT_REPLY_TO_EMAIL = env_str("SUPPORT_REPLY_TO_EMAIL", SUPPORT_EMAIL)
SUPPORT_IMAP_HOST = env_str("SUPPORT_IMAP_HOST")
SUPPORT_IMAP_PORT = env_int("SUPPORT_IMAP_PORT", 993)
SUPPORT_IMAP_SSL = env_bool("SUPPORT_IMAP_SSL", default=True)
SUPPORT_IMAP_USER = env_str("SUPPORT_IMAP_USER")
SUPPORT_IMAP_PASSWORD = env_str("SUPPORT_IMAP_PASSWORD")
SUPPORT_IMAP_FOLDER = env_str("SUPPORT_IMAP_FOLDER", "INBOX")
SUPPORT_IMAP_TIMEOUT = env_int("SUPPORT_IMAP_TIMEOUT", 30)
# Emails larger than this are left in the mailbox, flagged for a person to read there.
SUPPORT_REPLY_MAX_BYTES = env_int("SUPPORT_REPLY_MAX_BYTES", 10 * 1024 * 1024)
# The duty address alerted at once (reference and link only) when a request looks urgent.
SUPPORT_URGENT_EMAIL = env_str("SUPPORT_URGENT_EMAIL", SUPPORT_INBOX_EMAIL)
# An urgent request is answered by the close of the working day it arrives in; one that
# arrives while the line is closed, by this hour of the next working morning.
SUPPORT_URGENT_NEXT_MORNING_BY = env_int("SUPPORT_URGENT_NEXT_MORNING_BY", 11)
# The promised answer time, in working days; the words people read are made from it.
SUPPORT_REPLY_WITHIN_WORKING_DAYS = env_int("SUPPORT_REPLY_WITHIN_WORKING_DAYS", 2)
SUPPORT_REPLY_WITHIN = working_days_words(SUPPORT_REPLY_WITHIN_WORKING_DAYS)
SUPPORT_RATE_LIMIT_PER_HOUR = env_int("SUPPORT_RATE_LIMIT_PER_HOUR", 5)
SUPPORT_FORM_MIN_SECONDS = env_int("SUPPORT_FORM_MIN_SECONDS", 3)
# A contact form older than this is given back to be sent again, with what was typed.
SUPPORT_FORM_MAX_AGE_SECONDS = env_int("SUPPORT_FORM_MAX_AGE_SECONDS", 2 * 60 * 60)
SUPPORT_RETENTION_DAYS = env_int("SUPPORT_RETENTION_DAYS", 365)
