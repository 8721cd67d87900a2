"""
The reference page in pages, once a catalog is large.

A catalog of ordinary size (the seed's dozens of reasons) is one page, as always.
Past `CATALOG_REFERENCE_PAGE_SIZE` units (see weight()) the statuses and reasons go
on over pages, in catalog order, with their text and examples (a status's reasons
may go on over two pages), so that rendering a page costs the same at any catalog
size. The contents and the list of error codes stay whole on every page and link
across pages.
"""

from dataclasses import dataclass

from catalog.types import Catalog, Reason, Status


@dataclass(frozen=True)
class Part:
    """A status on one page: the whole status, or the part of its reasons on that page."""

    status: Status
    reasons: tuple[Reason, ...]
    first: bool  # the status's first part: the one that carries its heading's anchor


@dataclass(frozen=True)
class Pages:
    parts: tuple[tuple[Part, ...], ...]  # per page, from page 1
    page_of: dict[str, int]  # anchor (a reason's code, a status as text) -> its page

    @property
    def count(self) -> int:
        return len(self.parts)


# A page's cost is mostly Markdown: an entry counts one unit, and one more per
# UNIT_CHARACTERS of its troubleshooting text.
UNIT_CHARACTERS = 500


def weight(text: str) -> int:
    return 1 + len(text) // UNIT_CHARACTERS


def pages_split(catalog: Catalog, size: int) -> Pages:
    """
    The catalog's statuses and reasons in pages of at most `size` units (an entry
    heavier than a page gets a page of its own). A status heading never ends a page:
    it goes on with its first reason.
    """
    pages: list[list[Part]] = [[]]
    page_of: dict[str, int] = {}
    used = 0

    def page_new() -> None:
        nonlocal used
        pages.append([])
        used = 0

    for number in sorted(catalog.statuses):
        status = catalog.statuses[number]
        need = weight(status.troubleshooting)
        if status.reasons:
            need += weight(status.reasons[0].troubleshooting)
        if used and used + need > size:
            page_new()
        used += weight(status.troubleshooting)
        page_of[str(number)] = len(pages)
        taken: list[Reason] = []
        first = True
        for reason in status.reasons:
            cost = weight(reason.troubleshooting)
            if taken and used + cost > size:  # a heading goes on with at least one reason
                pages[-1].append(Part(status, tuple(taken), first))
                taken, first = [], False
                page_new()
            taken.append(reason)
            used += cost
            page_of[reason.code] = len(pages)
        pages[-1].append(Part(status, tuple(taken), first))
    return Pages(tuple(tuple(page) for page in pages), page_of)
