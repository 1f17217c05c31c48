"""Raw database failures in words: the UI and the CLI recognise app.errors classes only.

A damaged file ("database disk image is malformed") or a refused write (read-only, full
disk, locked) reaches the surfaces as a ShuwuError, so no widget needs sqlalchemy.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import sqlalchemy.exc

from app.models.db import DB_FILENAME, plain_reason
from app.models.integrity import damage_message, is_damage
from shuwu_shared.errors import DatabaseDamaged, DatabaseError, ShuwuError
from shuwu_shared.i18n import _


def damaged_message() -> str:
    """How to recover a damaged profile database (the file named as the profile names it)."""
    return damage_message(Path(DB_FILENAME))


def as_domain_error(exc: BaseException) -> BaseException:
    """The app.errors exception a raw database error means; other exceptions unchanged."""
    if isinstance(exc, ShuwuError):
        return exc
    if is_damage(exc):
        return DatabaseDamaged(damaged_message(), code="database_damaged")
    if isinstance(exc, (sqlite3.OperationalError, sqlalchemy.exc.OperationalError)):
        # read-only file, full disk, locked: in words, never the SQL statement
        return DatabaseError(
            _("The database could not be changed: {reason}. Nothing was saved.").format(
                reason=plain_reason(exc)
            ),
            code="database_error",
        )
    return exc
