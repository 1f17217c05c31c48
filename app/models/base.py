"""Declarative base and column helpers shared by every client table."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import DateTime, MetaData, String, TypeDecorator
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Stable constraint names so Alembic migrations stay reproducible.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes in Python, naive UTC in SQLite (which keeps no zone)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        assert isinstance(value, datetime)
        return value.replace(tzinfo=UTC)


def new_uuid() -> str:
    return str(uuid.uuid4())


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class SyncedMixin:
    """Rows that travel between devices carry a stable UUID, not only a local integer key.

    ``server_version`` is the server's change-feed sequence of the last applied server state
    (0 = never seen by the server).
    """

    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    server_version: Mapped[int] = mapped_column(default=0)


# Tables whose names start with this are SQLite FTS5 indexes (virtual + shadow tables) made by
# hand in migrations; Alembic autogenerate and the model/migration check ignore them.
FTS_TABLE_PREFIX = "fts_"


def alembic_include_name(name: str | None, type_: str, _parent_names: object) -> bool:
    """Alembic ``include_name`` hook: leave the hand-made FTS5 tables alone."""
    return not (type_ == "table" and name is not None and name.startswith(FTS_TABLE_PREFIX))
