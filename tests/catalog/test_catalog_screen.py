"""The Catalogue screen driven like a scanner: keystrokes into whatever has focus, then Enter.

A scanner types the code and Enter into the focused widget, so these tests type into
``QApplication.focusWidget()`` wherever the screen put the focus, never into a chosen field.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import select

from app.models import Item, OutboxOp
from app.profile import Profile
from app.ui.app import build_main_window
from app.ui.sections.catalog import CatalogPage
from tests.catalog.test_catalog_service import catalogue

ISBN = "9787020002207"


def type_text(qtbot, widget, text: str) -> None:  # type: ignore[no-untyped-def]
    """QTest types ASCII only; Chinese arrives from the input method as key events with text."""
    for ch in text:
        if ch.isascii():
            qtbot.keyClicks(widget, ch)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
                QApplication.sendEvent(widget, event)


def scan(qtbot, widget, code: str) -> None:  # type: ignore[no-untyped-def]
    type_text(qtbot, widget, code)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def type_in_focus(qtbot, text: str) -> QWidget:  # type: ignore[no-untyped-def]
    """Type like a scanner or a person: into the focused widget, ending with Enter."""
    widget = focused()
    scan(qtbot, widget, text)
    return widget


def open_page(qtbot, profile: Profile) -> CatalogPage:  # type: ignore[no-untyped-def]
    window = build_main_window(profile)
    qtbot.addWidget(window)
    window.resize(1024, 768)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    page = window.show_section("catalog")
    assert isinstance(page, CatalogPage)
    return page


def start_book(qtbot, page: CatalogPage, isbn: str = ISBN) -> None:  # type: ignore[no-untyped-def]
    page.scan_box.setFocus()
    with qtbot.waitSignal(page.lookup_done, timeout=10000):
        type_in_focus(qtbot, isbn)


def test_scanner_only_cataloguing(qtbot, branch_profile: Profile, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    catalogue(branch_profile, "旧书", "I247.5", ["V0010001"])
    page = open_page(qtbot, branch_profile)
    form = page.form
    start_book(qtbot, page)
    assert page.tabs.currentWidget() is form and form.fields["isbn"].text() == ISBN
    # Enter walks the form: title → author → publisher → place → year → ISBN → class.
    assert focused() is form.fields["title"]
    for text in ("养鸡实用技术", "张三", "中国农业出版社", "北京", "2020"):
        type_in_focus(qtbot, text)
    assert focused() is form.fields["isbn"]
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert focused() is form.fields["clc_class"]
    type_in_focus(qtbot, "S831.4")
    assert "鸡" in form.class_caption.text()  # the caption from the shipped table
    assert focused() is form.barcode_edit  # so the next scan cannot land in the class box

    type_in_focus(qtbot, "V0010002")
    assert page.message.state == "ok" and form.pending == ["V0010002"]
    type_in_focus(qtbot, "V0010001")  # used by another copy: refused at the scan
    assert page.message.state == "error" and "V0010001" in page.message.text()
    type_in_focus(qtbot, "V0020001")  # another branch's range
    assert page.message.state == "error" and "V0010000" in page.message.text()
    type_in_focus(qtbot, "V0010003")
    type_in_focus(qtbot, "V0010002")  # already in the list
    assert page.message.state == "error"
    assert form.pending == ["V0010002", "V0010003"]

    # Delete removes the selected pending row.
    form.pending_list.setCurrentRow(0)
    form.pending_list.setFocus()
    qtbot.keyClick(form.pending_list, Qt.Key.Key_Delete)
    assert form.pending == ["V0010003"] and form.pending_list.count() == 1

    # A run: first barcode, Enter, count; V0010004–V0010006.
    form.run_start.setFocus()
    type_in_focus(qtbot, "V0010004")
    assert focused() is form.run_count
    form.run_count.selectAll()
    qtbot.keyClicks(form.run_count, "3")
    qtbot.keyClick(form.run_count, Qt.Key.Key_Tab)
    qtbot.keyClick(focused(), Qt.Key.Key_Space)  # the "Add run" button
    assert form.pending == ["V0010003", "V0010004", "V0010005", "V0010006"]

    form.barcode_edit.setFocus()
    with qtbot.waitSignal(form.saved, timeout=10000):
        qtbot.keyClick(focused(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert page.message.state == "ok" and "S831.4/1" in page.message.text()
    with branch_profile.sessions() as s:
        rows = s.execute(
            select(Item.barcode, Item.call_number).where(Item.call_number.like("S%"))
        ).all()
        kinds = s.scalars(select(OutboxOp.kind)).all()
    assert sorted(rows) == [(f"V001000{n}", "S831.4/1") for n in (3, 4, 5, 6)]
    assert kinds.count("item_upsert") == 5  # the old copy and four new ones, queued for sync
    assert form.current is None and form.pending == []
    page.window().grab().save(str(tmp_path / "catalogue.png"))


def test_run_with_a_used_barcode_adds_nothing(qtbot, branch_profile: Profile) -> None:  # type: ignore[no-untyped-def]
    catalogue(branch_profile, "旧书", "I247.5", ["V0010005"])
    page = open_page(qtbot, branch_profile)
    start_book(qtbot, page)
    page.form.run_start.setText("V0010004")
    page.form.run_count.setValue(3)
    page.form.add_run()
    assert page.form.pending == [] and "V0010005" in page.message.text()


def test_scan_into_the_class_box_is_split_off(qtbot, branch_profile: Profile) -> None:  # type: ignore[no-untyped-def]
    page = open_page(qtbot, branch_profile)
    start_book(qtbot, page)
    form = page.form
    form.fields["title"].setText("养鸡")
    form.fields["clc_class"].setFocus()
    qtbot.keyClicks(form.fields["clc_class"], "S831.4")
    scan(qtbot, form.fields["clc_class"], "V0010007")  # the scan lands after the class
    assert form.fields["clc_class"].text() == "S831.4"
    assert form.pending == ["V0010007"]
    # F10 saves as well as Ctrl+S.
    with qtbot.waitSignal(form.saved, timeout=10000):
        qtbot.keyClick(focused(), Qt.Key.Key_F10)
    with branch_profile.sessions() as s:
        assert s.scalar(select(Item.call_number)) == "S831.4/1"


def test_class_typed_without_dots_and_nonsense(qtbot, branch_profile: Profile) -> None:  # type: ignore[no-untyped-def]
    page = open_page(qtbot, branch_profile)
    start_book(qtbot, page)
    form = page.form
    form.fields["clc_class"].setFocus()
    type_in_focus(qtbot, "s8314")
    assert form.fields["clc_class"].text() == "S831.4"
    form.fields["clc_class"].setFocus()
    form.fields["clc_class"].clear()
    type_in_focus(qtbot, "M12")
    assert page.message.state == "error" and focused() is form.fields["clc_class"]


def test_isbn_scan_form_and_search(qtbot, branch_profile: Profile, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = open_page(qtbot, branch_profile)
    start_book(qtbot, page, "978-7-02-000220-7")
    assert page.form.fields["isbn"].text() == ISBN
    page.form.fields["title"].setText("红楼梦")
    page.form.fields["author"].setText("曹雪芹")
    page.form.fields["clc_class"].setText("I242.47")
    scan(qtbot, page.form.barcode_edit, "V0010001")
    scan(qtbot, page.form.barcode_edit, "V0010001")  # double fire within 1 s: counted once
    scan(qtbot, page.scan_box, "V0010002")  # the scan box routes barcodes to the form too
    assert page.pending == ["V0010001", "V0010002"]
    page.form.shelf_combo.setCurrentIndex(page.form.shelf_combo.findData("A1"))
    with qtbot.waitSignal(page.form.saved, timeout=10000):
        qtbot.mouseClick(page.form.save_button, Qt.MouseButton.LeftButton)
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
    assert page.results.item(0, 1).toolTip() == "红楼梦"


def test_another_isbn_with_unsaved_copies_is_refused(qtbot, branch_profile: Profile) -> None:  # type: ignore[no-untyped-def]
    page = open_page(qtbot, branch_profile)
    start_book(qtbot, page)
    page.form.fields["title"].setText("红楼梦")
    page.form.fields["clc_class"].setText("I242.47")
    scan(qtbot, page.form.barcode_edit, "V0010001")
    scan(qtbot, page.form.barcode_edit, "9787111213826")
    assert page.message.state == "error" and page.pending == ["V0010001"]


def test_invalid_isbn_scan_shows_message(qtbot, branch_profile: Profile) -> None:  # type: ignore[no-untyped-def]
    page = open_page(qtbot, branch_profile)
    scan(qtbot, page.scan_box, "9787020002201")
    qtbot.waitUntil(lambda: "ISBN" in page.message.text(), timeout=10000)


def test_stocktake_tab(qtbot, branch_profile: Profile) -> None:  # type: ignore[no-untyped-def]
    catalogue(branch_profile, "红楼梦", "I242.47", ["V0010001", "V0010002"])
    page = open_page(qtbot, branch_profile)
    page.tabs.setCurrentIndex(2)
    page.stocktake.start_stocktake()
    scan(qtbot, page.scan_box, "V0010001")
    page.stocktake.show_stocktake_report()
    assert "V0010002" in page.stocktake.stock_report.toPlainText()
    assert "V0010001" in page.stocktake.stock_list.item(0).text()


def test_stocktake_scans_are_said_in_the_vocabulary_words(qtbot, branch_profile: Profile) -> None:  # type: ignore[no-untyped-def]
    catalogue(branch_profile, "红楼梦", "I242.47", ["V0010001", "V0010002"])
    page = open_page(qtbot, branch_profile)
    page.tabs.setCurrentIndex(2)
    page.stocktake.start_stocktake()
    scan(qtbot, page.scan_box, "V0010001")
    assert page.stocktake.stock_list.item(0).text().endswith("— 在架")
    scan(qtbot, page.scan_box, "V0019999")
    assert page.stocktake.stock_list.item(0).text().endswith("— 未知条码")


def test_search_says_the_county_catalogue_is_still_arriving(qtbot, branch_profile: Profile) -> None:  # type: ignore[no-untyped-def]
    """A new device mid initial sync: the banner says how much of the catalogue is here."""
    from app.device import state

    catalogue(branch_profile, "养鸡实用技术", "S831.4", ["V0010001"])
    with branch_profile.sessions() as s, s.begin():
        state.put(s, state.SNAPSHOT_MARK, 10)
        state.put(s, state.SNAPSHOT_BIB_TOTAL, 300_000)
        state.put(s, state.SNAPSHOT_BIB_DONE, 120_000)
    page = open_page(qtbot, branch_profile)
    page.run_search("养鸡")
    assert page.message.state == "warn"
    assert "正在接收县馆目录 (40%)" in page.message.text() and "1" in page.message.text()

    with branch_profile.sessions() as s, s.begin():  # the catalogue is complete
        for key in (state.SNAPSHOT_MARK, state.SNAPSHOT_BIB_TOTAL, state.SNAPSHOT_BIB_DONE):
            state.delete(s, key)
    page.run_search("养鸡")
    assert page.message.state == "ok" and "县馆目录" not in page.message.text()
