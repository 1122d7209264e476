"""A long list a page at a time, for the public pages."""

from django.core.paginator import InvalidPage, Page, Paginator
from django.http import Http404


def page_or_404(items, per_page: int, number: str) -> Page:
    """
    The page of `items` asked for (the first if none was). A number that is not one of
    its pages is a 404, never a page made up for it: an address is one page, or none.
    """
    try:
        page = Paginator(items, per_page).page(number or 1)
    except InvalidPage:
        raise Http404("There is no such page.") from None
    # The numbers to link: the first, the last and two either side of this one ("…" between).
    page.links = list(page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1))
    return page
