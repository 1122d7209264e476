"""Numbers in the words people read on the site (plain Python: settings use it)."""

_NUMBERS = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]


def hour_words(hour: int) -> str:
    """9 -> "9am", 12 -> "12 noon", 17 -> "5pm"."""
    if hour == 12:
        return "12 noon"
    return f"{hour % 12 or 12}{'am' if hour < 12 else 'pm'}"


def working_days_words(days: int) -> str:
    """2 -> "two working days"."""
    number = _NUMBERS[days] if 0 <= days < len(_NUMBERS) else str(days)
    return f"{number} working day{'' if days == 1 else 's'}"
