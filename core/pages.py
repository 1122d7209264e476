"""A long list a page at a time, for the public pages."""

from django.core.paginator import InvalidPage, Page, Paginator
from django.http import Http404


def _with_links(page: Page) -> Page:
    # The numbers to link: the first, the last and two either side of this one ("…" between).
    page.links = list(page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1))
    return page


def page_or_404(items, per_page: int, number: str) -> Page:
    """
    The page of `items` asked for (the first if none was). A number that is not one of
    its pages is a 404, never a page made up for it: an address is one page, or none.
    """
    try:
        return _with_links(Paginator(items, per_page).page(number or 1))
    except InvalidPage:
        raise Http404("There is no such page.") from None


def page_number_or_404(number: str) -> int:
    """A page number as asked for ("" is the first); anything but a whole number from 1 is a 404."""
    if not number:
        return 1
    if not number.isdigit() or not 0 < int(number) < 100_000:
        raise Http404("There is no such page.")
    return int(number)


def counted_page(items: list, number: int, per_page: int, count: int) -> Page:
    """
    A page whose items and whole count came from one query (a window count on the page's
    rows): no second query to count. A page past the end is a 404, as in page_or_404.
    """
    paginator = Paginator(range(count), per_page)
    if number > paginator.num_pages:
        raise Http404("There is no such page.")
    return _with_links(Page(items, number, paginator))
