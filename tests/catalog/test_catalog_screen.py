"""The Catalogue screen driven like a scanner: qtbot.keyClicks + Enter."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from sqlalchemy import select

from app.models import Item
from app.profile import Profile
from app.ui.app import build_main_window
from app.ui.sections.catalog import CatalogPage
from tests.catalog.test_catalog_service import catalogue


def scan(qtbot, widget, code: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(widget, code)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def open_page(qtbot, profile: Profile) -> CatalogPage:  # type: ignore[no-untyped-def]
    window = build_main_window(profile)
    qtbot.addWidget(window)
    window.show()
    page = window.show_section("catalog")
    assert isinstance(page, CatalogPage)
    return page


def test_isbn_scan_form_and_copies(qtbot, branch_profile: Profile, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = open_page(qtbot, branch_profile)
    with qtbot.waitSignal(page.lookup_done, timeout=10000):
        scan(qtbot, page.scan_box, "978-7-02-000220-7")
    assert page.tabs.currentIndex() == 1
    assert page.fields["isbn"].text() == "9787020002207"
    page.fields["title"].setText("红楼梦")
    page.fields["author"].setText("曹雪芹")
    page.class_picker.setCurrentIndex(page.class_picker.findData("I"))
    page.fields["clc_class"].setText("I242.47")
    scan(qtbot, page.barcode_edit, "V0010001")
    scan(qtbot, page.barcode_edit, "V0010001")  # double fire within 1 s: counted once
    scan(qtbot, page.scan_box, "V0010002")  # the scan box routes barcodes to the form too
    assert page.pending == ["V0010001", "V0010002"]
    page.shelf_combo.setCurrentIndex(page.shelf_combo.findData("A1"))
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert "I242.47/1" in page.message.text()
    with branch_profile.sessions() as s:
        rows = s.execute(select(Item.barcode, Item.call_number, Item.shelf_location)).all()
    assert sorted(rows) == [("V0010001", "I242.47/1", "A1"), ("V0010002", "I242.47/1", "A1")]
    # Typing on the results table goes to the scan box (scan anywhere on the screen).
    page.tabs.setCurrentIndex(0)
    page.results.setFocus()
    scan(qtbot, page.results, "hlm")
    qtbot.keyClick(page.scan_box, Qt.Key.Key_Return)
    assert page.results.rowCount() == 1 and page.results.item(0, 1).text() == "红楼梦"
    assert "在架" in page.results.item(0, 5).text()
    page.grab().save(str(tmp_path / "search.png"))


def test_duplicate_barcode_is_refused_with_message(qtbot, branch_profile: Profile) -> None:  # type: ignore[no-untyped-def]
    catalogue(branch_profile, "红楼梦", "I242.47", ["V0010001"], isbn="9787020002207")
    page = open_page(qtbot, branch_profile)
    with qtbot.waitSignal(page.lookup_done, timeout=10000):
        scan(qtbot, page.scan_box, "9787020002207")
    assert page.current is not None and page.current.source == "local"
    page.add_pending("V0010001")
    page.save()
    assert "已被其他复本使用" in page.message.text()
    with branch_profile.sessions() as s:
        assert len(s.scalars(select(Item)).all()) == 1


def test_invalid_isbn_scan_shows_message(qtbot, branch_profile: Profile) -> None:  # type: ignore[no-untyped-def]
    page = open_page(qtbot, branch_profile)
    scan(qtbot, page.scan_box, "9787020002201")
    qtbot.waitUntil(lambda: "ISBN" in page.message.text(), timeout=10000)


def test_stocktake_tab(qtbot, branch_profile: Profile) -> None:  # type: ignore[no-untyped-def]
    catalogue(branch_profile, "红楼梦", "I242.47", ["V0010001", "V0010002"])
    page = open_page(qtbot, branch_profile)
    page.tabs.setCurrentIndex(2)
    page.start_stocktake()
    scan(qtbot, page.scan_box, "V0010001")
    page.show_stocktake_report()
    assert "V0010002" in page.stock_report.toPlainText()
    assert "V0010001" in page.stock_list.item(0).text()
