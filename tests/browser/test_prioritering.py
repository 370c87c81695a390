"""The Prioritering page in a real browser: filters change the ranking, and a ranked group opens."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from playwright.sync_api import Locator, expect

if TYPE_CHECKING:
    from collections.abc import Callable

    from tests.browser.conftest import AppPage

MAYOR = "burgemeester-utrecht"
HOOG = "▲ hoog"
ROW_PX = 35  # Streamlit's default row height in st.dataframe (the header row too)


def _ranking(app_page: AppPage) -> Locator:
    """The ranked table, once its grid has drawn its first row (it draws after the page run)."""
    table = app_page.page.get_by_test_id("stMain").get_by_test_id("stDataFrame").first
    expect(table.locator("table[role='grid'] tbody tr").first).to_be_attached()
    return table


def _row_count(table: Locator) -> int:
    """Rows of the table, from its accessible grid (aria-rowcount counts the header row too)."""
    return int(table.locator("table[role='grid']").get_attribute("aria-rowcount") or 0) - 1


def _column(table: Locator, name: str) -> list[str]:
    """The cells of one column among the rows the grid shows (its accessible copy holds those in view)."""
    headers = table.locator("table[role='grid'] th").all_inner_texts()
    assert name in headers, f"kolom {name!r} niet in {headers}"
    index = headers.index(name) + 1
    return table.locator(f"tbody tr td[aria-colindex='{index}']").all_inner_texts()


def _groups_metric(app_page: AppPage) -> Locator:
    page = app_page.page
    metric = page.get_by_test_id("stMetric").filter(
        has=page.get_by_test_id("stMetricLabel").get_by_text("Groepen", exact=True)
    )
    return metric.get_by_test_id("stMetricValue")


def test_choosing_a_band_narrows_the_ranking_to_that_band(signed_in: Callable[..., AppPage]) -> None:
    app_page = signed_in(MAYOR)
    page = app_page.page
    app_page.go_to("Prioritering")
    expect(_groups_metric(app_page)).to_have_text(re.compile(r"^(\d+) van \1$"))
    table = _ranking(app_page)
    total = _row_count(table)
    ranks = _column(table, "Rang")
    assert ranks == [str(rank) for rank in range(1, len(ranks) + 1)]
    scores = [float(value) for value in _column(table, "Prioriteit") if value]
    assert scores == sorted(scores, reverse=True), "hoogste prioriteit hoort bovenaan"

    band = page.get_by_test_id("stMain").get_by_role("combobox", name="Band")
    band.click()
    page.get_by_role("listbox").get_by_role("option", name=HOOG).click()
    page.keyboard.press("Escape")

    # Wait for the filtered count: fewer than all, but some (the sample has groups in band hoog).
    expect(_groups_metric(app_page)).to_have_text(re.compile(rf"^(?!{total} )[1-9]\d* van {total}$"))
    app_page.wait_until_idle()
    shown = int(_groups_metric(app_page).inner_text().split()[0])
    assert 0 < shown < total, "het filter op band hoog hoort de lijst in te korten"
    table = _ranking(app_page)
    expect(table.locator("table[role='grid']")).to_have_attribute("aria-rowcount", str(shown + 1))
    assert _column(table, "Band") == [HOOG] * shown
    app_page.screenshot("prioritering-filter-band-hoog")
    assert app_page.unexpected_requests() == [], "de app vroeg iets op buiten de eigen server"


def test_a_group_opens_from_the_ranking(signed_in: Callable[..., AppPage]) -> None:
    app_page = signed_in(MAYOR)
    page = app_page.page
    app_page.go_to("Prioritering")
    table = _ranking(app_page)
    second = _column(table, "Groep")[1]

    # Tick the row's checkbox: the first column of the canvas, in the second data row.
    table.scroll_into_view_if_needed()
    box = table.bounding_box()
    assert box is not None
    page.mouse.click(box["x"] + 16, box["y"] + ROW_PX * 2 + ROW_PX / 2)

    link = page.get_by_test_id("stMain").get_by_role("link", name=f"Open {second}")
    expect(link).to_be_visible()
    app_page.wait_until_idle()
    link.click()
    expect(page).to_have_url(re.compile(r"/groep\?groep=G-\d+$"))
    expect(page.get_by_role("heading", name=second, level=1)).to_be_visible()
    app_page.wait_until_idle()
    app_page.assert_no_exception()
    app_page.screenshot("prioritering-naar-groep")
    assert app_page.unexpected_requests() == [], "de app vroeg iets op buiten de eigen server"
