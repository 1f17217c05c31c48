"""Issue 16 desk changes, driven as a scanner types: keyClicks + Enter, F5, Ctrl+Z."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import func, select

from app.models import Branch, Loan, OutboxOp
from app.profile import Profile
from tests.circulation.conftest import OTHER_BRANCH, later
from tests.circulation.test_desk_ui import make_reader, open_desk, open_loans, scan


def op_count(profile: Profile, kind: str) -> int:
    with profile.sessions() as s:
        return s.scalar(select(func.count()).where(OutboxOp.kind == kind))


def test_return_of_a_book_on_the_shelf_is_amber_and_sends_nothing(qtbot, branch: Profile) -> None:
    page = open_desk(qtbot, branch)
    page.show_tab(1)
    scan(qtbot, page.return_tab.item_input, "C01000002")
    assert page.banner.state == "warn" and "不在借" in page.banner.text()
    assert op_count(branch, "return") == 0
    assert not page.undo_button.isEnabled()
    assert page.return_tab.returned.rowCount() == 1


def test_rescanning_a_lent_book_offers_renewal_and_f5_renews_it(qtbot, branch: Profile) -> None:
    card = make_reader(branch)
    page = open_desk(qtbot, branch)
    tab = page.checkout_tab
    scan(qtbot, tab.card_input, card)
    scan(qtbot, tab.item_input, "C01000000")
    scan(qtbot, tab.item_input, "C01000001")
    scan(qtbot, tab.item_input, "C01000000")  # the reader brings it back to keep it
    assert page.banner.state == "warn" and "F5" in page.banner.text()
    assert tab.selected_barcode() == "C01000000"
    qtbot.keyClick(tab.item_input, Qt.Key.Key_F5)
    assert page.banner.state == "ok" and "续借" in page.banner.text()
    with branch.sessions() as s:
        assert s.scalar(select(func.sum(Loan.renewals))) == 1
    assert open_loans(branch) == 2


def test_f5_needs_a_selection_and_the_list_keeps_its_order(qtbot, branch: Profile) -> None:
    card = make_reader(branch)
    page = open_desk(qtbot, branch)
    tab = page.checkout_tab
    scan(qtbot, tab.card_input, card)
    for barcode in ("C01000000", "C01000001", "C01000002"):
        scan(qtbot, tab.item_input, barcode)
    order = [tab.loans.item(r, 0).text() for r in range(tab.loans.rowCount())]
    tab.loans.clearSelection()
    qtbot.keyClick(tab.item_input, Qt.Key.Key_F5)
    assert page.banner.state == "warn" and "选中" in page.banner.text()
    with branch.sessions() as s:
        assert s.scalar(select(func.sum(Loan.renewals))) == 0
    tab.loans.selectRow(0)  # the first loan: after renewal it is due last, yet stays first
    qtbot.keyClick(tab.loans, Qt.Key.Key_F5)
    assert page.banner.state == "ok"
    assert [tab.loans.item(r, 0).text() for r in range(tab.loans.rowCount())] == order
    assert tab.selected_barcode() == order[0]


def test_undo_names_the_scan_and_never_skips_past_a_refusal(qtbot, branch: Profile) -> None:
    card = make_reader(branch)
    prompts: list[str] = []
    page = open_desk(qtbot, branch)

    def answer(title: str, prompt: str, _default: str) -> str:
        prompts.append(prompt)
        return "扫错了"

    page.ask_reason = answer
    tab = page.checkout_tab
    scan(qtbot, tab.card_input, card)
    scan(qtbot, tab.item_input, "C01000000")
    scan(qtbot, tab.item_input, "C01000001")
    assert "红岩" in page.undo_button.text()
    tab.loans.selectRow(tab.row_of("C01000000"))
    qtbot.keyClick(tab.loans, Qt.Key.Key_F5)
    assert "续借《平凡的世界》" in page.undo_button.text()
    tab.item_input.setFocus()
    scan(qtbot, tab.item_input, "C99999999")  # refused: unknown barcode
    assert page.banner.state == "error"
    assert not page.undo_button.isEnabled()
    qtbot.keyClick(tab.item_input, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert prompts == [] and op_count(branch, "undo") == 0  # the renewal is kept
    assert page.banner.state == "warn"
    tab.item_input.clear()
    scan(qtbot, tab.item_input, "C01000002")
    qtbot.keyClick(tab.item_input, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(prompts) == 1 and "乡村振兴实用技术" in prompts[0]
    assert "乡村振兴实用技术" in page.banner.text() and op_count(branch, "undo") == 1
    assert open_loans(branch) == 2


def test_reader_with_overdue_books_is_warned_in_amber(qtbot, branch: Profile) -> None:
    card = make_reader(branch)
    page = open_desk(qtbot, branch)
    scan(qtbot, page.checkout_tab.card_input, card)
    scan(qtbot, page.checkout_tab.item_input, "C01000001")
    page.window().close()
    late = later(branch, 48)  # due after 30 days: 18 days overdue
    page = open_desk(qtbot, late)
    tab = page.checkout_tab
    scan(qtbot, tab.card_input, card)
    assert page.banner.state == "warn"
    assert "红岩" in page.banner.text() and "18" in page.banner.text()
    assert tab.loans.item(0, 3).text() == "18"
    assert tab.loans.item(0, 1).foreground().color().name() == "#c92a2a"
    scan(qtbot, tab.item_input, "C01000003")  # still lent (credit allows it), still amber
    assert page.banner.state == "warn" and "小王子" in page.banner.text()


def test_put_aside_banner_names_the_branch_not_its_code(qtbot, branch: Profile) -> None:
    with branch.sessions() as s, s.begin():
        s.add(Branch(code=OTHER_BRANCH, name="城关镇大河村农家书屋", kind="village"))
    card = make_reader(branch)
    page = open_desk(qtbot, branch)
    scan(qtbot, page.checkout_tab.card_input, card)
    scan(qtbot, page.checkout_tab.item_input, "C02000001")
    page.show_tab(1)
    scan(qtbot, page.return_tab.item_input, "C02000001")
    assert page.banner.state == "warn"
    assert "城关镇大河村农家书屋" in page.banner.text() and OTHER_BRANCH not in page.banner.text()
