"""Links people can act on from a page: a phone number that dials, an address that writes."""


def tel_href(number: str) -> str:
    """A tel: link target: digits and a leading plus only."""
    cleaned = "".join(ch for ch in number if ch.isdigit() or ch == "+")
    return f"tel:{cleaned}"
