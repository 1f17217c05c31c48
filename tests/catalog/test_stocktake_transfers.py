from __future__ import annotations

import csv
from pathlib import Path

import pytest
from sqlalchemy import select

from app.models import Item, OutboxOp
from app.profile import Profile, open_profile
from app.services import settings, stocktake, transfers
from shuwu_shared.errors import NotFound, UserInputError
from tests.catalog.conftest import BRANCH
from tests.catalog.test_catalog_service import catalogue


def seed(profile: Profile) -> None:
    catalogue(profile, "红楼梦", "I242.47", ["V0010001", "V0010002"])
    catalogue(profile, "苹果栽培技术", "S661.1", ["V0010003"])
    catalogue(profile, "活着", "I247.57", ["V0010004"])
    with profile.sessions() as s, s.begin():
        s.scalars(select(Item).where(Item.barcode == "V0010004")).one().status = "on_loan"


def test_stocktake_survives_reopen_and_reports(branch_profile: Profile, tmp_path: Path) -> None:
    seed(branch_profile)
    with branch_profile.sessions() as s, s.begin():
        info = stocktake.start(s, branch_profile.clock)
        assert stocktake.scan(s, branch_profile.clock, "V0010001").status == "ok"
        assert stocktake.scan(s, branch_profile.clock, "V0010001").status == "already"
    home = branch_profile.home
    branch_profile.close()  # the librarian closes the app half-way
    reopened = open_profile(home)
    try:
        with reopened.sessions() as s, s.begin():
            assert [o.uuid for o in stocktake.open_sessions(s)] == [info.uuid]
            assert stocktake.scan(s, reopened.clock, "V0010004").status == "on_loan"
            assert stocktake.scan(s, reopened.clock, "ZZ999999").status == "unknown"
        with reopened.sessions() as s, s.begin():
            result = stocktake.finish(s, reopened.clock)
        assert [m.barcode for m in result.missing] == ["V0010002", "V0010003"]
        assert [m.barcode for m in result.on_loan_found] == ["V0010004"]
        assert result.unknown == ("ZZ999999",)
        with reopened.sessions() as s:
            statuses = dict(s.execute(select(Item.barcode, Item.status)).all())
            op = s.scalars(select(OutboxOp).where(OutboxOp.kind == "stocktake_result")).one()
        assert statuses["V0010002"] == "missing" and statuses["V0010001"] == "available"
        assert op.payload["missing"] == ["V0010002", "V0010003"]
        out = tmp_path / "st.csv"
        assert stocktake.export_csv(result, out) == 4
        with out.open(encoding="utf-8-sig") as exported:
            rows = list(csv.reader(exported))
        assert rows[1][1] == "V0010002" and rows[1][2] == "红楼梦"
    finally:
        reopened.close()


def test_stocktake_found_elsewhere_by_location(branch_profile: Profile) -> None:
    seed(branch_profile)
    with branch_profile.sessions() as s, s.begin():
        s.scalars(select(Item).where(Item.barcode == "V0010003")).one().shelf_location = "B1"
        stocktake.start(s, branch_profile.clock, shelf_location="A1")
        assert stocktake.scan(s, branch_profile.clock, "V0010003").status == "elsewhere"
        result = stocktake.report(s)
    assert [m.barcode for m in result.found_elsewhere] == ["V0010003"]


def test_no_open_stocktake_is_a_clear_error(branch_profile: Profile) -> None:
    with branch_profile.sessions() as s, pytest.raises(NotFound):
        stocktake.scan(s, branch_profile.clock, "V0010001")


def test_transfer_send_and_receive_on_other_branch(branch_profile: Profile) -> None:
    seed(branch_profile)
    clock = branch_profile.clock
    with branch_profile.sessions() as s, s.begin():
        t = transfers.create(s, clock, "T01")
        transfers.add_item(s, t.uuid, "V0010001")
        transfers.add_item(s, t.uuid, "V0010003")
        with pytest.raises(UserInputError):
            transfers.add_item(s, t.uuid, "V0010004")  # on loan
        sent = transfers.send(s, clock, t.uuid)
    assert sent.status == "sent" and sent.barcodes == ("V0010001", "V0010003")
    with branch_profile.sessions() as s, s.begin():
        assert s.scalar(select(Item.status).where(Item.barcode == "V0010001")) == "in_transit"
        # The same database now plays the township branch receiving the batch.
        settings.put(s, settings.BRANCH_CODE, "T01")
    with branch_profile.sessions() as s, s.begin():
        got = transfers.receive(s, clock, ["V0010001"])
        assert got.status == "sent" and got.received == ("V0010001",)
        got = transfers.receive(s, clock, ["V0010003"], t.uuid[:8])
        assert got.status == "received"
        item = s.scalars(select(Item).where(Item.barcode == "V0010003")).one()
        assert (item.status, item.current_branch_code, item.home_branch_code) == (
            "available",
            "T01",
            BRANCH,
        )
        kinds = [o.kind for o in s.scalars(select(OutboxOp).order_by(OutboxOp.device_seq))]
    assert kinds[-3:] == ["transfer_send", "transfer_receive", "transfer_receive"]


def test_transfer_bad_input(branch_profile: Profile) -> None:
    seed(branch_profile)
    with branch_profile.sessions() as s:
        with pytest.raises(UserInputError):
            transfers.create(s, branch_profile.clock, BRANCH)
        with pytest.raises(UserInputError):
            transfers.create(s, branch_profile.clock, "NOPE")
        with pytest.raises(NotFound):
            transfers.receive(s, branch_profile.clock, ["X404"])
