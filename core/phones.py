"""
Phone numbers in one normal form, E.164 ("+441632960734"), however they were
written ("01632 960 734", "+44 (0)1632 960734", "0044 1632 960734"): numbers
without a country code are taken as UK numbers. Google's libphonenumber rules
(the phonenumbers package) decide, not a hand-made list of prefixes.
"""

import phonenumbers

DEFAULT_REGION = "GB"


def phone_normal_form(text: str) -> str:
    """The number in E.164, or "" when `text` is not a number one could dial."""
    try:
        number = phonenumbers.parse(text or "", DEFAULT_REGION)
    except phonenumbers.NumberParseException:
        return ""
    if not phonenumbers.is_possible_number(number):
        return ""
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
