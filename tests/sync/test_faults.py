"""Fault tests with the real county server on loopback (SQLite and PostgreSQL).

After each fault, every operation made offline is on the server exactly once and the client
and the server agree (tests/sync/helpers.py::assert_agree).
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time

import pytest

from app.device.transport import TransportConfig
from app.sync import engine
from app.sync.engine import sync_once
from shuwu_shared.errors import ServerUnreachable

from .helpers import (
    FAST,
    assert_agree,
    local_ops,
    offline_work,
    register,
    sync_until_done,
)
from .proxy import FaultProxy


@pytest.fixture
def proxied(county):  # type: ignore[no-untyped-def]
    proxy = FaultProxy(county.port)
    yield proxy
    proxy.close()


def test_dropped_before_and_after_the_server_committed(county, proxied, make_device):
    device = make_device(url=proxied.url)
    sync_once(device, config=FAST)
    offline_work(device)
    proxied.add_fault("/v1/ops/push", "drop_before")
    proxied.add_fault("/v1/ops/push", "drop_after")
    proxied.add_fault("/v1/changes", "drop_after")
    result = sync_once(device, config=FAST)
    assert proxied.count("/v1/ops/push") >= 3
    assert result.pending == 0 and result.rejected == 0
    assert result.duplicates >= 1  # the batch whose reply was lost came back as "duplicate"
    assert_agree(device, county.db)


def test_link_down_for_longer_than_the_retries(county, proxied, make_device):
    device = make_device(url=proxied.url)
    sync_once(device, config=FAST)
    offline_work(device)
    proxied.add_fault("/v1/ops/push", "drop_after", times=20)
    with pytest.raises(ServerUnreachable):
        sync_once(device, config=FAST)
    assert set(local_ops(device).values()) == {"pending"}  # not acked without a reply
    proxied.faults.clear()
    result = sync_once(device, config=FAST)
    assert result.pending == 0 and result.pushed == result.duplicates > 0
    assert_agree(device, county.db)


def test_duplicate_requests(county, proxied, make_device):
    device = make_device(url=proxied.url)
    sync_once(device, config=FAST)
    offline_work(device)
    proxied.add_fault("/v1/ops/push", "duplicate", times=5)
    proxied.add_fault("/v1/changes", "duplicate", times=5)
    result = sync_once(device, config=FAST)
    assert result.duplicates == result.pushed > 0  # the client saw the replay's answers
    assert_agree(device, county.db)


def test_slow_link_16_kb_per_second(county, make_device):
    proxy = FaultProxy(county.port, rate=16 * 1024)
    try:
        device = make_device(url=proxy.url)
        first = sync_once(device, config=FAST)  # initial sync of the county index, slowly
        assert first.pulled > 0
        offline_work(device)
        result = sync_once(device, config=FAST)
        assert result.pending == 0
        assert_agree(device, county.db)
    finally:
        proxy.close()


def test_server_killed_mid_batch_and_restarted(county, proxied, make_device, monkeypatch):
    monkeypatch.setattr(engine, "PUSH_BATCH", 200)
    device = make_device(url=proxied.url)
    sync_once(device, config=FAST)
    offline_work(device, readers_n=260, cycles=2)  # > 1 batch of 200
    pushes = []

    def kill_on_second_push(path: str) -> None:
        if path.startswith("/v1/ops/push"):
            pushes.append(path)
            if len(pushes) == 2:
                threading.Timer(0.05, county.kill).start()

    proxied.on_request = kill_on_second_push
    with pytest.raises(ServerUnreachable):
        sync_once(device, config=TransportConfig(retries=1, backoff_base=0.05, backoff_cap=0.1))
    proxied.on_request = None
    county.start()
    sync_until_done(device)
    assert_agree(device, county.db)


def test_outbox_split_by_size(county, proxied, make_device, monkeypatch):
    """Batches stay under the server's body limit even when many ops would fit by count."""
    monkeypatch.setattr(engine, "PUSH_BYTES", 4096)
    device = make_device(url=proxied.url)
    sync_once(device, config=FAST)
    offline_work(device, readers_n=20, cycles=2)
    before = proxied.count("/v1/ops/push")
    result = sync_once(device, config=FAST)
    assert result.pending == 0 and result.rejected == 0 and result.pushed == len(local_ops(device))
    assert proxied.count("/v1/ops/push") - before >= 3
    assert_agree(device, county.db)


def test_client_killed_at_random_points(county, make_device):
    device = make_device()
    sync_once(device, config=FAST)
    offline_work(device, readers_n=120, cycles=3)
    rng = random.Random(1234)
    env = {**os.environ, "SHUWU_CREDENTIALS": "file"}
    for round_no in range(12):
        proc = subprocess.Popen(
            [sys.executable, "-m", "app", "sync", "--home", str(device.home), "--json"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(0.05, 1.2))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        if round_no % 4 == 3:
            register(device, 5)  # the desk keeps working meanwhile
    result = sync_until_done(device)
    assert result.pending == 0
    assert_agree(device, county.db)


def test_device_clock_wrong_by_days(county, make_device, monkeypatch):
    monkeypatch.setenv("SHUWU_CLOCK_OFFSET_DAYS", "-3")  # the PC thinks it is 3 days ago
    device = make_device()
    first = sync_once(device, config=FAST)
    assert first.clock_warning and first.clock_offset_ms > 2.9 * 86_400_000
    offline_work(device)
    result = sync_once(device, config=FAST)  # never refused for the clock
    assert result.pending == 0 and result.clock_warning
    assert_agree(device, county.db)
    # the CLI reports it too, in a subprocess with the same wrong clock
    proc = subprocess.run(
        [sys.executable, "-m", "app", "sync", "--home", str(device.home), "--json"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "SHUWU_CREDENTIALS": "file"},
    )
    assert proc.returncode == 0, proc.stderr
    assert '"clock_warning": true' in proc.stdout
