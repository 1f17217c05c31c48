"""Engine, sessions and the writer lock, identical on SQLite and PostgreSQL."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

DEFAULT_DB_ENV = "SHUWU_SERVER_DB"
# Arbitrary constant: the advisory lock that serialises writers (and so change_log seqs).
WRITER_LOCK_KEY = 7_461_001

_sqlite_writer = threading.Lock()


def default_db_url() -> str:
    return os.environ.get(DEFAULT_DB_ENV) or "sqlite:///shuwu-server.db"


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


def make_engine(db_url: str) -> Engine:
    if db_url.startswith("sqlite"):
        engine = create_engine(db_url, connect_args={"timeout": 60, "check_same_thread": False})

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_conn: Any, _record: Any) -> None:
            # Let SQLAlchemy drive transactions so SAVEPOINT and BEGIN IMMEDIATE work.
            dbapi_conn.isolation_level = None
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=FULL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA busy_timeout=60000")
            cur.close()

        @event.listens_for(engine, "begin")
        def _on_begin(conn: Any) -> None:
            # Take the write lock at BEGIN: no deadlock-prone lock upgrades between writers.
            conn.exec_driver_sql("BEGIN IMMEDIATE")

        return engine
    return create_engine(db_url, pool_size=20, max_overflow=40, pool_pre_ping=True)


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def writer(sessions: sessionmaker[Session]) -> Iterator[Session]:
    """One write transaction, serialised against every other writer.

    PostgreSQL: ``pg_advisory_xact_lock`` held until commit, so change_log seqs are assigned and
    committed in the same order and a feed cursor never skips a late-committing lower seq.
    SQLite: one writer at a time anyway (BEGIN IMMEDIATE); the thread lock avoids busy waits.
    """
    engine = sessions.kw["bind"]
    if is_sqlite(engine):
        with _sqlite_writer, sessions() as session, session.begin():
            yield session
    else:
        with sessions() as session, session.begin():
            session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": WRITER_LOCK_KEY})
            yield session
