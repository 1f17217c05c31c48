"""Feed rows a PC cannot apply yet are kept, retried and shown, never skipped for good; a loan
of a branch's own copy made elsewhere reaches that branch's PC (with a masked borrower)."""

from __future__ import annotations

from sqlalchemy import select

from app.models import Item, Loan, Reader
from app.services import circulation
from app.sync.apply import apply_page, waiting_changes, waiting_count
from app.sync.engine import sync_once
from app.sync.overview import sync_overview, waiting_text

from .conftest import village_codes
from .helpers import FAST, branch_of, register
from .test_apply import LOAN, READER, page


def test_a_loan_whose_reader_comes_later_waits_and_then_applies(profile):
    rows = page()
    reader = next(c for c in rows if c["entity"] == "reader")
    first = [c for c in rows if c["entity"] not in ("reader", "credit_entry")]
    with profile.sessions() as s, s.begin():
        stats = apply_page(s, first, set())
    assert stats.skipped_bad == 1 and stats.waiting == 1  # the loan: its reader is unknown
    with profile.sessions() as s:
        assert s.scalar(select(Loan.id).where(Loan.uuid == LOAN)) is None
        waiting = waiting_changes(s)
        assert [(w.entity, w.uuid, w.reason, w.tries) for w in waiting] == [
            ("loan", LOAN, "unknown_reference", 1)
        ]
        shown = sync_overview(s, profile.home)
        assert shown.waiting_changes == 1 and "1" in waiting_text(shown.waiting_changes)
    # A page without it: tried again, still waiting (and counted, not lost).
    with profile.sessions() as s, s.begin():
        stats = apply_page(s, [], set())
    assert stats.waiting == 1 and stats.skipped_bad == 0
    with profile.sessions() as s:
        assert waiting_changes(s)[0].tries == 2
    # The reader arrives in a later page: the kept loan applies with it.
    with profile.sessions() as s, s.begin():
        stats = apply_page(s, [{**reader, "seq": 500}], set())
    assert stats.waiting == 0
    with profile.sessions() as s:
        loan = s.scalar(select(Loan).where(Loan.uuid == LOAN))
        assert loan is not None
        assert loan.reader_id == s.scalar(select(Reader.id).where(Reader.uuid == READER))
        assert waiting_count(s) == 0 and waiting_text(0) == ""


def test_a_newer_change_replaces_a_kept_one(profile):
    rows = page()
    loan = next(c for c in rows if c["entity"] == "loan")
    with profile.sessions() as s, s.begin():
        apply_page(s, [c for c in rows if c["entity"] not in ("reader", "credit_entry")], set())
    deleted = {"seq": 900, "entity": "loan", "uuid": loan["uuid"], "op": "delete", "data": {}}
    with profile.sessions() as s, s.begin():
        stats = apply_page(s, [deleted], set())
    assert stats.waiting == 0
    with profile.sessions() as s:
        assert waiting_count(s) == 0


def test_an_unknown_entity_is_kept_not_dropped(profile):
    change = {"seq": 7, "entity": "future_thing", "uuid": "u-1", "op": "upsert", "data": {}}
    with profile.sessions() as s, s.begin():
        stats = apply_page(s, [change], set())
    assert stats.waiting == 1
    with profile.sessions() as s:
        assert waiting_changes(s)[0].reason == "unknown_entity"


def test_a_loan_of_our_copy_made_elsewhere_reaches_us(county, make_device):
    villages = village_codes(county)
    owner = make_device(villages[0], name="owner")
    other = make_device(villages[1], name="other")
    sync_once(owner, config=FAST)
    sync_once(other, config=FAST)
    with owner.sessions() as s:
        barcode, item_uuid = s.execute(
            select(Item.barcode, Item.uuid)
            .where(Item.home_branch_code == branch_of(owner), Item.status == "available")
            .limit(1)
        ).one()
    card = register(other, 1)[0]
    # The owner's copy came back at the other branch and is lent there to its own reader.
    with other.sessions() as s, s.begin():
        view = circulation.checkout(s, other.clock, card, barcode)
        loan_uuid = s.scalar(select(Loan.uuid).order_by(Loan.id.desc()).limit(1))
    assert view is not None and loan_uuid
    assert sync_once(other, config=FAST).rejected == 0
    sync_once(owner, config=FAST)
    with owner.sessions() as s:
        loan = s.scalar(select(Loan).where(Loan.uuid == loan_uuid))
        assert loan is not None, "the owner's PC never got the loan of its own copy"
        borrower = s.get(Reader, loan.reader_id)
        assert borrower is not None and borrower.card == card
        assert borrower.phone is None and set(borrower.name[1:]) == {"*"}  # masked
        assert s.scalar(select(Item.status).where(Item.uuid == item_uuid)) == "on_loan"
        assert waiting_count(s) == 0


def test_the_sync_screen_tells_staff_about_waiting_changes(profile, qtbot, tmp_path):
    from app.ui.app import build_main_window

    rows = page()
    with profile.sessions() as s, s.begin():
        apply_page(s, [c for c in rows if c["entity"] not in ("reader", "credit_entry")], set())
    window = build_main_window(profile)
    qtbot.addWidget(window)
    window.resize(1024, 768)
    screen = window.show_section("sync")
    screen.refresh()
    assert not screen.waiting_label.isHidden()
    assert screen.waiting_label.text() == waiting_text(1)
    window.grab().save(str(tmp_path / "sync-waiting.png"))
