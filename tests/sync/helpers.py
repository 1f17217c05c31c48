"""Offline work made with the real services, and the "server and client agree" check."""

from __future__ import annotations

import itertools

from sqlalchemy import bindparam, create_engine, select, text

from app.device.transport import TransportConfig
from app.models import Item, Loan, OutboxOp, Reader
from app.profile import Profile
from app.services import circulation, readers, settings
from app.sync.engine import sync_once

FAST = TransportConfig(
    connect_timeout=2, read_timeout=20, deadline=60, retries=4, backoff_base=0.05, backoff_cap=0.3
)
_names = itertools.count(1)


def branch_of(profile: Profile) -> str:
    with profile.sessions() as s:
        return str(settings.get(s, settings.BRANCH_CODE))


def register(profile: Profile, count: int) -> list[str]:
    cards = []
    for _ in range(count):
        with profile.sessions() as s, s.begin():
            view = readers.register_reader(
                s,
                profile.clock,
                readers.ReaderInput(name=f"测试读者{next(_names)}", gender="F", birth_year=1980),
            )
            cards.append(view.card)
    return cards


def own_available(profile: Profile, limit: int = 5) -> list[str]:
    with profile.sessions() as s:
        return list(
            s.scalars(
                select(Item.barcode)
                .where(Item.home_branch_code == branch_of(profile), Item.status == "available")
                .order_by(Item.barcode)
                .limit(limit)
            )
        )


def offline_work(profile: Profile, readers_n: int = 3, cycles: int = 2) -> None:
    """Register readers, then lend and take back the branch's copies ``cycles`` times."""
    cards = register(profile, readers_n)
    barcodes = own_available(profile, 3)
    assert barcodes, "the demo branch has no available copies"
    for cycle in range(cycles):
        for n, barcode in enumerate(barcodes):
            with profile.sessions() as s, s.begin():
                circulation.checkout(s, profile.clock, cards[(n + cycle) % len(cards)], barcode)
        if cycle < cycles - 1:
            for barcode in barcodes:
                with profile.sessions() as s, s.begin():
                    circulation.return_item(s, profile.clock, barcode)


def local_ops(profile: Profile) -> dict[str, str]:
    with profile.sessions() as s:
        return dict(s.execute(select(OutboxOp.op_id, OutboxOp.state)).all())


def sync_until_done(profile: Profile, attempts: int = 3):  # type: ignore[no-untyped-def]
    result = None
    for _ in range(attempts):
        result = sync_once(profile, config=FAST)
        if result.pending == 0:
            break
    return result


def assert_agree(profile: Profile, server_db: str) -> None:
    """Every op of the device is on the server exactly once and the loans/readers match."""
    ops = local_ops(profile)
    assert ops and set(ops.values()) == {"acked"}, ops
    engine = create_engine(server_db)
    try:
        with engine.connect() as conn:
            receipts = (
                conn.execute(
                    text("SELECT op_id FROM op_receipt WHERE op_id IN :ids").bindparams(
                        bindparam("ids", expanding=True)
                    ),
                    {"ids": list(ops)},
                )
                .scalars()
                .all()
            )
            assert sorted(receipts) == sorted(ops)  # each op once (and only once)
            server_loans = dict(
                conn.execute(text("SELECT uuid, returned_at IS NULL FROM loan")).all()
            )
            server_readers = set(conn.execute(text("SELECT uuid FROM reader")).scalars())
            item_status = dict(conn.execute(text("SELECT uuid, status FROM item")).all())
            doubles = conn.execute(
                text("SELECT count(*) FROM exception WHERE kind = 'DOUBLE_CHECKOUT'")
            ).scalar()
    finally:
        engine.dispose()
    with profile.sessions() as s:
        loans = dict(s.execute(select(Loan.uuid, Loan.returned_at.is_(None))).all())
        local_readers = set(s.scalars(select(Reader.uuid)))
        items = dict(
            s.execute(
                select(Item.uuid, Item.status).where(Item.home_branch_code == branch_of(profile))
            ).all()
        )
    missing = [u for u in loans if u not in server_loans]
    assert not missing, f"loans missing on the server: {missing}"
    differ = [u for u, is_open in loans.items() if bool(server_loans[u]) != bool(is_open)]
    assert not differ, f"loans open on one side, closed on the other: {differ}"
    assert local_readers <= server_readers
    for uuid, status in items.items():
        assert item_status[uuid] == status
    assert doubles == 0  # a replayed checkout must never look like a second loan
