"""A double loan made offline at two real PCs converges after sync, on both server backends.

Two branch PCs lend the same copy with no network (通借通还 offline). The county keeps both
loans: the one lent first closes as an implied return when the other was lent, and the pair
is a DOUBLE_CHECKOUT exception. The PC whose loan was closed receives, in one page, the close
of its own loan and the other branch's open loan; with one open loan per copy as the local
rule, the close has to be written first or the other loan waits for the next sync (the copy
then shows "on loan" with no open loan behind it). After every sync here no feed row is kept
waiting, each PC agrees with the county about which loan of the copy is open and where the
copy is, and the exception is listed on the county and on both PCs, before and after the
county resolves it.
"""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import create_engine, select, text

from app.models import Item, Loan, SyncException
from app.profile import Profile
from app.services import circulation
from app.sync.apply import waiting_changes
from app.sync.engine import sync_once

from .conftest import ServerProcess, village_codes
from .helpers import FAST, branch_of, register


def _county(county: ServerProcess, barcode: str) -> dict[str, Any]:
    engine = create_engine(county.db)
    try:
        with engine.connect() as conn:
            loans = dict(
                conn.execute(
                    text(
                        "SELECT l.uuid, l.returned_at IS NULL FROM loan l "
                        "JOIN item i ON i.id = l.item_id WHERE i.barcode = :b"
                    ),
                    {"b": barcode},
                ).all()
            )
            item = tuple(
                conn.execute(
                    text("SELECT status, current_branch_code FROM item WHERE barcode = :b"),
                    {"b": barcode},
                ).one()
            )
    finally:
        engine.dispose()
    return {"loans": {u: bool(o) for u, o in loans.items()}, "item": item}


def _desk(device: Profile, barcode: str) -> dict[str, Any]:
    with device.sessions() as s:
        loans = s.execute(
            select(Loan.uuid, Loan.returned_at.is_(None))
            .join(Item, Item.id == Loan.item_id)
            .where(Item.barcode == barcode)
        ).all()
        item = tuple(
            s.execute(
                select(Item.status, Item.current_branch_code).where(Item.barcode == barcode)
            ).one()
        )
        waiting = waiting_changes(s)
        doubles = dict(
            s.execute(
                select(SyncException.uuid, SyncException.resolved_at.is_not(None)).where(
                    SyncException.kind == "DOUBLE_CHECKOUT"
                )
            ).all()
        )
    return {
        "loans": {u: bool(o) for u, o in loans},
        "item": item,
        "waiting": waiting,
        "doubles": doubles,
    }


def _sync_and_check(device: Profile, county: ServerProcess, barcode: str, own: str) -> dict:
    """Sync once; then nothing waits and the PC shows the county's state of the copy."""
    sync_once(device, config=FAST)
    desk, server = _desk(device, barcode), _county(county, barcode)
    assert desk["waiting"] == [], desk["waiting"]
    assert own in desk["loans"] and own in server["loans"]  # the PC's own loan is kept
    for uuid, is_open in desk["loans"].items():
        assert server["loans"][uuid] == is_open, (uuid, desk, server)
    assert sum(server["loans"].values()) == 1, server  # one loan of the copy stays open
    assert sum(desk["loans"].values()) <= 1, desk
    assert desk["item"] == server["item"], (desk, server)
    return desk


@pytest.mark.parametrize("first", ["a", "b"])
def test_an_offline_double_loan_converges_on_both_pcs_after_one_sync(county, make_device, first):
    villages = village_codes(county)
    a = make_device(villages[0], name="a")
    b = make_device(villages[1], name="b")
    sync_once(a, config=FAST)
    sync_once(b, config=FAST)
    with a.sessions() as s:
        barcode = s.scalar(
            select(Item.barcode)
            .where(Item.home_branch_code == branch_of(a), Item.status == "available")
            .order_by(Item.barcode)
        )
    assert barcode
    cards = {"a": register(a, 1)[0], "b": register(b, 1)[0]}
    devices = {"a": a, "b": b}
    own: dict[str, str] = {}
    for name in (first, "b" if first == "a" else "a"):  # lent in this order, both offline
        device = devices[name]
        with device.sessions() as s, s.begin():
            view = circulation.checkout(
                s, device.clock, cards[name], barcode, override_reason="读者手里拿着书"
            )
        with device.sessions() as s:
            own[name] = s.scalars(
                select(Loan.uuid)
                .join(Item, Item.id == Loan.item_id)
                .where(Item.barcode == barcode, Loan.returned_at.is_(None))
            ).one()
        assert view

    # A syncs first, then B (filing the conflict), then each once more.
    for name in ("a", "b", "a", "b"):
        _sync_and_check(devices[name], county, barcode, own[name])
    server = _county(county, barcode)
    earlier, later = (own["a"], own["b"]) if first == "a" else (own["b"], own["a"])
    assert server["loans"] == {**server["loans"], earlier: False, later: True}
    assert server["item"] == ("on_loan", branch_of(devices["b" if first == "a" else "a"]))

    listed = county.cli("exceptions", "--branch", villages[0])["exceptions"]
    double = next(e for e in listed if e["kind"] == "DOUBLE_CHECKOUT")
    for device in (a, b):
        assert _desk(device, barcode)["doubles"] == {double["uuid"]: False}

    county.cli("exceptions", "--resolve", double["uuid"], "--note", "书在后借出的馆点")
    for name in ("a", "b"):
        desk = _sync_and_check(devices[name], county, barcode, own[name])
        assert desk["doubles"] == {double["uuid"]: True}
    assert _county(county, barcode) == server  # resolving does not move the loans
