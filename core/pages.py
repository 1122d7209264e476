"""A long list a page at a time, for the public pages."""

from django.core.paginator import Page, Paginator
from django.http import Http404


def _with_links(page: Page) -> Page:
    # The numbers to link: the first, the last and two either side of this one ("…" between).
    page.links = list(page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1))
    return page


def page_number_or_404(number: str) -> int:
    """A page number as asked for ("" is the first); anything but a whole number from 1 is a 404."""
    if not number:
        return 1
    if not number.isdigit() or not 0 < int(number) < 100_000:
        raise Http404("There is no such page.")
    return int(number)


def counted_page(items: list, number: int, per_page: int, count: int) -> Page:
    """
    A page of items fetched for it, with the whole list's count as the caller got it (a window
    count on the page's rows, or a count from an index), so the Paginator never counts again.
    A page past the end is a 404, never a page made up for it: an address is one page, or none.
    """
    paginator = Paginator(range(count), per_page)
    if number > paginator.num_pages:
        raise Http404("There is no such page.")
    return _with_links(Page(items, number, paginator))
