"""Whole desk scenarios on a real SQLite profile, with the clock moved like a trainer would."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from app.models import Branch, CreditEntry, DeskUndo, Item, Loan, OutboxOp, Reader
from app.profile import Profile
from app.services import circulation, credit, readers
from app.services.circulation import Refused
from app.services.readers import ReaderInput
from shuwu_shared.domain import masking
from shuwu_shared.errors import NotFound, UserInputError
from tests.circulation.conftest import BRANCH, OTHER_BRANCH, later

ITEMS = ["C01000000", "C01000001", "C01000002"]


def register(profile: Profile, name: str = "张晓明", **kw) -> readers.ReaderView:
    data = ReaderInput(name=name, gender=kw.pop("gender", "M"), birth_year=1980, **kw)
    with profile.sessions() as s, s.begin():
        return readers.register_reader(s, profile.clock, data)


def ops(profile: Profile, kind: str) -> list[dict]:
    with profile.sessions() as s:
        rows = s.scalars(
            select(OutboxOp).where(OutboxOp.kind == kind).order_by(OutboxOp.device_seq)
        )
        return [dict(r.payload) for r in rows]


def ledger_reasons(profile: Profile, reader_uuid: str) -> list[tuple[str, int]]:
    with profile.sessions() as s:
        reader = s.scalar(select(Reader).where(Reader.uuid == reader_uuid))
        return [(e.reason, e.delta) for e in credit.ledger(s, reader.id)]


def test_offline_registration_lend_three_return_one_late_then_amnesty(branch: Profile) -> None:
    reader = register(branch, phone="13812341234")
    assert reader.card_provisional and reader.card.startswith(f"P{BRANCH}")
    [upsert] = ops(branch, "reader_upsert")
    assert upsert["card_provisional"] is True and upsert["card"] == reader.card

    with branch.sessions() as s, s.begin():
        results = [circulation.checkout(s, branch.clock, reader.card, b) for b in ITEMS]
    assert [r.loan.barcode for r in results] == ITEMS
    checkouts = ops(branch, "checkout")
    assert [c["loan_uuid"] for c in checkouts] == [r.loan.loan_uuid for r in results]
    assert all(c["reader_uuid"] == reader.uuid and c["branch"] == BRANCH for c in checkouts)

    # 30-day loans; returned on day 40 → 9 or 10 local days late (time of day), 1 point/day.
    late = later(branch, 40)
    with late.sessions() as s, s.begin():
        returned = circulation.return_item(s, late.clock, ITEMS[0])
    expected = credit.overdue_days(results[0].loan.due_at, late.clock.now())
    assert expected in (9, 10)
    assert returned.credit_delta == -expected
    assert ledger_reasons(branch, reader.uuid) == [("initial", 100), ("overdue", -expected)]
    [entry_op] = [o for o in ops(branch, "credit_entry") if o["reason"] == "overdue"]
    assert entry_op["loan_uuid"] == results[0].loan.loan_uuid and entry_op["delta"] == -expected

    with late.sessions() as s, s.begin():
        desk = circulation.desk_reader(s, late.clock, reader.card)
    assert desk.points == 100 - expected and len(desk.loans) == 2

    # The county declares an amnesty covering the return day: the deduction is refunded once.
    day = credit.local_date(late.clock.now())
    window = credit.AmnestyWindow(day - timedelta(days=3), day + timedelta(days=3), "疫情")
    with late.sessions() as s, s.begin():
        first = credit.add_amnesty(s, late.clock, window)
    with late.sessions() as s, s.begin():
        again = credit.apply_amnesty(s, late.clock, window)
    assert (first.refunded_entries, first.refunded_points) == (1, expected)
    assert again.refunded_entries == 0
    with branch.sessions() as s:
        r = s.scalar(select(Reader).where(Reader.uuid == reader.uuid))
        assert credit.balance(s, r.id) == 100
        # Consistency: every item on an open loan is on_loan, the returned one is available.
        statuses = {i.barcode: i.status for i in s.scalars(select(Item))}
        open_items = {
            s.get(Item, loan.item_id).barcode
            for loan in s.scalars(select(Loan).where(Loan.returned_at.is_(None)))
        }
    assert open_items == set(ITEMS[1:])
    assert statuses[ITEMS[0]] == "available"
    assert all(statuses[b] == "on_loan" for b in ITEMS[1:])

    # A second return inside the (now known) window deducts nothing and says so in the ledger.
    with late.sessions() as s, s.begin():
        free = circulation.return_item(s, late.clock, ITEMS[1])
    assert free.credit_delta == 0
    assert ledger_reasons(branch, reader.uuid)[-1] == ("amnesty", 0)


def test_deduction_is_capped_per_item_and_freeze_then_reset(branch: Profile) -> None:
    reader = register(branch)
    with branch.sessions() as s, s.begin():
        for b in ITEMS:
            circulation.checkout(s, branch.clock, reader.card, b)
    very_late = later(branch, 200)
    with very_late.sessions() as s, s.begin():
        deltas = [circulation.return_item(s, very_late.clock, b).credit_delta for b in ITEMS]
    # Cap 30 per item: 100 → 70 → 40 → 10.
    assert deltas == [-30, -30, -30]
    with very_late.sessions() as s, s.begin():
        summary = circulation.desk_reader(s, very_late.clock, reader.card)
    assert summary.points == 10 and summary.frozen_until is None
    # Below the threshold (60): refused, overridable.
    with very_late.sessions() as s, s.begin(), pytest.raises(Refused) as info:
        circulation.checkout(s, very_late.clock, reader.card, "C01000003")
    assert info.value.rule == "credit" and info.value.overridable
    assert "60" in info.value.message

    # An adjustment to the floor freezes borrowing for 20 days; then points reset to 70.
    with very_late.sessions() as s, s.begin():
        r = s.scalar(select(Reader).where(Reader.uuid == reader.uuid))
        entry = credit.adjust(s, very_late.clock, r, -500, "损坏图书")
    assert entry.delta == -10  # clamped at the floor
    with very_late.sessions() as s, s.begin(), pytest.raises(Refused) as info:
        circulation.checkout(s, very_late.clock, reader.card, "C01000003")
    assert info.value.rule == "frozen"
    thawed = later(very_late, 21)
    with thawed.sessions() as s, s.begin():
        result = circulation.checkout(s, thawed.clock, reader.card, "C01000003")
    assert result.loan is not None
    reasons = [r for r, _d in ledger_reasons(branch, reader.uuid)]
    assert reasons[-2:] == ["freeze", "reset"]
    with branch.sessions() as s:
        r = s.scalar(select(Reader).where(Reader.uuid == reader.uuid))
        assert credit.balance(s, r.id) == 70


def test_restore_amnesty_brings_everyone_back_to_start(branch: Profile) -> None:
    reader = register(branch)
    with branch.sessions() as s, s.begin():
        circulation.checkout(s, branch.clock, reader.card, ITEMS[0])
    late = later(branch, 45)
    with late.sessions() as s, s.begin():
        circulation.return_item(s, late.clock, ITEMS[0])
    far = later(late, 100)  # window long after the return: only the restore part applies
    day = credit.local_date(far.clock.now())
    window = credit.AmnestyWindow(day, day + timedelta(days=30), "图书回家", restore=True)
    with far.sessions() as s, s.begin():
        result = credit.add_amnesty(s, far.clock, window)
        again = credit.apply_amnesty(s, far.clock, window)
    assert (result.refunded_entries, result.restored_readers) == (0, 1)
    assert again.restored_readers == 0
    assert ledger_reasons(branch, reader.uuid)[-1][0] == "amnesty_restore"
    with branch.sessions() as s:
        assert credit.balance(s, s.scalar(select(Reader.id))) == 100


def test_borrow_anywhere_return_of_another_branchs_item(branch: Profile) -> None:
    reader = register(branch)
    with branch.sessions() as s, s.begin():
        circulation.checkout(s, branch.clock, reader.card, "C02000001")
    with branch.sessions() as s, s.begin():
        result = circulation.return_item(s, branch.clock, "C02000001")
    assert result.in_transit_to == OTHER_BRANCH
    with branch.sessions() as s:
        item = s.scalar(select(Item).where(Item.barcode == "C02000001"))
        assert (item.status, item.current_branch_code) == ("in_transit", BRANCH)
    assert ops(branch, "return")[-1]["in_transit_to"] == OTHER_BRANCH


def test_return_with_unknown_loan_is_recorded_for_the_server(branch: Profile) -> None:
    # Lent at another branch (the loan is not in this database): still accepted here.
    with branch.sessions() as s, s.begin():
        item = s.scalar(select(Item).where(Item.barcode == "C02000001"))
        item.status = "on_loan"
    with branch.sessions() as s, s.begin():
        result = circulation.return_item(s, branch.clock, "C02000001")
    assert result.loan is None
    op = ops(branch, "return")[-1]
    assert op["loan_uuid"] is None and op["barcode"] == "C02000001"
    assert op["in_transit_to"] == OTHER_BRANCH


def test_undo_checkout_is_a_compensating_op(branch: Profile) -> None:
    reader = register(branch)
    with branch.sessions() as s, s.begin():
        lent = circulation.checkout(s, branch.clock, reader.card, ITEMS[0])
    with branch.sessions() as s, s.begin():
        undone = circulation.undo(s, branch.clock, lent.op_id, "扫错了")
    assert undone.kind == "undo"
    [undo_op] = ops(branch, "undo")
    assert undo_op == {"undone_op_id": lent.op_id, "kind": "checkout", "reason": "扫错了"}
    with branch.sessions() as s:
        loan = s.scalar(select(Loan).where(Loan.uuid == lent.loan.loan_uuid))
        assert loan is not None and loan.returned_at is not None  # kept, closed, marked void
        assert s.scalar(select(DeskUndo.loan_uuid)) == loan.uuid
        assert s.scalar(select(Item.status).where(Item.barcode == ITEMS[0])) == "available"
    assert len(ops(branch, "checkout")) == 1  # the original op is never deleted
    with branch.sessions() as s, s.begin(), pytest.raises(UserInputError):
        circulation.undo(s, branch.clock, lent.op_id, "again")


def test_undo_late_return_gives_the_points_back_and_reopens_the_loan(branch: Profile) -> None:
    reader = register(branch)
    with branch.sessions() as s, s.begin():
        circulation.checkout(s, branch.clock, reader.card, ITEMS[0])
    late = later(branch, 35)
    with late.sessions() as s, s.begin():
        returned = circulation.return_item(s, late.clock, ITEMS[0])
    assert returned.credit_delta < 0
    with late.sessions() as s, s.begin():
        circulation.undo(s, late.clock, returned.op_id, "读者还要继续看")
    with branch.sessions() as s:
        assert credit.balance(s, s.scalar(select(Reader.id))) == 100
        assert s.scalar(select(func.count()).where(Loan.returned_at.is_(None))) == 1


def test_renew_limits_and_override(branch: Profile) -> None:
    reader = register(branch)
    with branch.sessions() as s, s.begin():
        lent = circulation.checkout(s, branch.clock, reader.card, ITEMS[0])
        first = circulation.renew(s, branch.clock, ITEMS[0])
    assert first.loan.renewals == 1
    assert first.loan.due_at - lent.loan.due_at == timedelta(days=30)
    with branch.sessions() as s, s.begin(), pytest.raises(Refused) as info:
        circulation.renew(s, branch.clock, ITEMS[0])
    assert info.value.rule == "renew_limit"
    with branch.sessions() as s, s.begin():
        second = circulation.renew(s, branch.clock, ITEMS[0], override_reason="外出打工")
    assert second.loan.renewals == 2 and second.overrides == ("renew_limit",)
    assert ops(branch, "override")[-1]["rule"] == "renew_limit"


def test_limit_override_is_logged_and_sent(branch: Profile) -> None:
    reader = register(branch)
    with branch.sessions() as s, s.begin():
        for b in ITEMS:
            circulation.checkout(s, branch.clock, reader.card, b)
    with branch.sessions() as s, s.begin(), pytest.raises(Refused) as info:
        circulation.checkout(s, branch.clock, reader.card, "C01000003")
    assert info.value.rule == "limit"
    with branch.sessions() as s, s.begin():
        result = circulation.checkout(
            s, branch.clock, reader.card, "C01000003", override_reason="学校暑假作业"
        )
    assert result.overrides == ("limit",)
    [override] = ops(branch, "override")
    assert override["rule"] == "limit" and override["reason"] == "学校暑假作业"
    assert ops(branch, "checkout")[-1]["override_reason"] == "学校暑假作业"
    from app.models import AuditLog

    with branch.sessions() as s:
        audit = s.scalar(select(AuditLog).where(AuditLog.action == "override"))
        assert audit is not None and "张" not in str(audit.detail)


def test_blocked_reader_refused(branch: Profile) -> None:
    reader = register(branch)
    with branch.sessions() as s, s.begin():
        readers.update_reader(
            s,
            branch.clock,
            reader.uuid,
            ReaderInput(name="张晓明", gender="M", birth_year=1980, status="blocked"),
        )
    with branch.sessions() as s, s.begin(), pytest.raises(Refused) as info:
        circulation.checkout(s, branch.clock, reader.card, ITEMS[0])
    assert info.value.rule == "blocked"
    assert "停用" in info.value.message or "blocked" in info.value.message


@pytest.mark.parametrize(
    ("card", "barcode", "code"),
    [
        ("NOPE", "C01000000", "card_unknown"),
        (None, "C99999999", "barcode_unknown"),
        (None, "9787020002207", "isbn_not_barcode"),
        (None, "  ", "barcode_required"),
        ("C01000000", "C01000001", "item_not_card"),
        (None, "CARD", "card_not_item"),
    ],
)
def test_bad_input_clear_message_nothing_saved(branch: Profile, card, barcode, code) -> None:
    reader = register(branch)
    with branch.sessions() as s:
        before = s.scalar(select(func.count()).select_from(OutboxOp))
    card = reader.card if card is None else card
    barcode = reader.card if barcode == "CARD" else barcode
    with branch.sessions() as s, s.begin(), pytest.raises(UserInputError) as info:
        circulation.checkout(s, branch.clock, card, barcode)
    assert info.value.code == code
    assert any("\u4e00" <= ch <= "\u9fff" for ch in info.value.message)  # in Chinese
    with branch.sessions() as s:
        assert s.scalar(select(func.count()).select_from(OutboxOp)) == before
        assert s.scalar(select(func.count()).select_from(Loan)) == 0


def test_item_already_on_loan_here(branch: Profile) -> None:
    a = register(branch)
    b = register(branch, name="李四", gender="F")
    with branch.sessions() as s, s.begin():
        circulation.checkout(s, branch.clock, a.card, ITEMS[0])
    # The same reader: its own rule, so the desk can offer a renewal instead.
    for card, rule in ((a.card, "already_lent_to_reader"), (b.card, "on_loan_here")):
        with branch.sessions() as s, s.begin(), pytest.raises(Refused) as info:
            circulation.checkout(s, branch.clock, card, ITEMS[0], override_reason="试试")
        assert info.value.rule == rule and not info.value.overridable
    with branch.sessions() as s:
        assert s.scalar(select(func.count()).select_from(Loan)) == 1


def test_return_of_a_book_on_the_shelf_here_changes_nothing(branch: Profile) -> None:
    # No op at all: the county must never file a return that came before any loan.
    before = len(ops(branch, "return"))
    with branch.sessions() as s, s.begin():
        result = circulation.return_item(s, branch.clock, ITEMS[1])
    assert result.kind == "not_on_loan" and result.op_id == "" and result.loan is None
    assert "在架" in result.message or "不在借" in result.message
    assert len(ops(branch, "return")) == before
    with branch.sessions() as s:
        assert s.scalar(select(Item.status).where(Item.barcode == ITEMS[1])) == "available"


def test_put_aside_message_names_the_branch(branch: Profile) -> None:
    with branch.sessions() as s, s.begin():
        s.add(Branch(code=OTHER_BRANCH, name="城关镇大河村农家书屋", kind="village"))
    reader = register(branch)
    with branch.sessions() as s, s.begin():
        circulation.checkout(s, branch.clock, reader.card, "C02000001")
    with branch.sessions() as s, s.begin():
        result = circulation.return_item(s, branch.clock, "C02000001")
    assert "城关镇大河村农家书屋" in result.message and OTHER_BRANCH not in result.message
    assert result.in_transit_to == OTHER_BRANCH  # the op and JSON keep the code


def test_unknown_return_and_renew_barcodes(branch: Profile) -> None:
    with branch.sessions() as s, s.begin(), pytest.raises(NotFound):
        circulation.return_item(s, branch.clock, "C77777777")
    with branch.sessions() as s, s.begin(), pytest.raises(UserInputError) as info:
        circulation.renew(s, branch.clock, "9787020002207")
    assert info.value.code == "isbn_not_barcode"


def test_register_validation(branch: Profile) -> None:
    with branch.sessions() as s, s.begin(), pytest.raises(UserInputError) as info:
        readers.register_reader(
            s, branch.clock, ReaderInput(name="王五", gender="X", birth_year=1990)
        )
    assert info.value.code == "gender"
    with branch.sessions() as s, s.begin(), pytest.raises(UserInputError) as info:
        readers.register_reader(s, branch.clock, ReaderInput(name="王五", birth_year=3000))
    assert info.value.code == "birth_year"
    with branch.sessions() as s, s.begin(), pytest.raises(UserInputError) as info:
        readers.register_reader(s, branch.clock, ReaderInput(name="王五"))
    assert info.value.code == "age_required"
    with branch.sessions() as s, s.begin(), pytest.raises(UserInputError) as info:
        readers.register_reader(
            s, branch.clock, ReaderInput(name="王五", birth_year=1990, reader_type="vip")
        )
    assert info.value.code == "reader_type"
    with branch.sessions() as s:
        assert s.scalar(select(func.count()).select_from(Reader)) == 0
        assert s.scalar(select(func.count()).select_from(CreditEntry)) == 0


def test_find_by_card_name_pinyin_phone_and_masking(branch: Profile) -> None:
    zhang = register(branch, phone="13812341234")
    register(branch, name="曾小单", gender="F", age_band=None, phone="021-5555")
    with branch.sessions() as s:
        assert [r.uuid for r in readers.find_readers(s, zhang.card)] == [zhang.uuid]
        assert [r.card for r in readers.find_readers(s, "晓明")] == [zhang.card]
        assert [r.card for r in readers.find_readers(s, "zxm")] == [zhang.card]
        assert [r.card for r in readers.find_readers(s, "zhangxiaoming")] == [zhang.card]
        assert [r.card for r in readers.find_readers(s, "1234")] == [zhang.card]
        assert len(readers.find_readers(s, "zengxiao")) == 1  # heteronym 曾 = zeng/ceng
        assert len(readers.find_readers(s, "cxd")) == 1
    assert masking.mask_name("张晓明") == "张*明"
    assert masking.mask_name("张三") == "张*"
    assert masking.mask_name("欧阳晓明") == "欧**明"
    assert masking.mask_phone("13812341234") == "138****1234"
    assert masking.mask_phone("021-5555") == "***5555"


def test_provisional_cards_are_unique(branch: Profile) -> None:
    # Their confirmation comes back from the county's feed: tests/circulation/test_sync_e2e.py.
    first, second = register(branch), register(branch, name="李四")
    assert first.card != second.card
    assert first.card_provisional and second.card_provisional
    third = register(branch, name="王五")
    assert third.card not in (first.card, second.card)


def test_undo_renewal_restores_the_due_day(branch: Profile) -> None:
    reader = register(branch)
    with branch.sessions() as s, s.begin():
        lent = circulation.checkout(s, branch.clock, reader.card, ITEMS[0])
        renewed = circulation.renew(s, branch.clock, ITEMS[0])
    with branch.sessions() as s, s.begin():
        circulation.undo(s, branch.clock, renewed.op_id, "按错了")
    with branch.sessions() as s:
        loan = s.scalar(select(Loan).where(Loan.uuid == lent.loan.loan_uuid))
        assert (loan.due_at, loan.renewals) == (lent.loan.due_at, 0)
    assert ops(branch, "undo")[-1]["kind"] == "renew"
