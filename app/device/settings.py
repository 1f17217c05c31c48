"""Typed access to the profile's key/value settings (app_setting table).

Below the services and the sync engine (app.profile reads the language and font size here);
``app.services.settings`` re-exports it for the services and the screens.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.device.branch import BRANCH_CODE as BRANCH_CODE  # spelled once, in app.device
from app.device.branch import BRANCH_NAME as BRANCH_NAME
from app.models import AppSetting

LANGUAGE = "language"
FONT_SIZE = "font_size"
TRAINING_MODE = "training_mode"
SIMULATED_DAYS = "simulated_days"  # training mode's date shift, in days


def get(session: Session, key: str, default: str | None = None) -> str | None:
    row = session.get(AppSetting, key)
    return row.value if row is not None else default


def get_float(session: Session, key: str, default: float) -> float:
    raw = get(session, key)
    try:
        return float(raw) if raw is not None else default
    except ValueError:
        return default


def get_bool(session: Session, key: str) -> bool:
    return get(session, key) == "1"


def is_training(session: Session) -> bool:
    """This profile is a training copy (培训模式): the demo village, a practice server."""
    return get_bool(session, TRAINING_MODE)


def put(session: Session, key: str, value: str | int | float | bool) -> None:
    text = ("1" if value else "0") if isinstance(value, bool) else str(value)
    row = session.get(AppSetting, key)
    if row is None:
        session.add(AppSetting(key=key, value=text))
    else:
        row.value = text
