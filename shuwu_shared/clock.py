"""The one source of "now" for business logic.

Training mode and tests move the date forward; the device's own wall clock may also be wrong,
so services never call datetime.now() directly.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta


@dataclass(frozen=True)
class Clock:
    """Wall time shifted by ``offset`` (training mode's simulated date, or tests)."""

    offset: timedelta = timedelta(0)

    def now(self) -> datetime:
        return datetime.now(UTC) + self.offset

    def wall_ms(self) -> int:
        """The device's own (possibly wrong) wall time in ms, as sent to the server."""
        return int(time.time() * 1000 + self.offset.total_seconds() * 1000)

    def shifted(self, delta: timedelta) -> Clock:
        return Clock(self.offset + delta)


def clock_from_env() -> Clock:
    """SHUWU_CLOCK_OFFSET_DAYS lets scripted tests and trainers run "days later"."""
    days = os.environ.get("SHUWU_CLOCK_OFFSET_DAYS")
    return Clock(timedelta(days=float(days))) if days else Clock()


def utcnow() -> datetime:
    return datetime.now(UTC)
