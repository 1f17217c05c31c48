"""Declarative base of every client table (the column types live in shuwu_shared.columns)."""

from __future__ import annotations

from sqlalchemy import MetaData, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from shuwu_shared.columns import NAMING, new_uuid


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
