"""Whole scenario against the real county server on loopback: register a reader offline, lend
three, return one late, check the ledger, apply an amnesty, sync, and see the same state on the
server (read from the server's own database)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session

from app.device.branch import branch_code
from app.device.enrol import enrol
from app.models import Item, Loan, Reader
from app.profile import Profile, open_profile
from app.services import circulation, credit, readers
from app.sync.engine import sync_once
from server import models as m
from tests import serverproc
from tests.circulation.conftest import later

LEND_DAYS_AGO = 60


@pytest.fixture
def county(tmp_path: Path) -> Iterator[serverproc.ServerProcess]:
    url = f"sqlite:///{tmp_path / 'county.db'}"
    proc = serverproc.ServerProcess(url, init_args=("--demo", "--demo-size", "tiny"))
    proc.start()
    yield proc
    proc.stop()


def enrolled_profile(county: serverproc.ServerProcess, tmp_path: Path) -> Profile:
    branches = serverproc.cli(county.db_url, "branch", "list", "--json")
    rows = branches["branches"] if isinstance(branches, dict) else branches
    code = next(b["code"] for b in rows if b.get("kind") == "village")
    device = serverproc.cli(county.db_url, "device", "add", "--branch", code, "--json")
    profile = open_profile(tmp_path / "village")
    enrol(profile, county.base_url, str(device["code"]), "desk-1")
    sync_once(profile)
    return profile


def test_offline_desk_day_reaches_the_county_unchanged(
    county: serverproc.ServerProcess, tmp_path: Path
) -> None:
    profile = enrolled_profile(county, tmp_path)
    with profile.sessions() as s:
        branch = branch_code(s, required=False)
        barcodes = list(
            s.scalars(
                select(Item.barcode)
                .where(Item.home_branch_code == branch, Item.status == "available")
                .order_by(Item.barcode)
                .limit(3)
            )
        )
        rtype = readers.reader_types(s)[0]
    assert len(barcodes) == 3

    # Offline: the reader registers and borrows three books two months ago ...
    back_then = later(profile, -LEND_DAYS_AGO)
    with back_then.sessions() as s, s.begin():
        reader = readers.register_reader(
            s,
            back_then.clock,
            readers.ReaderInput(name="张晓明", gender="M", birth_year=1980, reader_type=rtype),
        )
        loans = [circulation.checkout(s, back_then.clock, reader.card, b).loan for b in barcodes]
    assert reader.card_provisional
    # ... and returns one today, late: points are deducted.
    with profile.sessions() as s, s.begin():
        returned = circulation.return_item(s, profile.clock, barcodes[0])
    assert returned.credit_delta < 0
    # The county's amnesty covers today: the deduction is refunded.
    today = credit.local_date(profile.clock.now())
    window = credit.AmnestyWindow(today - timedelta(days=1), today, "疫情免扣积分")
    with profile.sessions() as s, s.begin():
        assert credit.add_amnesty(s, profile.clock, window).refunded_entries == 1

    result = sync_once(profile)
    assert result is not None

    with profile.sessions() as s:
        local_reader = s.scalar(select(Reader).where(Reader.uuid == reader.uuid))
        assert local_reader is not None
        local_entries = {(e.uuid, e.delta, e.reason) for e in credit.ledger(s, local_reader.id)}
        local_balance = credit.balance(s, local_reader.id)
        local_loans = {
            (loan.uuid, loan.returned_at is not None)
            for loan in s.scalars(select(Loan).where(Loan.reader_id == local_reader.id))
        }
        local_card = local_reader.card
        # The county's reader row came back through the feed (app.sync.apply): the
        # provisional card is confirmed there, not by a separate call.
        assert local_reader.card_provisional is False

    engine = create_engine(county.db_url)
    try:
        with Session(engine) as s:
            server_reader = s.scalar(select(m.Reader).where(m.Reader.uuid == reader.uuid))
            assert server_reader is not None
            assert server_reader.card == local_card
            server_loans = {
                (loan.uuid, loan.returned_at is not None)
                for loan in s.scalars(select(m.Loan).where(m.Loan.reader_id == server_reader.id))
            }
            server_entries = {
                (e.uuid, e.delta, e.reason)
                for e in s.scalars(
                    select(m.CreditEntry).where(m.CreditEntry.reader_id == server_reader.id)
                )
            }
            returned_item = s.scalar(select(m.Item).where(m.Item.barcode == barcodes[0]))
            lent_item = s.scalar(select(m.Item).where(m.Item.barcode == barcodes[1]))
            assert returned_item is not None and lent_item is not None
            assert returned_item.status == "available" and lent_item.status == "on_loan"
    finally:
        engine.dispose()
    assert server_loans == local_loans
    assert server_loans == {
        (loans[0].loan_uuid, True),
        (loans[1].loan_uuid, False),
        (loans[2].loan_uuid, False),
    }
    assert server_entries == local_entries
    assert sum(delta for _u, delta, _r in server_entries) == local_balance == 100
