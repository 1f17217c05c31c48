"""Routine jobs on screen: shelves, a copy's status, editing a record, moving a copy, and a
search result opening its record (double-click or Enter). Driven by keys where staff use keys."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import select

from app.models import Item, OutboxOp
from app.profile import Profile
from app.services import catalog_shelves
from app.ui.catalog.class_picker import ClassPickerDialog
from app.ui.catalog.record import RecordDialog
from tests.catalog.test_catalog_screen import focused, open_page, scan, type_in_focus
from tests.catalog.test_catalog_service import catalogue
from tests.catalog.test_routine_services import put_on_shelf


def search_and_open(qtbot, page, query: str) -> RecordDialog:  # type: ignore[no-untyped-def]
    page.scan_box.setFocus()
    type_in_focus(qtbot, query)
    assert page.results.rowCount() >= 1
    page.results.setFocus()
    page.results.setCurrentCell(0, 1)
    qtbot.keyClick(page.results, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.record_dialog is not None and page.record_dialog.isVisible())
    return page.record_dialog


def test_search_result_opens_record_edit_move_and_status(qtbot, branch_profile: Profile) -> None:  # type: ignore[no-untyped-def]
    catalogue(branch_profile, "红楼梦", "I242.47", ["V0010001", "V0010002"])
    page = open_page(qtbot, branch_profile)
    dialog = search_and_open(qtbot, page, "hlm")
    assert dialog.fields["title"].text() == "红楼梦" and dialog.copies.rowCount() == 2
    dialog.fields["author"].setText("曹雪芹")
    dialog.save_record()
    assert "红楼梦" in dialog.message.text()

    dialog.copies.selectRow(1)
    dialog.shelf_combo.setCurrentIndex(dialog.shelf_combo.findData("B1"))
    dialog.move_selected()
    assert dialog.copies.item(1, 2).text() == "B1"

    dialog.copies.selectRow(0)
    dialog.change_status()
    box = dialog.status_dialog
    assert box.isVisible()
    box.choose("lost")
    box.apply()  # no reason: refused, nothing changes
    assert box.isVisible() and box.message.text()
    box.reason_edit.setFocus()
    scan(qtbot, box.reason_edit, "reader moved away")
    qtbot.waitUntil(lambda: not box.isVisible())
    assert "V0010001" in dialog.message.text()
    dialog.close()
    with branch_profile.sessions() as s:
        items = dict(s.execute(select(Item.barcode, Item.status)).all())
        shelves = dict(s.execute(select(Item.barcode, Item.shelf_location)).all())
        kinds = [o.kind for o in s.scalars(select(OutboxOp).order_by(OutboxOp.device_seq))]
    assert items == {"V0010001": "lost", "V0010002": "available"}
    assert shelves["V0010002"] == "B1"
    assert kinds[-3:] == ["bib_upsert", "item_upsert", "item_status"]


def test_double_click_opens_the_record(qtbot, branch_profile: Profile) -> None:  # type: ignore[no-untyped-def]
    catalogue(branch_profile, "红楼梦", "I242.47", ["V0010001"])
    page = open_page(qtbot, branch_profile)
    page.run_search("hlm")
    rect = page.results.visualRect(page.results.model().index(0, 1))
    viewport = page.results.viewport()
    # A real double-click is press, release, then the double-click event (QTest sends only
    # the last, which item views ignore without the press before it).
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: page.record_dialog is not None and page.record_dialog.isVisible())


def test_shelves_dialog_lists_in_use_shelves_adds_renames_retires(
    qtbot, branch_profile: Profile
) -> None:  # type: ignore[no-untyped-def]
    catalogue(branch_profile, "红楼梦", "I242.47", ["V0010001"])
    for n in (1, 2):
        put_on_shelf(branch_profile, "V0010001", f"书架{n}")
    page = open_page(qtbot, branch_profile)
    page.open_shelves()
    dialog = page.shelves_dialog
    assert dialog is not None
    codes = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
    assert "书架2" in codes  # copies stand on it, though nobody added it
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.code_edit.setFocus()
    type_in_focus(qtbot, "C1")
    assert focused() is dialog.name_edit
    type_in_focus(qtbot, "Farming")
    assert "C1" in dialog.message.text()
    assert dialog.rename_to("书架2", "文学")
    row = [s.code for s in dialog.shelves].index("A1")  # empty now: its copy moved to 书架2
    dialog.table.selectRow(row)
    dialog.retire()
    dialog.close()
    with branch_profile.sessions() as s:
        shelves = {v.code: v.name for v in catalog_shelves.list_shelves(s)}
    assert shelves == {"B1": "农业科技架", "C1": "Farming", "书架2": "文学"}
    # The form and the stocktake offer the shelves at once.
    assert page.form.shelf_combo.findData("书架2") >= 0
    assert page.stocktake.stock_shelf.findData("C1") >= 0


def test_class_picker_by_keyboard(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = ClassPickerDialog(None, "")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.search_box, "jiaqin")
    assert any(
        dialog.results.item(r).text().startswith("S83 ") for r in range(dialog.results.count())
    )
    dialog.search_box.setText("S831")
    qtbot.keyClick(dialog.search_box, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.search_box, Qt.Key.Key_Return)
    assert dialog.chosen is not None and dialog.chosen.code.startswith("S831.")
