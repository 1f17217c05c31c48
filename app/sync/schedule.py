"""When to sync automatically (Qt-free; the GUI ticks it from a QTimer).

Every ``interval`` while things go well; after a failure, sooner but backing off
exponentially with jitter (so a village PC that just got its mobile link back syncs within a
minute, and 300 villages don't all retry in the same second).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field


@dataclass
class AutoSyncSchedule:
    interval_s: float = 300.0
    first_retry_s: float = 30.0
    rng: random.Random = field(default_factory=random.Random)
    failures: int = 0
    next_at: float = 0.0  # monotonic seconds; 0 = as soon as possible
    running: bool = False

    def due(self, now: float) -> bool:
        return not self.running and now >= self.next_at

    def started(self) -> None:
        self.running = True

    def finished(self, now: float, ok: bool) -> float:
        """Record the outcome; returns the delay until the next attempt."""
        self.running = False
        if ok:
            self.failures = 0
            delay = self.interval_s
        else:
            self.failures += 1
            base = min(self.interval_s, self.first_retry_s * 2 ** (self.failures - 1))
            delay = base / 2 + self.rng.uniform(0, base / 2)
        self.next_at = now + delay
        return delay

    def skip(self, now: float) -> None:
        """Not enrolled or a sync ran on demand: try again after a full interval."""
        self.running = False
        self.next_at = now + self.interval_s
