"""change_log rows of one push batch: seqs handed out at once, rows inserted in one statement.

Two ways to hand out seqs, both keeping the feed commit-ordered (a cursor never skips a change
that commits later with a lower seq):

- Under the whole-transaction writer lock (``server.db.writer``): seqs from ``max(seq)`` at
  once; a row's seq is known immediately (``version`` columns need it) and the INSERT waits for
  the end of the batch.
- Deferred (``server.db.parallel_writer``, PostgreSQL): writers run side by side, so seqs are
  only given out at the very end, in a short critical section (``finish``): take the commit
  lock, draw the seqs from the column's sequence, stamp the ``version`` of the rows that asked
  for it, insert, commit. The lock is released only after the commit is visible, so seqs are
  handed out in commit order.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import func, insert, select, text
from sqlalchemy.orm import Session

from server import models as m
from server.db import lock_sql

_KEY = "shuwu.change_buffer"


@dataclass
class ChangeBuffer:
    base: int | None = None  # max(seq) when the buffer first allocated
    rows: list[dict[str, Any]] = field(default_factory=list)
    deferred: bool = False  # seqs given out by ``finish`` at commit, not now
    # (index into rows, ORM row whose ``version`` is that row's seq), deferred buffers only
    targets: list[tuple[int, Any]] = field(default_factory=list)

    def next_seq(self, session: Session) -> int:
        if self.rows:
            return int(self.rows[-1]["seq"]) + 1
        if self.base is None:
            self.base = int(session.scalar(select(func.max(m.ChangeLog.seq))) or 0)
        return self.base + 1

    def add(
        self,
        session: Session,
        entity: str,
        uuid: str,
        op: str,
        scopes: list[str | None],
        at: datetime,
        target: Any = None,
    ) -> int:
        """Queue the rows; their last seq (0 while deferred: ``target.version`` is set later)."""
        if self.deferred:
            for code in scopes:
                row = {"entity": entity, "uuid": uuid, "op": op, "branch_code": code, "at": at}
                self.rows.append(row)
            if target is not None:
                self.targets.append((len(self.rows) - 1, target))
            return 0
        seq = self.next_seq(session)
        for code in scopes:
            row = {"entity": entity, "uuid": uuid, "op": op, "branch_code": code, "at": at}
            self.rows.append({"seq": seq, **row})
            seq += 1
        return seq - 1

    def mark(self) -> int:
        return len(self.rows)

    def rollback_to(self, mark: int) -> None:
        """Forget the rows of an op whose SAVEPOINT was rolled back (their seqs are reused)."""
        del self.rows[mark:]
        while self.targets and self.targets[-1][0] >= mark:
            self.targets.pop()


def active(session: Session) -> ChangeBuffer | None:
    found = session.info.get(_KEY)
    return found if isinstance(found, ChangeBuffer) else None


@contextmanager
def batched(session: Session) -> Iterator[ChangeBuffer]:
    """Buffer every ``record_change`` of ``session`` until the block ends, then insert them."""
    outer = active(session)
    if outer is not None:
        yield outer  # the outermost block inserts
        return
    buffer = ChangeBuffer()
    session.info[_KEY] = buffer
    try:
        yield buffer
    finally:
        del session.info[_KEY]
    _insert(session, buffer.rows)


@contextmanager
def deferred(session: Session) -> Iterator[ChangeBuffer]:
    """Queue every ``record_change`` of the transaction; the caller ends with ``finish``."""
    buffer = ChangeBuffer(deferred=True)
    session.info[_KEY] = buffer
    try:
        yield buffer
    finally:
        session.info.pop(_KEY, None)


def finish(session: Session, buffer: ChangeBuffer, commit_lock: str) -> None:
    """The short critical section before COMMIT: seqs in commit order, versions, the INSERT.

    Everything else of the transaction is flushed first, so the lock is held only for a
    sequence draw, the ``version`` UPDATEs and one INSERT (and the COMMIT that follows).
    """
    session.flush()
    rows = buffer.rows
    if not rows:
        return
    conn = session.connection()
    conn.execute(lock_sql("pg_advisory_xact_lock"), {"lock": commit_lock})
    seqs = list(
        conn.execute(
            text(
                "SELECT nextval(pg_get_serial_sequence('change_log', 'seq')) "
                "FROM generate_series(1, :n)"
            ),
            {"n": len(rows)},
        ).scalars()
    )
    seqs.sort()
    for row, seq in zip(rows, seqs, strict=True):
        row["seq"] = seq
    for index, target in buffer.targets:
        target.version = rows[index]["seq"]
    session.flush()
    conn.execute(insert(m.ChangeLog), rows)
    buffer.rows = []
    buffer.targets = []


def _insert(session: Session, rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    conn = session.connection()
    conn.execute(insert(m.ChangeLog), rows)
    if conn.dialect.name == "postgresql":
        # Explicit seqs bypass the column's sequence: move it on, or a later default insert
        # would collide. Under the writer lock nothing else inserts meanwhile.
        conn.execute(
            text("SELECT setval(pg_get_serial_sequence('change_log', 'seq'), :v)"),
            {"v": rows[-1]["seq"]},
        )
