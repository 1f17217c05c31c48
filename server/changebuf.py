"""change_log rows of one push batch: seqs handed out at once, rows inserted in one statement.

Seqs are allocated from ``max(seq)`` of the table, so this must run inside the writer lock
(``server.db.writer``), exactly like a plain insert: the feed stays commit-ordered. A row's seq
is known immediately (``version`` columns need it); the INSERT waits for the end of the batch.
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

_KEY = "shuwu.change_buffer"


@dataclass
class ChangeBuffer:
    base: int | None = None  # max(seq) when the buffer first allocated
    rows: list[dict[str, Any]] = field(default_factory=list)

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
    ) -> int:
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
