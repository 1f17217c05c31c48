"""The 调拨 tab driven like a scanner: send a batch to T01, refuse bad scans, receive."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import select

from app.models import Item, OutboxOp, Transfer
from app.profile import Profile
from app.services import settings
from tests.catalog.test_catalog_screen import open_page, scan
from tests.catalog.test_stocktake_transfers import seed


def statuses(profile: Profile) -> dict[str, tuple[str, str]]:
    with profile.sessions() as s:
        rows = s.execute(select(Item.barcode, Item.status, Item.current_branch_code)).all()
    return {code: (status, branch) for code, status, branch in rows}


def outbox_kinds(profile: Profile) -> list[str]:
    with profile.sessions() as s:
        return list(s.scalars(select(OutboxOp.kind).order_by(OutboxOp.device_seq)))


def answer_yes() -> None:
    box = QApplication.activeModalWidget()
    assert isinstance(box, QMessageBox)
    box.button(QMessageBox.StandardButton.Yes).click()


def answer_no() -> None:
    box = QApplication.activeModalWidget()
    assert isinstance(box, QMessageBox)
    box.button(QMessageBox.StandardButton.No).click()


def open_tab(qtbot, profile: Profile):  # type: ignore[no-untyped-def]
    page = open_page(qtbot, profile)
    page.tabs.setCurrentWidget(page.transfers_tab)
    return page, page.transfers_tab


def test_send_two_scanned_copies(qtbot, branch_profile: Profile, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    seed(branch_profile)
    page, tab = open_tab(qtbot, branch_profile)
    assert [tab.destination.itemData(i) for i in range(tab.destination.count())] == ["T01"]
    scan(qtbot, tab.send_scan, "V0010001")
    scan(qtbot, tab.send_scan, "V0010001")
    assert "扫了两次" in tab.message.text() or "已在" in tab.message.text()
    scan(qtbot, tab.send_scan, "V0010002")
    # Typing on the list goes to the tab's own scan field, not the catalogue's search box.
    tab.send_list.setFocus()
    qtbot.keyClicks(tab.send_list, "V0010003")
    assert page.scan_box.text() == "" and tab.send_scan.text() == "V0010003"
    qtbot.keyClick(tab.send_scan, Qt.Key.Key_Return)  # the scanner's Enter follows the focus
    assert tab.outgoing == ["V0010001", "V0010002", "V0010003"]
    # A wrongly scanned line is removed with the keyboard.
    tab.send_list.setCurrentRow(1)
    qtbot.keyClick(tab.remove_button, Qt.Key.Key_Space)
    assert tab.outgoing == ["V0010001", "V0010003"]
    assert statuses(branch_profile)["V0010001"] == ("available", "V001")
    page.grab().save(str(tmp_path / "transfers.png"))
    QTimer.singleShot(0, answer_yes)
    with qtbot.waitSignal(tab.sent, timeout=10000) as signal:
        qtbot.keyClick(tab.send_button, Qt.Key.Key_Space)
    assert signal.args[0].barcodes == ("V0010001", "V0010003")
    now = statuses(branch_profile)
    assert now["V0010001"][0] == now["V0010003"][0] == "in_transit"
    assert now["V0010002"][0] == "available"
    assert outbox_kinds(branch_profile)[-1] == "transfer_send"
    with branch_profile.sessions() as s:
        op = s.scalars(select(OutboxOp).where(OutboxOp.kind == "transfer_send")).one()
    assert op.payload["to_branch"] == "T01" and op.payload["barcodes"] == ["V0010001", "V0010003"]
    assert tab.history.rowCount() == 1 and tab.history.item(0, 3).text() == "已发出"
    assert tab.outgoing == [] and tab.send_list.count() == 0


def test_unknown_and_unsendable_barcodes_change_nothing(qtbot, branch_profile: Profile) -> None:  # type: ignore[no-untyped-def]
    seed(branch_profile)
    before_items, before_ops = statuses(branch_profile), outbox_kinds(branch_profile)
    page, tab = open_tab(qtbot, branch_profile)
    scan(qtbot, tab.send_scan, "X404404")
    assert "X404404" in tab.message.text() and tab.outgoing == []
    scan(qtbot, page.scan_box, "V0010004")  # on loan, scanned into the main scan box
    assert "V0010004" in tab.message.text() and tab.outgoing == []
    qtbot.keyClick(tab.send_button, Qt.Key.Key_Space)  # empty batch: a message, no dialog
    assert tab.message.text() == "请先扫描要发送的图书。"
    assert statuses(branch_profile) == before_items
    assert outbox_kinds(branch_profile) == before_ops
    with branch_profile.sessions() as s:
        assert s.scalars(select(Transfer)).all() == []


def test_receive_by_scanning(qtbot, branch_profile: Profile) -> None:  # type: ignore[no-untyped-def]
    seed(branch_profile)
    _page, tab = open_tab(qtbot, branch_profile)
    for code in ("V0010001", "V0010003"):
        scan(qtbot, tab.send_scan, code)
    tab.send_now()
    with branch_profile.sessions() as s, s.begin():
        # The same database now plays the township branch receiving the batch.
        settings.put(s, settings.BRANCH_CODE, "T01")
    tab.activate()
    with qtbot.waitSignal(tab.received, timeout=10000):
        scan(qtbot, tab.receive_scan, "V0010001")
    assert "V0010001" in tab.receive_list.item(0).text()
    assert statuses(branch_profile)["V0010001"] == ("available", "T01")
    # A copy no transfer announced: staff are asked (the sender may not have synced yet);
    # "No" changes nothing.
    ops = outbox_kinds(branch_profile)
    QTimer.singleShot(0, answer_no)
    scan(qtbot, tab.receive_scan, "V0010002")
    assert "不属于任何调拨" in tab.receive_list.item(0).text()
    assert statuses(branch_profile)["V0010002"] == ("available", "V001")
    assert outbox_kinds(branch_profile) == ops
    # A copy already here is never "received" again, and nobody is asked.
    scan(qtbot, tab.receive_scan, "V0010001")
    assert "不属于任何调拨" in tab.receive_list.item(0).text()
    assert outbox_kinds(branch_profile) == ops
    scan(qtbot, tab.receive_scan, "X404404")
    assert "X404404" in tab.message.text()
    with qtbot.waitSignal(tab.received, timeout=10000) as signal:
        scan(qtbot, tab.receive_scan, "V0010003")
    assert signal.args[0].status == "received"
    assert outbox_kinds(branch_profile)[-2:] == ["transfer_receive", "transfer_receive"]
    # "Yes": the unannounced copy is received here and the county reconciles it.
    QTimer.singleShot(0, answer_yes)
    with qtbot.waitSignal(tab.received, timeout=10000):
        scan(qtbot, tab.receive_scan, "V0010002")
    assert statuses(branch_profile)["V0010002"] == ("available", "T01")
    assert outbox_kinds(branch_profile)[-1] == "transfer_receive"
    assert tab.history.item(0, 3).text() == "已收到"
