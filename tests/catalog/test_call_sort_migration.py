"""Migration 0900 recomputes every stored shelf-order key with shuwu_shared.domain.callnumber."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command

from app.models.db import APPLICATION_ID, alembic_config, make_engine
from app.profile import open_profile
from app.services.catalog_rules import call_sort_key
from shuwu_shared.domain.callnumber import sort_key

CALLS = ["I247.5/10", "I247.5/9", "I247.5/12:10", "I247.5/12:2", "I247.5", "not a number"]


def test_keys_written_before_0900_are_recomputed(tmp_path: Path) -> None:
    home = tmp_path / "p"
    home.mkdir()
    engine = make_engine(home / "shuwu.db")
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0800_merge")
        conn.exec_driver_sql(f"PRAGMA application_id={APPLICATION_ID}")  # a Shuwu profile
    engine.dispose()
    db = sqlite3.connect(home / "shuwu.db")
    db.execute(
        "INSERT INTO bib_record(id, uuid, title, source, created_at, updated_at, server_version)"
        " VALUES (1, 'b1', '红楼梦', 'manual', '2026-01-01', '2026-01-01', 0)"
    )
    for n, call in enumerate(CALLS, start=1):
        db.execute(
            "INSERT INTO item(id, uuid, barcode, bib_id, call_number, call_sort_key, status,"
            " home_branch_code, current_branch_code, created_at, updated_at, server_version)"
            " VALUES (?, ?, ?, 1, ?, 'old-style key', 'available', 'V001', 'V001',"
            " '2026-01-01', '2026-01-01', 0)",
            (n, f"i{n}", f"B{n:04d}", call),
        )
    db.commit()
    db.close()

    open_profile(home).close()  # opening migrates to the newest revision

    db = sqlite3.connect(home / "shuwu.db")
    stored = dict(db.execute("SELECT call_number, call_sort_key FROM item"))
    shelf = [c for (c,) in db.execute("SELECT call_number FROM item ORDER BY call_sort_key")]
    db.close()
    assert stored == {call: sort_key(call) for call in CALLS}
    assert all(stored[call] == call_sort_key(call) for call in CALLS)
    assert shelf == [
        "I247.5", "I247.5/9", "I247.5/10", "I247.5/12:2", "I247.5/12:10", "not a number"
    ]  # fmt: skip
