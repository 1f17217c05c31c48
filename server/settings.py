"""Server-wide settings kept in the database (training flag, ...)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from server import models as m

TRAINING = "training"


def get(session: Session, key: str, default: str | None = None) -> str | None:
    row = session.get(m.ServerSetting, key)
    return row.value if row is not None else default


def put(session: Session, key: str, value: str) -> None:
    row = session.get(m.ServerSetting, key)
    if row is None:
        session.add(m.ServerSetting(key=key, value=value))
    else:
        row.value = value


def is_training(session: Session) -> bool:
    return get(session, TRAINING) == "1"
