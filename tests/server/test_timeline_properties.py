"""Property: whatever order offline devices sync in, the county ends with the true loans.

``apply_batch`` runs in-process on a real (migrated) SQLite file: the same function the HTTP
push and the USB bundle import call.
"""

from __future__ import annotations

import itertools
import random
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from server import models as m
from server.db import make_engine, session_factory, writer
from server.migrate import upgrade
from server.ops import apply_batch

BRANCHES = ("AA01", "BB01", "CC01")
BASE = datetime(2026, 1, 1, tzinfo=UTC)
SEQ = itertools.count(1)  # device sequences only ever grow, across examples too


@pytest.fixture(scope="module")
def county(tmp_path_factory: pytest.TempPathFactory) -> Any:
    path: Path = tmp_path_factory.mktemp("timeline") / "county.db"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    sessions = session_factory(engine)
    with writer(sessions) as s:
        for code in BRANCHES:
            s.add(m.Branch(code=code, name=code, kind="village"))
        s.add(m.Bib(uuid=str(uuid.uuid4()), title="书", created_at=BASE, updated_at=BASE))
        s.flush()
        for code in BRANCHES:
            s.add(m.Device(branch_code=code, epoch=1, enrolled_at=BASE - timedelta(days=1)))
            s.add(
                m.Reader(
                    uuid=str(uuid.uuid4()),
                    card=f"R-{code}",
                    name="读者",
                    home_branch_code=code,
                    registered_at=BASE,
                    updated_at=BASE,
                )
            )
    yield sessions
    engine.dispose()


def _iso(at: datetime) -> str:
    return at.isoformat().replace("+00:00", "Z")


loan_plan = st.lists(
    st.tuples(st.sampled_from(BRANCHES), st.sampled_from(BRANCHES), st.integers(1, 8)),
    min_size=1,
    max_size=5,
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    plan=loan_plan,
    last_open=st.booleans(),
    order_seed=st.integers(0, 10_000),
    batch_size=st.integers(1, 4),
)
def test_any_sync_order_gives_the_true_loans(
    county: Any,
    plan: list[tuple[str, str, int]],
    last_open: bool,
    order_seed: int,
    batch_size: int,
) -> None:
    sessions = county
    with writer(sessions) as s:
        bib = s.scalar(select(m.Bib))
        assert bib is not None
        item = m.Item(
            uuid=str(uuid.uuid4()),
            barcode="X" + uuid.uuid4().hex[:10],
            bib_id=bib.id,
            home_branch_code="AA01",
            current_branch_code="AA01",
            status="available",
            created_at=BASE,
            updated_at=BASE,
        )
        s.add(item)
        s.flush()
        devices = {d.branch_code: d.id for d in s.scalars(select(m.Device))}
        readers = {r.home_branch_code: r.uuid for r in s.scalars(select(m.Reader))}
        item_uuid, barcode = item.uuid, item.barcode
    # The truth: loan k lent at branch b on day 10k, returned at branch r a few days later.
    queues: dict[str, list[dict[str, Any]]] = {b: [] for b in BRANCHES}
    truth: dict[str, datetime | None] = {}
    for k, (lend_at, back_at, days) in enumerate(plan):
        loan_uuid = str(uuid.uuid4())
        out = BASE + timedelta(days=10 * k + 1)
        back = out + timedelta(days=days)
        is_open = last_open and k == len(plan) - 1
        truth[loan_uuid] = None if is_open else back
        queues[lend_at].append(
            {
                "kind": "checkout",
                "at": out,
                "payload": {
                    "loan_uuid": loan_uuid,
                    "item_uuid": item_uuid,
                    "barcode": barcode,
                    "reader_uuid": readers[lend_at],
                    "card": f"R-{lend_at}",
                    "branch": lend_at,
                    "checkout_at": _iso(out),
                    "due_at": _iso(out + timedelta(days=30)),
                },
            }
        )
        if not is_open:
            queues[back_at].append(
                {
                    "kind": "return",
                    "at": back,
                    "payload": {
                        "loan_uuid": loan_uuid if back_at == lend_at else None,
                        "item_uuid": item_uuid,
                        "barcode": barcode,
                        "branch": back_at,
                        "returned_at": _iso(back),
                        "in_transit_to": None,
                    },
                }
            )
    # Each device sends its own ops in order; devices interleave at random, in random batches.
    rng = random.Random(order_seed)
    pending = {b: sorted(q, key=lambda e: e["at"]) for b, q in queues.items() if q}
    sent: list[tuple[str, list[dict[str, Any]]]] = []
    while pending:
        branch = rng.choice(sorted(pending))
        take, pending[branch] = pending[branch][:batch_size], pending[branch][batch_size:]
        if not pending[branch]:
            del pending[branch]
        ops = []
        for event in take:
            ops.append(
                {
                    "seq": next(SEQ),
                    "op_id": str(uuid.uuid4()),
                    "kind": event["kind"],
                    "payload": event["payload"],
                    "device_wall_ms": int(event["at"].timestamp() * 1000),
                }
            )
        sent.append((branch, ops))
    for branch, ops in sent:
        with writer(sessions) as s:
            device = s.get(m.Device, devices[branch])
            assert device is not None
            device.last_op_at = None  # each example is its own story
            results = apply_batch(s, device, 1, ops, clock_offset_ms=0)
            assert all(r["status"] != "rejected" for r in results), results
    with sessions() as s, s.begin():
        item_id = s.scalar(select(m.Item.id).where(m.Item.uuid == item_uuid))
        loans = {x.uuid: x for x in s.scalars(select(m.Loan).where(m.Loan.item_id == item_id))}
        assert set(loans) == set(truth)
        for loan_uuid, back in truth.items():
            assert loans[loan_uuid].returned_at == back, (plan, loan_uuid)
            assert loans[loan_uuid].closed_by == (None if back is None else "return")
        open_conflicts = s.scalars(
            select(m.SyncExceptionRow).where(
                m.SyncExceptionRow.subject_uuid == item_uuid,
                m.SyncExceptionRow.resolved_at.is_(None),
            )
        )
        assert [e.kind for e in open_conflicts] == []
        status = s.scalar(select(m.Item.status).where(m.Item.uuid == item_uuid))
        assert status == ("on_loan" if last_open else "available")
    # Replaying everything changes nothing.
    for branch, ops in sent:
        with writer(sessions) as s:
            device = s.get(m.Device, devices[branch])
            assert device is not None
            assert {r["status"] for r in apply_batch(s, device, 1, ops)} == {"duplicate"}
