"""The desk by keyboard, as a scanner drives it: keyClicks + Enter."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import func, select

from app.models import Loan, OutboxOp
from app.profile import Profile
from app.services import readers
from app.services.readers import ReaderInput
from app.ui.app import build_main_window
from app.ui.sections.circulation import CirculationPage
from app.ui.sections.readers import ReadersPage
from tests.circulation.conftest import later


def scan(qtbot, field, text: str) -> None:
    field.setFocus()
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def make_reader(profile: Profile) -> str:
    with profile.sessions() as s, s.begin():
        return readers.register_reader(
            s, profile.clock, ReaderInput(name="张晓明", gender="M", birth_year=1980)
        ).card


def open_desk(qtbot, profile: Profile, reasons: list[str] | None = None) -> CirculationPage:
    window = build_main_window(profile)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    page = window.show_section("circulation")
    assert isinstance(page, CirculationPage)
    answers = list(reasons or [])
    page.ask_reason = lambda _title, _prompt, _default: answers.pop(0) if answers else None
    return page


def open_loans(profile: Profile) -> int:
    with profile.sessions() as s:
        return s.scalar(select(func.count()).where(Loan.returned_at.is_(None)))


def test_scan_card_then_books_lends_each_at_once(qtbot, branch: Profile) -> None:
    card = make_reader(branch)
    page = open_desk(qtbot, branch)
    tab = page.checkout_tab
    scan(qtbot, tab.card_input, card)
    assert tab.reader is not None and "张*明" in tab.reader_label.text()
    assert tab.item_input.hasFocus()
    scan(qtbot, tab.item_input, "C01000000")
    assert page.banner.state == "ok" and "平凡的世界" in page.banner.text()
    assert open_loans(branch) == 1
    scan(qtbot, tab.item_input, "C01000001")
    assert tab.loans.rowCount() == 2 and tab.item_input.text() == ""


def test_refusals_are_red_and_nothing_is_saved(qtbot, branch: Profile) -> None:
    card = make_reader(branch)
    page = open_desk(qtbot, branch)
    tab = page.checkout_tab
    scan(qtbot, tab.card_input, "NOSUCHCARD")
    assert page.banner.state == "error" and "NOSUCHCARD" in page.banner.text()
    tab.card_input.clear()
    scan(qtbot, tab.card_input, card)
    scan(qtbot, tab.item_input, "9787020002207")
    assert page.banner.state == "error" and "ISBN" in page.banner.text()
    assert not page.override_button.isEnabled()
    with branch.sessions() as s:
        assert s.scalar(select(func.count()).where(OutboxOp.kind == "checkout")) == 0


def test_limit_override_by_f8_with_reason(qtbot, branch: Profile) -> None:
    card = make_reader(branch)
    page = open_desk(qtbot, branch, reasons=["学校暑假作业"])
    tab = page.checkout_tab
    scan(qtbot, tab.card_input, card)
    for barcode in ("C01000000", "C01000001", "C01000002", "C01000003"):
        tab.item_input.clear()
        scan(qtbot, tab.item_input, barcode)
    assert page.banner.state == "error" and "上限" in page.banner.text()
    assert page.override_button.isEnabled()
    qtbot.keyClick(tab.item_input, Qt.Key.Key_F8)
    assert page.banner.state == "ok"
    assert open_loans(branch) == 4
    with branch.sessions() as s:
        assert s.scalar(select(func.count()).where(OutboxOp.kind == "override")) == 1


def test_ctrl_z_undoes_the_last_scan(qtbot, branch: Profile) -> None:
    card = make_reader(branch)
    page = open_desk(qtbot, branch, reasons=["扫错了"])
    tab = page.checkout_tab
    scan(qtbot, tab.card_input, card)
    scan(qtbot, tab.item_input, "C01000000")
    assert open_loans(branch) == 1
    qtbot.keyClick(tab.item_input, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert open_loans(branch) == 0
    assert tab.loans.rowCount() == 0
    with branch.sessions() as s:
        assert s.scalar(select(func.count()).where(OutboxOp.kind == "undo")) == 1


def test_return_tab_marks_other_branch_item_in_transit(qtbot, branch: Profile) -> None:
    card = make_reader(branch)
    page = open_desk(qtbot, branch)
    scan(qtbot, page.checkout_tab.card_input, card)
    scan(qtbot, page.checkout_tab.item_input, "C02000001")
    qtbot.keyClick(page.checkout_tab.item_input, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert page.tabs.currentIndex() == 1 and page.return_tab.item_input.hasFocus()
    scan(qtbot, page.return_tab.item_input, "C02000001")
    assert page.banner.state == "warn" and "LC02" in page.banner.text()
    assert page.return_tab.returned.rowCount() == 1
    assert open_loans(branch) == 0


def test_overdues_tab_masks_and_reveals_on_request(qtbot, branch: Profile) -> None:
    with branch.sessions() as s, s.begin():
        card = readers.register_reader(
            s,
            branch.clock,
            ReaderInput(
                name="李小红", gender="F", birth_year=2010, phone="13912345678", reader_type="child"
            ),
        ).card
    page = open_desk(qtbot, branch)
    scan(qtbot, page.checkout_tab.card_input, card)
    scan(qtbot, page.checkout_tab.item_input, "C01000000")
    page.ctx.profile = later(branch, 20)  # the desk, 20 days later
    page.show_tab(2)
    table = page.overdues_tab.table
    assert table.rowCount() == 1
    assert table.item(0, 3).text() == "李*红" and table.item(0, 5).text() == "139****5678"
    table.selectRow(0)
    page.overdues_tab.reveal_button.click()
    assert table.item(0, 5).text() == "13912345678"


def test_readers_register_by_keyboard_and_masked_list(qtbot, branch: Profile) -> None:
    window = build_main_window(branch)
    qtbot.addWidget(window)
    window.show()
    page = window.show_section("readers")
    assert isinstance(page, ReadersPage)
    form = page.open_form(None)
    form.show()  # non-modal here, so the test can type into it
    qtbot.waitExposed(form)
    form.name.setText("王小红")  # typed through the IME; QTest cannot type CJK characters
    form.gender.setCurrentIndex(form.gender.findData("F"))
    form.birth_year.setValue(2012)
    qtbot.keyClicks(form.phone, "13912345678")
    form.save()
    assert form.saved is not None and form.saved.card_provisional
    page.after_save(form.saved)
    assert page.table.rowCount() == 1
    texts = [page.table.item(0, c).text() for c in range(6)]
    assert "王*红" in texts and "139****5678" in texts and "王小红" not in texts
    page.search.clear()
    qtbot.keyClicks(page.search, "wxh")
    assert page.table.rowCount() == 1


def test_readers_form_changes_the_reader_it_was_opened_on(qtbot, branch: Profile) -> None:
    with branch.sessions() as s, s.begin():
        view = readers.register_reader(
            s, branch.clock, ReaderInput(name="赵六", gender="M", birth_year=1975)
        )
    window = build_main_window(branch)
    qtbot.addWidget(window)
    window.show()
    page = window.show_section("readers")
    assert isinstance(page, ReadersPage)
    form = page.open_form(view)
    form.show()
    qtbot.waitExposed(form)
    qtbot.keyClicks(form.phone, "13700002222")
    form.save()
    assert form.saved is not None
    assert (form.saved.uuid, form.saved.card) == (view.uuid, view.card)
    with branch.sessions() as s:
        assert readers.find_readers(s) == [form.saved]  # changed, not a second reader
        assert readers.get_reader(s, view.uuid).phone == "13700002222"
        kinds = s.scalars(select(OutboxOp.kind).order_by(OutboxOp.device_seq)).all()
    assert [k for k in kinds if k == "reader_upsert"] == ["reader_upsert", "reader_upsert"]


def test_a_county_copy_known_only_by_barcode_is_taken_back_but_not_lent(
    qtbot, branch: Profile
) -> None:
    """While a new PC's catalogue arrives, another branch's copy is in ``county_copy`` only:
    the desk takes it back (in transit home) and explains why it cannot lend it yet."""
    from pathlib import Path

    from app.models import CountyCopy

    with branch.sessions() as s, s.begin():
        s.add_all(
            [
                CountyCopy(barcode="C02000077", status="on_loan", home_branch_code="LC02",
                           current_branch_code="LC02"),
                CountyCopy(barcode="C02000078", status="available", home_branch_code="LC02",
                           current_branch_code="LC02"),
            ]
        )  # fmt: skip
    card = make_reader(branch)
    page = open_desk(qtbot, branch)
    page.window().resize(1024, 768)
    shots = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
    scan(qtbot, page.checkout_tab.card_input, card)
    scan(qtbot, page.checkout_tab.item_input, "C02000078")
    assert page.banner.state == "error" and "C02000078" in page.banner.text()
    assert "县馆" in page.banner.text()
    assert open_loans(branch) == 0
    qtbot.wait(50)  # the layout settles as it would on screen
    page.window().grab().save(str(shots / "desk-county-copy-refused-1024x768.png"))
    qtbot.keyClick(page.checkout_tab.item_input, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    scan(qtbot, page.return_tab.item_input, "C02000077")
    assert page.banner.state == "warn" and "C02000077" in page.banner.text()
    assert page.return_tab.returned.rowCount() == 1
    qtbot.wait(50)
    page.window().grab().save(str(shots / "desk-county-copy-returned-1024x768.png"))
    with branch.sessions() as s:
        copy = s.get(CountyCopy, "C02000077")
        assert copy is not None and (copy.status, copy.touched) == ("in_transit", True)
        op = s.scalars(select(OutboxOp).where(OutboxOp.kind == "return")).one()
        assert op.payload["barcode"] == "C02000077" and op.payload["item_uuid"] is None
