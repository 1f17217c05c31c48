"""The commit section of a parallel push (``server.changebuf.finish``) on real PostgreSQL.

It is one statement (commit lock, seqs, change-log rows, versions) with COMMIT behind it in
the same round trip: the rows get consecutive seqs in the order they were recorded, the
``version`` of a copy is the seq of its last row, everything is committed on return; and a
deadlock met there still becomes ``Contention`` with nothing of the attempt left.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.orm import Session, sessionmaker

from server import models as m
from server.db import (
    COMMIT_LOCK,
    Contention,
    lock_sql,
    make_engine,
    parallel_writer,
    session_factory,
)
from server.feed import record_change
from server.migrate import upgrade
from tests import serverproc
from tests.server.conftest import backend_url

NOW = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)


@pytest.fixture
def sessions(tmp_path: Path) -> Iterator[sessionmaker[Session]]:
    url = backend_url("postgres", tmp_path)
    engine = make_engine(url)
    upgrade(engine)
    try:
        yield session_factory(engine)
    finally:
        engine.dispose()
        serverproc.drop_pg_schema(url)


def _item(sessions: sessionmaker[Session], barcode: str) -> int:
    with sessions() as s, s.begin():
        bib = m.Bib(title="书", created_at=NOW, updated_at=NOW)
        s.add(bib)
        s.flush()
        item = m.Item(
            barcode=barcode,
            bib_id=bib.id,
            home_branch_code="CW01",
            current_branch_code="CW01",
            created_at=NOW,
            updated_at=NOW,
        )
        s.add(item)
        s.flush()
        return item.id


def _log(sessions: sessionmaker[Session]) -> list[tuple[int, str, str | None]]:
    with sessions() as s:
        q = select(m.ChangeLog.seq, m.ChangeLog.entity, m.ChangeLog.branch_code)
        return [(seq, e, b) for seq, e, b in s.execute(q.order_by(m.ChangeLog.seq))]


def test_rows_seqs_and_versions_are_committed_together(sessions: sessionmaker[Session]) -> None:
    first, second = _item(sessions, "A1"), _item(sessions, "A2")
    with parallel_writer(sessions, 1) as s:
        a, b = s.get(m.Item, first), s.get(m.Item, second)
        assert a is not None and b is not None
        a.note = "one"
        record_change(s, "item", a.uuid, target=a)
        record_change(s, "reader", "r-1", ["DH01", "CW01"])
        record_change(s, "item", b.uuid, target=b)
        record_change(s, "item", a.uuid, target=a)  # the version is the last row's seq
    log = _log(sessions)
    seqs = [seq for seq, _e, _b in log]
    assert seqs == list(range(seqs[0], seqs[0] + 5))
    assert [(e, b) for _s, e, b in log] == [
        ("item", None),
        ("reader", "CW01"),
        ("reader", "DH01"),
        ("item", None),
        ("item", None),
    ]
    assert (a.version, b.version) == (seqs[4], seqs[3])  # in memory, as in the database
    with sessions() as s:
        versions = {i: v for i, v in s.execute(select(m.Item.id, m.Item.version))}
        assert versions == {first: seqs[4], second: seqs[3]}
        assert s.get(m.Item, first).note == "one"  # type: ignore[union-attr]
    with parallel_writer(sessions, 2) as s:  # the next batch follows on
        record_change(s, "bib", "b-1")
    assert _log(sessions)[-1][0] == seqs[4] + 1


def test_a_deadlock_at_commit_is_contention_and_leaves_nothing(
    sessions: sessionmaker[Session],
) -> None:
    """Another transaction holds the commit lock and then wants a copy this push changed:
    this push's commit section detects the deadlock (it waits first), rolls back whole and
    says Contention (the server then redoes it serialised)."""
    item_id = _item(sessions, "B1")
    engine = sessions.kw["bind"]
    holding, go, errors = threading.Event(), threading.Event(), []

    def other() -> None:
        try:
            with engine.connect() as conn, conn.begin():
                conn.execute(text("SET LOCAL deadlock_timeout = '10s'"))  # we detect, not it
                conn.execute(lock_sql("pg_advisory_xact_lock"), {"lock": COMMIT_LOCK})
                holding.set()
                go.wait(30)
                time.sleep(0.3)  # the push is waiting for the commit lock by now
                conn.execute(text("UPDATE item SET note = 'other' WHERE id = :i"), {"i": item_id})
                conn.rollback()
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    thread = threading.Thread(target=other)
    thread.start()
    assert holding.wait(30)
    with pytest.raises(Contention), parallel_writer(sessions, 1) as s:
        s.execute(text("SET LOCAL deadlock_timeout = '1s'"))
        item = s.get(m.Item, item_id)
        assert item is not None
        item.note = "push"
        record_change(s, "item", item.uuid, target=item)
        go.set()
    thread.join(60)
    assert not errors
    assert _log(sessions) == []
    with sessions() as s:
        row = s.get(m.Item, item_id)
        assert row is not None and row.note is None and row.version == 0
