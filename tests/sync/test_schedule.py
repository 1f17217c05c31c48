"""Auto-sync timing: regular interval when healthy; bounded, jittered backoff after failures."""

from __future__ import annotations

import random

from app.sync.schedule import AutoSyncSchedule


def test_due_at_start_and_not_while_running():
    schedule = AutoSyncSchedule(interval_s=300)
    assert schedule.due(0.0)
    schedule.started()
    assert not schedule.due(1000.0)
    assert schedule.finished(10.0, ok=True) == 300
    assert not schedule.due(309.0)
    assert schedule.due(310.0)


def test_failures_back_off_with_jitter_and_are_capped():
    schedule = AutoSyncSchedule(interval_s=300, first_retry_s=30, rng=random.Random(7))
    delays = []
    for _ in range(8):
        schedule.started()
        delays.append(schedule.finished(0.0, ok=False))
    # Each delay lies in [base/2, base] with base doubling from 30 s up to the interval.
    for n, delay in enumerate(delays):
        base = min(300, 30 * 2**n)
        assert base / 2 <= delay <= base
    assert max(delays) <= 300
    schedule.started()
    assert schedule.finished(0.0, ok=True) == 300
    assert schedule.failures == 0
