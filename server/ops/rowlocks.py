"""Row locks of a push that runs beside other pushes (``server.db.parallel_writer``).

A serialised push owns the whole database; a parallel one owns only the rows it locks here,
before its first read: every copy and reader its ops name, the copies of the loans they name,
and the readers of those copies' loans (a return or a late checkout refolds a copy's loans and
changes its borrowers' counts and credit). Copies first, then readers, each in id order: two
pushes lock in the same order and wait for each other instead of deadlocking. Whatever a
parallel push may touch without naming it (a new row that another push inserts at the same
time, the card counter) ends in a duplicate key or a deadlock, and the push is redone
serialised (``server.db.Contention``).

Only the op kinds in ``PARALLEL_KINDS`` run in parallel; their rows are covered by these locks.
A batch with any other kind (catalogue edits, transfers, undo, ...) takes the serialised path.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from server import models as m
from server.ops.lookups import _keys
from server.ops.wire import OpIn

PARALLEL_KINDS = frozenset({"checkout", "return", "renew", "reader_upsert", "credit_entry"})


def parallel_ok(batch: Iterable[OpIn]) -> bool:
    return all(o.kind in PARALLEL_KINDS for o in batch)


def _lock_items(session: Session, ids: set[int]) -> None:
    if ids:
        q = (
            select(m.Item.id)
            .where(m.Item.id.in_(ids))
            .order_by(m.Item.id)
            .with_for_update(key_share=True)
        )
        list(session.scalars(q))


def _lock_readers(session: Session, ids: set[int]) -> None:
    if ids:
        q = select(m.Reader.id).where(m.Reader.id.in_(ids)).order_by(m.Reader.id)
        list(session.scalars(q.with_for_update(key_share=True)))


def _borrowers(session: Session, item_ids: set[int]) -> set[int]:
    if not item_ids:
        return set()
    q = select(m.Loan.reader_id).where(m.Loan.item_id.in_(item_ids)).distinct()
    return set(session.scalars(q))


def lock(session: Session, batch: list[OpIn]) -> None:
    payloads: list[dict[str, Any]] = [o.payload for o in batch]
    item_uuids = _keys(payloads, "item_uuid", "item_uuids")
    barcodes = _keys(payloads, "barcode", "barcodes", "missing")
    reader_uuids = _keys(payloads, "reader_uuid")
    cards = _keys(payloads, "card")
    loans = _keys(payloads, "loan_uuid")
    items: set[int] = set()
    if item_uuids or barcodes:
        q = select(m.Item.id).where(m.Item.uuid.in_(item_uuids) | m.Item.barcode.in_(barcodes))
        items |= set(session.scalars(q))
    readers: set[int] = set()
    if reader_uuids or cards:
        q2 = select(m.Reader.id).where(m.Reader.uuid.in_(reader_uuids) | m.Reader.card.in_(cards))
        readers |= set(session.scalars(q2))
    if loans:
        for item_id, reader_id in session.execute(
            select(m.Loan.item_id, m.Loan.reader_id).where(m.Loan.uuid.in_(loans))
        ):
            items.add(item_id)
            readers.add(reader_id)
    _lock_items(session, items)
    # The copies are ours now: their loans change only here. Their borrowers as of now.
    borrowers = _borrowers(session, items)
    _lock_readers(session, readers | borrowers)
