"""The reference page of a large catalog goes on over pages of bounded cost."""

import re

import pytest
from django.test import override_settings

from catalog.errors.snapshot import catalog_get
from catalog.reference.pages import UNIT_CHARACTERS, pages_split
from catalog.types import Catalog, Reason, Status

pytestmark = pytest.mark.django_db


def catalog_of(sizes: dict[int, int], text: str = "") -> Catalog:
    statuses = [
        Status(
            status=status,
            title=f"Title {status}",
            description="",
            reasons=tuple(
                Reason(code=f"r{status}_{i:02d}", status=status, message="m", troubleshooting=text)
                for i in range(count)
            ),
        )
        for status, count in sizes.items()
    ]
    return Catalog.from_statuses(statuses, version=1)


def test_an_ordinary_catalog_is_one_page():
    pages = pages_split(catalog_get(), 150)

    assert pages.count == 1
    assert all(part.first for part in pages.parts[0])


def test_each_reason_is_on_exactly_one_page_in_catalog_order():
    catalog = catalog_of({400: 7, 404: 12, 500: 0, 503: 3})

    pages = pages_split(catalog, 6)

    shown = [r.code for page in pages.parts for part in page for r in part.reasons]
    assert shown == [r.code for s in sorted(catalog.statuses) for r in catalog.statuses[s].reasons]
    assert all(
        pages.page_of[code] == n
        for n, page in enumerate(pages.parts, 1)
        for part in page
        for code in [r.code for r in part.reasons]
    )
    # Each page holds at most 6 units: a status heading and each reason count one.
    for page in pages.parts:
        assert sum(part.first + len(part.reasons) for part in page) <= 6
    # A status going on over pages: its heading (and anchor) on its first part only.
    parts_404 = [part for page in pages.parts for part in page if part.status.status == 404]
    assert [part.first for part in parts_404] == [True, False, False]


def test_long_texts_weigh_more_and_a_heavy_reason_gets_a_page_of_its_own():
    heavy = "x" * (UNIT_CHARACTERS * 20)
    catalog = catalog_of({404: 3}, text=heavy)

    pages = pages_split(catalog, 10)

    assert [[len(part.reasons) for part in page] for page in pages.parts] == [[1], [1], [1]]


@override_settings(CATALOG_REFERENCE_PAGE_SIZE=8)
def test_pages_link_to_each_other_and_every_anchor_is_found(client):
    first = client.get("/errors/").content.decode()
    numbers = sorted({int(n) for n in re.findall(r'href="/errors/\?page=(\d+)"', first)})
    assert numbers
    assert numbers == list(range(2, numbers[-1] + 1))

    anchors: dict[str, int] = {}
    for number in [1, *numbers]:
        response = client.get(f"/errors/?page={number}" if number > 1 else "/errors/")
        assert response.status_code == 200
        content = response.content.decode()
        for code in re.findall(r'<article class="reason" id="([a-z0-9_]+)"', content):
            assert code not in anchors
            anchors[code] = number
        # Contents and codes table link to where each reason is.
        for code, on in anchors.items():
            href = (
                f"#{code}" if on == number else f"/errors/{f'?page={on}' if on > 1 else ''}#{code}"
            )
            assert f'href="{href}"' in content
    assert set(anchors) == set(catalog_get().reasons)
    later = client.get(f"/errors/?page={numbers[-1]}").content.decode()
    assert 'id="introduction"' not in later
    assert "(continued)" in later or later.count('class="status-section" id=') > 0


@override_settings(CATALOG_REFERENCE_PAGE_SIZE=8)
@pytest.mark.parametrize("page", ["0", "999", "abc", "1e3", "-1", "\uff11", "9" * 40])
def test_a_page_that_doesnt_exist_is_a_404(client, page):
    response = client.get(f"/errors/?page={page}")

    assert response.status_code == 404
    assert "Traceback" not in response.content.decode()


def test_one_page_has_no_pager(client):
    content = client.get("/errors/").content.decode()

    assert 'class="pager"' not in content
    assert client.get("/errors/?page=1").status_code == 200
    assert client.get("/errors/?page=2").status_code == 404
