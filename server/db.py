"""Engine, sessions and the writer lock, identical on SQLite and PostgreSQL."""

from __future__ import annotations

import functools
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import TextClause, create_engine, event, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

DEFAULT_DB_ENV = "SHUWU_SERVER_DB"
# Advisory locks, named and scoped to the schema the server runs in: two county servers (a
# training and a production one, or parallel test workers) sharing one PostgreSQL database in
# different schemas never wait for each other. WRITER_LOCK: taken exclusively by a serialised
# writer for its whole transaction, shared by parallel pushers (so a serialised writer still
# runs alone). COMMIT_LOCK: the short critical section that hands out change_log seqs in commit
# order. DEVICE_LOCK + device id: one push per device at a time.
WRITER_LOCK = "shuwu:writer"
COMMIT_LOCK = "shuwu:commit"
DEVICE_LOCK = "shuwu:device:"
MIGRATION_LOCK = "shuwu:migrate"


def lock_sql(function: str) -> TextClause:
    """``SELECT function(key)`` for a named, schema-scoped advisory lock (bind ``:lock``)."""
    return text(f"SELECT {function}(hashtextextended(current_schema() || ':' || :lock, 0))")


# Deadlock, serialization failure, unique violation: a parallel attempt met another writer.
_CONTENTION = frozenset({"40P01", "40001", "23505"})

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
    _tune_psycopg()
    return create_engine(db_url, pool_size=20, max_overflow=40, pool_pre_ping=True)


# psycopg parses every statement's ``%(name)s`` placeholders in Python and caches the result
# only for statements under 4 KiB and 50 parameters, in 128 entries. The ORM's multi-row
# INSERTs (a push's new readers, loans, events: one statement text per row count) are larger:
# parsing one of 50 readers costs about 3 ms of CPU, on every push, under the interpreter lock
# every push shares. A larger cache of larger statements parses each text once.
_PSYCOPG_CACHE = 256
_PSYCOPG_STATEMENT_LENGTH = 64 * 1024
_PSYCOPG_STATEMENT_PARAMS = 2000


def _tune_psycopg() -> None:
    """Best effort: a psycopg without these module attributes is left as it is."""
    try:
        from psycopg import _queries as queries
    except ImportError:
        return
    names = ("MAX_CACHED_STATEMENT_LENGTH", "MAX_CACHED_STATEMENT_PARAMS", "_query2pg")
    if not all(hasattr(queries, n) for n in names) or not hasattr(queries, "_query2pg_nocache"):
        return
    if getattr(queries._query2pg, "shuwu_tuned", False):
        return
    cached = functools.lru_cache(maxsize=_PSYCOPG_CACHE)(queries._query2pg_nocache)
    cached.shuwu_tuned = True  # type: ignore[attr-defined]
    queries._query2pg = cached
    queries.MAX_CACHED_STATEMENT_LENGTH = _PSYCOPG_STATEMENT_LENGTH
    queries.MAX_CACHED_STATEMENT_PARAMS = _PSYCOPG_STATEMENT_PARAMS


SERIAL_PUSH_ENV = "SHUWU_SERIAL_PUSH"


def supports_parallel(sessions: sessionmaker[Session]) -> bool:
    """PostgreSQL, unless ``SHUWU_SERIAL_PUSH=1`` (the benchmark's before/after comparison)."""
    return not is_sqlite(sessions.kw["bind"]) and os.environ.get(SERIAL_PUSH_ENV) != "1"


class Contention(Exception):
    """A parallel push met another writer (deadlock, duplicate key): redo it serialised."""


def _sqlstate(exc: DBAPIError) -> str | None:
    orig = exc.orig
    code = getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None)
    return code if isinstance(code, str) else None


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
            session.execute(lock_sql("pg_advisory_xact_lock"), {"lock": WRITER_LOCK})
            yield session


@contextmanager
def parallel_writer(sessions: sessionmaker[Session], device_id: int) -> Iterator[Session]:
    """A push transaction that runs beside other pushes (PostgreSQL only).

    It holds the writer lock shared (serialised writers wait for it, it waits for them) and the
    lock of its device (one push per device). Rows it may change are locked by the caller
    (``server.ops.rowlocks``); seqs are handed out at commit (``changebuf.finish``), so the feed
    stays commit-ordered. A deadlock or a duplicate key raised by a concurrent writer becomes
    ``Contention``: nothing of the attempt stays, and the caller redoes it under ``writer``.
    """
    from server import changebuf

    try:
        with sessions() as session, session.begin():
            session.execute(lock_sql("pg_advisory_xact_lock_shared"), {"lock": WRITER_LOCK})
            session.execute(
                lock_sql("pg_advisory_xact_lock"), {"lock": f"{DEVICE_LOCK}{device_id}"}
            )
            with changebuf.deferred(session) as buffer:
                yield session
                changebuf.finish(session, buffer, COMMIT_LOCK)
    except DBAPIError as exc:
        if _sqlstate(exc) in _CONTENTION:
            raise Contention(str(exc.orig)) from exc
        raise
