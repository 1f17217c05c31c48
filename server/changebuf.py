"""change_log rows of one push batch: seqs handed out at once, rows inserted in one statement.

Two ways to hand out seqs, both keeping the feed commit-ordered (a cursor never skips a change
that commits later with a lower seq):

- Under the whole-transaction writer lock (``server.db.writer``): seqs from ``max(seq)`` at
  once; a row's seq is known immediately (``version`` columns need it) and the INSERT waits for
  the end of the batch.
- Deferred (``server.db.parallel_writer``, PostgreSQL): writers run side by side, so seqs are
  only given out at the very end, in a short critical section (``finish``): one statement
  takes the commit lock, draws the seqs from the column's sequence, stamps the ``version`` of
  the rows that asked for it and inserts; COMMIT goes in the same round trip. The lock is
  released only after the commit is visible, so seqs are handed out in commit order.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, insert, select, text
from sqlalchemy.orm import Session

from server import models as m

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
    """The short critical section at COMMIT: seqs in commit order, versions, the INSERT.

    Everything else of the transaction is flushed first. Then one statement takes the commit
    lock, draws the batch's seqs from the column's sequence, inserts the rows and stamps the
    ``version`` of the rows that asked for it, and COMMIT follows in the same pipeline: the
    lock is held for one round trip of the database's own work, never while this process
    waits for its turn on the CPU (under load, 40 pushes share one interpreter). The lock is
    released by the COMMIT, after it is visible, so seqs are handed out in commit order.
    The transaction is committed on return; the caller's own COMMIT then finds nothing to do.
    """
    session.flush()
    rows = buffer.rows
    if not rows:
        return
    from psycopg import Error as PsycopgError
    from sqlalchemy.exc import DBAPIError
    from sqlalchemy.orm.attributes import set_committed_value

    versions: dict[str, dict[int, tuple[int, Any]]] = {}  # table → id → (last row index, row)
    for index, target in buffer.targets:
        versions.setdefault(target.__table__.name, {})[target.id] = (index, target)
    # JSON parameters: array parameters are escaped element by element in Python.
    records = [
        {"i": n, "e": r["entity"], "u": r["uuid"], "o": r["op"], "b": r["branch_code"],
         "a": _naive_utc(r["at"])}
        for n, r in enumerate(rows, 1)
    ]  # fmt: skip
    params: dict[str, Any] = {"lock": commit_lock, "n": len(rows), "rows": json.dumps(records)}
    ctes = [_FINISH_HEAD]
    for n, (table, by_id) in enumerate(sorted(versions.items())):
        if table not in _VERSIONED:
            raise ValueError(f"no version column: {table}")
        pairs = [{"id": key, "i": index + 1} for key, (index, _row) in by_id.items()]
        params[f"v{n}"] = json.dumps(pairs)
        ctes.append(_FINISH_VERSION.format(n=n, table=table))
    statement = ",\n".join(ctes) + "\nSELECT base FROM b"
    raw = session.connection().connection.driver_connection
    assert raw is not None
    try:
        with raw.pipeline(), raw.cursor() as cursor:
            cursor.execute(statement, params)
            raw.commit()  # queued behind the statement: sent in the same round trip
            fetched = cursor.fetchone()
    except PsycopgError as exc:  # the caller's handling (Contention) expects SQLAlchemy's
        raise DBAPIError(statement, None, exc) from exc
    assert fetched is not None
    base = int(fetched[0])
    for row, seq in zip(rows, range(base, base + len(rows)), strict=True):
        row["seq"] = seq
    for by_id in versions.values():
        for index, target in by_id.values():
            set_committed_value(target, "version", base + index)
    buffer.rows = []
    buffer.targets = []


# Tables whose ``version`` is the seq of their last change_log row.
_VERSIONED = frozenset({"bib", "item"})

# The commit lock first (``b`` reads ``l``), then the seqs: one draw of ``n`` values, so a
# batch's rows are consecutive and in the order they were recorded.
_FINISH_HEAD = """WITH l AS (
  SELECT pg_advisory_xact_lock(hashtextextended(current_schema() || ':' || %(lock)s, 0)) AS x
), b AS (
  SELECT setval(pg_get_serial_sequence('change_log', 'seq'),
                nextval(pg_get_serial_sequence('change_log', 'seq')) + %(n)s - 1)
         - %(n)s + 1 AS base
  FROM l
), ins AS (
  INSERT INTO change_log (seq, entity, uuid, op, branch_code, at)
  SELECT b.base + r.i - 1, r.e, r.u, r.o, r.b, r.a
  FROM b, json_to_recordset(%(rows)s::json) AS r(i bigint, e text, u text, o text, b text,
                                                 a timestamp)
)"""
_FINISH_VERSION = """v{n} AS (
  UPDATE {table} SET version = b.base + t.i - 1
  FROM b, json_to_recordset(%(v{n})s::json) AS t(id bigint, i bigint)
  WHERE {table}.id = t.id
)"""


def _naive_utc(at: datetime) -> str:
    return (at.astimezone(UTC).replace(tzinfo=None) if at.tzinfo is not None else at).isoformat()


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
