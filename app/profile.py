"""A profile: one folder holding the branch's database, logs, backups and device secrets."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from app.device import settings
from app.models.db import DB_FILENAME, open_database
from app.paths import resolve_home
from shuwu_shared.clock import Clock, clock_from_env


@dataclass
class Profile:
    home: Path
    engine: Engine
    sessions: sessionmaker[Session]
    clock: Clock = field(default_factory=Clock)

    @property
    def db_path(self) -> Path:
        return self.home / DB_FILENAME

    @property
    def log_dir(self) -> Path:
        path = self.home / "logs"
        path.mkdir(exist_ok=True)
        return path

    def close(self) -> None:
        self.engine.dispose()


def open_profile(home: str | Path | None = None) -> Profile:
    """Open (creating and migrating if needed) the profile; ProfileError on bad folders/files."""
    path = resolve_home(home)
    engine, sessions = open_database(path)
    clock = clock_from_env()
    with sessions() as session:
        days = settings.get_float(session, settings.SIMULATED_DAYS, 0.0)
    if days:
        clock = clock.shifted(timedelta(days=days))
    return Profile(home=path, engine=engine, sessions=sessions, clock=clock)
