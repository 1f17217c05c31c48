"""Failed-attempt limits for enrolment: a one-time code is short, so guessing must be slow.

In memory, per server process (the county runs one): a client address or a code that failed
too often within the window is answered 429 until the window has passed.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable

# Failures allowed within WINDOW_S, per client address and per code.
PER_ADDRESS = 20
PER_CODE = 5
WINDOW_S = 600.0
_MAX_KEYS = 100_000  # a flood of distinct keys must not grow memory without bound


class FailureLimiter:
    def __init__(
        self,
        limit: int,
        window_s: float = WINDOW_S,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.limit = limit
        self.window_s = window_s
        self.clock = clock
        self._failures: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, key: str, now: float) -> deque[float] | None:
        times = self._failures.get(key)
        if times is None:
            return None
        while times and now - times[0] >= self.window_s:
            times.popleft()
        if not times:
            del self._failures[key]
            return None
        return times

    def retry_after(self, key: str) -> int:
        """Seconds until ``key`` may try again; 0 when it may now."""
        with self._lock:
            now = self.clock()
            times = self._recent(key, now)
            if times is None or len(times) < self.limit:
                return 0
            return max(1, int(times[0] + self.window_s - now) + 1)

    def failed(self, key: str) -> None:
        with self._lock:
            now = self.clock()
            if len(self._failures) >= _MAX_KEYS:
                for old in [k for k in list(self._failures) if self._recent(k, now) is None]:
                    self._failures.pop(old, None)
                if len(self._failures) >= _MAX_KEYS:
                    self._failures.pop(next(iter(self._failures)))
            self._failures.setdefault(key, deque()).append(now)
