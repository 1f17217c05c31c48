"""No network call runs inside a database transaction: the call number is reserved first.

Saving a new title asks the county for its 种次号 (``POST /v1/catalog/call-seq``). The real
county server is frozen (SIGSTOP: the socket accepts, nothing answers) while a save waits for
it, and another connection writes to the device's database meanwhile. It succeeds at once, so
the save holds no transaction (no write lock) during the network call, and no session holds a
pooled connection either. Thawed, the server's number is used; left frozen past the client's
timeout, the save falls back to the device's next number as before. Looking up an ISBN the
device lacks closes its local read's session before the county is asked, too.
"""

from __future__ import annotations

import signal
import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from app.models import Item, SyncState
from app.profile import Profile
from app.services import catalog_save
from app.services.catalog import CopyInput
from shuwu_shared.bib import BibData
from tests.sync.conftest import ServerProcess, needs_server

pytestmark = needs_server


def waiting_on(port: int) -> bool:
    """An open TCP connection to ``port`` (Linux /proc): the client is in its request."""
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        path = Path(table)
        if not path.exists():
            continue
        for line in path.read_text().splitlines()[1:]:
            fields = line.split()
            remote, state = fields[2], fields[3]
            if state == "01" and int(remote.rsplit(":", 1)[1], 16) == port:
                return True
    return False


class Lookup(threading.Thread):
    def __init__(self, profile: Profile, isbn: str) -> None:
        super().__init__(daemon=True)
        self.profile, self.isbn = profile, isbn
        self.result: Any = None
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            self.result = catalog_save.lookup_title(self.profile, self.isbn)
        except BaseException as exc:  # reported by the test
            self.error = exc


class Save(threading.Thread):
    def __init__(self, profile: Profile, title: str, clc: str, barcode: str) -> None:
        super().__init__(daemon=True)
        self.args = (profile, BibData(title=title, clc_class=clc), barcode)
        self.result: Any = None
        self.error: BaseException | None = None

    def run(self) -> None:
        profile, data, barcode = self.args
        try:
            self.result = catalog_save.save_title(
                profile, data, None, "manual", None, [CopyInput(barcode)]
            )
        except BaseException as exc:  # reported by the test
            self.error = exc


def write_from_another_connection(db: Path, value: str) -> float:
    """A write transaction on its own sqlite3 connection; seconds it took. A held write lock
    makes it fail after 0.5 s ("database is locked"). Then a full WAL checkpoint, which only
    completes when no other connection holds even a read transaction."""
    started = time.monotonic()
    conn = sqlite3.connect(db, timeout=0.5, isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute(
            "INSERT INTO sync_state (key, value) VALUES ('test_meanwhile', ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (value,),
        )
        conn.execute("COMMIT")
        took = time.monotonic() - started
        busy, _log, _done = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    finally:
        conn.close()
    assert busy == 0, "another connection holds a transaction open"
    return took


@pytest.fixture
def frozen(county: ServerProcess) -> Iterator[ServerProcess]:
    """The county server, to be stopped with SIGSTOP; always thawed again at the end."""
    yield county
    if county.proc is not None and county.proc.poll() is None:
        county.proc.send_signal(signal.SIGCONT)


def test_the_save_holds_no_transaction_while_the_county_answers(
    frozen: ServerProcess, make_device
) -> None:  # type: ignore[no-untyped-def]
    device: Profile = make_device()
    assert frozen.proc is not None
    # Online first: the county hands out the number.
    first = Save(device, "乡村故事", "I247.5", "V0010001")
    first.run()
    assert first.error is None
    assert first.result[1].seq_source == "county"

    # Frozen while the next save waits on it: another writer gets through meanwhile.
    frozen.proc.send_signal(signal.SIGSTOP)
    save = Save(device, "养鸡技术", "S831.4", "V0010002")
    save.start()
    deadline = time.monotonic() + 3
    while not waiting_on(frozen.port) and time.monotonic() < deadline:
        time.sleep(0.02)
    assert waiting_on(frozen.port), "the save never reached the county"
    took = write_from_another_connection(device.db_path, "during the call")
    assert took < 0.4
    assert device.engine.pool.checkedout() == 0  # not even a read session waits on the county
    assert save.is_alive()  # still waiting for the county's answer
    frozen.proc.send_signal(signal.SIGCONT)
    save.join(timeout=30)
    assert not save.is_alive() and save.error is None
    _bib, added = save.result
    assert added.seq_source == "county"
    assert added.items[0].call_number.startswith("S831.4/")

    # Frozen past the client's timeout: the device's own next number, as before.
    frozen.proc.send_signal(signal.SIGSTOP)
    offline = Save(device, "山里人家", "I247.5", "V0010003")
    offline.start()
    deadline = time.monotonic() + 3
    while not waiting_on(frozen.port) and time.monotonic() < deadline:
        time.sleep(0.02)
    assert write_from_another_connection(device.db_path, "during the timeout") < 0.4
    assert device.engine.pool.checkedout() == 0
    assert offline.is_alive()
    offline.join(timeout=30)
    frozen.proc.send_signal(signal.SIGCONT)
    assert offline.error is None
    assert offline.result[1].seq_source == "local"
    with device.sessions() as s:
        calls = sorted(s.scalars(select(Item.call_number)).all())
        meanwhile = s.get(SyncState, "test_meanwhile")
    first_seq = int(first.result[1].items[0].call_number.split("/")[1])
    assert calls == sorted(
        [
            f"I247.5/{first_seq}",
            added.items[0].call_number,
            f"I247.5/{first_seq + 1}",  # max(counter, numbers on items) + 1
        ]
    )
    assert meanwhile is not None and meanwhile.value == "during the timeout"

    # Looking up an ISBN the device does not have: no session open while the county answers.
    frozen.proc.send_signal(signal.SIGSTOP)
    lookup = Lookup(device, "9787020002207")
    lookup.start()
    deadline = time.monotonic() + 3
    while not waiting_on(frozen.port) and time.monotonic() < deadline:
        time.sleep(0.02)
    assert waiting_on(frozen.port), "the lookup never reached the county"
    assert write_from_another_connection(device.db_path, "during the lookup") < 0.4
    assert device.engine.pool.checkedout() == 0  # the local read's session is closed
    assert lookup.is_alive()
    frozen.proc.send_signal(signal.SIGCONT)
    lookup.join(timeout=60)
    assert not lookup.is_alive() and lookup.error is None
    assert lookup.result.source in ("union", "empty") and not lookup.result.offline
