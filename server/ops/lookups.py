"""Readers, copies, loans and policies a push batch names, loaded in bulk before its first op.

Looking a row up with a query of its own costs each op a round trip, and each such query first
flushes the previous op's rows (one INSERT per op). The batch's keys are looked up at once
instead, so rows of consecutive ops reach the database in one flush. The index is exact: we
hold the writer lock (nothing else writes these tables meanwhile), the ops that create a reader
or copy or change a card or barcode update it, a key it does not hold falls back to a query,
and a SAVEPOINT rollback or an undo empties it (rolled-back rows left the session).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from server import models as m
from server.ops.wire import OpIn

_KEY = "shuwu.lookups"


@dataclass
class Timeline:
    """What ``timeline.refold`` reads of one copy: its loans (by id) and return events."""

    loans: list[m.Loan]
    returns: list[m.CircEvent]
    double_checkouts: list[m.SyncExceptionRow] | None  # None: not loaded, query


@dataclass
class Lookups:
    # A key present maps to its row, or to None: no such row (yet).
    reader_uuid: dict[str, m.Reader | None] = field(default_factory=dict)
    reader_card: dict[str, m.Reader | None] = field(default_factory=dict)
    item_uuid: dict[str, m.Item | None] = field(default_factory=dict)
    item_barcode: dict[str, m.Item | None] = field(default_factory=dict)
    loan_uuid: dict[str, bool] = field(default_factory=dict)  # does the loan exist
    policy: dict[str, m.CirculationPolicy | None] = field(default_factory=dict)
    timeline: dict[int, Timeline] = field(default_factory=dict)  # by item id

    def clear(self) -> None:
        for table in (
            self.reader_uuid,
            self.reader_card,
            self.item_uuid,
            self.item_barcode,
            self.loan_uuid,
            self.timeline,
        ):
            table.clear()
        # Policies stay: no op writes them, and the cached rows are persistent.

    def reader_saved(self, reader: m.Reader, old_card: str | None) -> None:
        """``reader`` was created or updated: it now holds its uuid and card."""
        if old_card is not None and old_card != reader.card:
            self.reader_card[old_card] = None
        self.reader_uuid[reader.uuid] = reader
        self.reader_card[reader.card] = reader

    def item_saved(self, item: m.Item, old_barcode: str | None) -> None:
        if old_barcode is not None and old_barcode != item.barcode:
            self.item_barcode[old_barcode] = None
        self.item_uuid[item.uuid] = item
        self.item_barcode[item.barcode] = item

    def loan_added(self, loan: m.Loan) -> None:
        self.loan_uuid[loan.uuid] = True
        line = self.timeline.get(loan.item_id)
        if line is not None:
            line.loans.append(loan)

    def return_added(self, event: m.CircEvent) -> None:
        line = self.timeline.get(event.item_id) if event.item_id is not None else None
        if line is not None:
            line.returns.append(event)


def active(session: Session) -> Lookups | None:
    found = session.info.get(_KEY)
    return found if isinstance(found, Lookups) else None


@contextmanager
def installed(session: Session, lookups: Lookups) -> Iterator[Lookups]:
    session.info[_KEY] = lookups
    try:
        yield lookups
    finally:
        session.info.pop(_KEY, None)


def _keys(payloads: Iterable[dict[str, Any]], *names: str) -> set[str]:
    out: set[str] = set()
    for p in payloads:
        for name in names:
            value = p.get(name)
            values = value if isinstance(value, list) else [value]
            for v in values:
                if isinstance(v, str | int) and not isinstance(v, bool) and v != "":
                    out.add(str(v))
    return out


def load(session: Session, batch: list[OpIn]) -> Lookups:
    """One query per table for every reader, copy, loan and copy's timeline the batch names."""
    found = Lookups()
    payloads = [o.payload for o in batch]
    uuids = _keys(payloads, "reader_uuid")
    cards = _keys(payloads, "card")
    if uuids or cards:
        found.reader_uuid = dict.fromkeys(uuids)
        found.reader_card = dict.fromkeys(cards)
        readers = select(m.Reader).where(m.Reader.uuid.in_(uuids) | m.Reader.card.in_(cards))
        for reader in session.scalars(readers):
            found.reader_saved(reader, None)
    uuids = _keys(payloads, "item_uuid", "item_uuids")
    barcodes = _keys(payloads, "barcode", "barcodes", "missing")
    if uuids or barcodes:
        found.item_uuid = dict.fromkeys(uuids)
        found.item_barcode = dict.fromkeys(barcodes)
        item_rows = select(m.Item).where(m.Item.uuid.in_(uuids) | m.Item.barcode.in_(barcodes))
        for item in session.scalars(item_rows):
            found.item_saved(item, None)
    circulated = [o.payload for o in batch if o.kind in ("checkout", "return")]
    items = {
        x.id: x
        for x in (
            *(found.item_uuid.get(k) for k in _keys(circulated, "item_uuid")),
            *(found.item_barcode.get(k) for k in _keys(circulated, "barcode")),
        )
        if x is not None
    }
    if items:
        _load_timelines(session, found, items)
    loans = _keys(payloads, "loan_uuid")
    if loans:
        found.loan_uuid = dict.fromkeys(loans, False)
        for uuid in session.scalars(select(m.Loan.uuid).where(m.Loan.uuid.in_(loans))):
            found.loan_uuid[uuid] = True
    return found


def _load_timelines(session: Session, found: Lookups, items: dict[int, m.Item]) -> None:
    ids = set(items)
    lines = {i: Timeline([], [], []) for i in ids}
    for loan in session.scalars(select(m.Loan).where(m.Loan.item_id.in_(ids)).order_by(m.Loan.id)):
        lines[loan.item_id].loans.append(loan)
    events = select(m.CircEvent).where(m.CircEvent.item_id.in_(ids), m.CircEvent.kind == "return")
    for event in session.scalars(events.order_by(m.CircEvent.id)):
        assert event.item_id is not None
        lines[event.item_id].returns.append(event)
    by_uuid = {x.uuid: i for i, x in items.items()}
    rows = select(m.SyncExceptionRow).where(
        m.SyncExceptionRow.kind == "DOUBLE_CHECKOUT", m.SyncExceptionRow.subject_uuid.in_(by_uuid)
    )
    for row in session.scalars(rows.order_by(m.SyncExceptionRow.id)):
        assert row.subject_uuid is not None
        line = lines[by_uuid[row.subject_uuid]]
        assert line.double_checkouts is not None
        line.double_checkouts.append(row)
    found.timeline.update(lines)
