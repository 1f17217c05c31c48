"""County-scale benchmark data: a real, migrated client profile filled by bulk inserts.

Built once per (scale, generator version) under bench/data/ and reused by later runs; the
build time itself is reported (it is a realistic "initial import" figure too).
"""

from __future__ import annotations

import functools
import shutil
import sqlite3
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from app.profile import open_profile
from app.services import settings
from app.services.catalog_rules import bigram_text, pinyin_keys
from shuwu_shared.demo import DemoCounty, generate

DATA_DIR = Path(__file__).resolve().parent / "data"
DATASET_VERSION = 3  # 3: call_sort_key from shuwu_shared.domain.callnumber
FULL = {"titles": 300_000, "items": 500_000, "readers": 30_000, "loans": 200_000}
BENCH_BRANCH = "LC"


@dataclass(frozen=True)
class Dataset:
    home: Path
    db_path: Path
    scale: str
    counts: dict[str, int]
    build_seconds: float
    county: DemoCounty | None  # None when reused from disk


def sizes(quick: bool) -> dict[str, int]:
    return {k: v // 10 for k, v in FULL.items()} if quick else dict(FULL)


def _ts(value: datetime | None) -> str | None:
    if value is None:
        return None
    return value.astimezone(UTC).replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f")


@functools.cache
def _keys(text: str) -> str:
    return " ".join(pinyin_keys(text))


def _load(conn: sqlite3.Connection, county: DemoCounty) -> None:
    now = _ts(datetime.now(UTC))
    conn.executemany(
        "INSERT INTO branch(uuid, server_version, code, name, kind, parent_code,"
        " barcode_range_start, barcode_range_end) VALUES (?,1,?,?,?,?,?,?)",
        [
            (b.uuid, b.code, b.name, b.kind, b.parent_code, b.barcode_range_start,
             b.barcode_range_end)
            for b in county.branches
        ],
    )  # fmt: skip
    conn.executemany(
        "INSERT INTO circulation_policy(uuid, server_version, reader_type, label, loan_days,"
        " max_items, max_renewals, renew_days) VALUES (?,1,?,?,?,?,?,?)",
        [
            (p.uuid, p.reader_type, p.label, p.loan_days, p.max_items, p.max_renewals,
             p.renew_days)
            for p in county.policies
        ],
    )  # fmt: skip
    bib_rows = []
    for n, b in enumerate(county.bibs, start=1):
        keys = f"{_keys(b.title)} {_keys(b.author)}".strip()
        bib_rows.append(
            (n, b.uuid, b.isbn, b.title, b.author, b.publisher, b.pub_place, b.pub_year,
             b.pages, b.price, b.clc_class, keys, now, now)
        )  # fmt: skip
    conn.executemany(
        "INSERT INTO bib_record(id, uuid, server_version, isbn, title, author, publisher,"
        " pub_place, pub_year, pages, price, clc_class, search_keys, source, created_at,"
        " updated_at) VALUES (?,?,1,?,?,?,?,?,?,?,?,?,?,'union',?,?)",
        bib_rows,
    )
    conn.executemany(
        "INSERT INTO fts_bib_bigram(rowid, grams) VALUES (?, ?)",
        [(r[0], bigram_text(r[3], r[4], r[5]) + " " + r[11]) for r in bib_rows],
    )
    bib_id = {b.uuid: n for n, b in enumerate(county.bibs, start=1)}
    from app.services.catalog_rules import call_sort_key

    conn.executemany(
        "INSERT INTO item(id, uuid, server_version, barcode, bib_id, call_number, call_sort_key,"
        " shelf_location, status, home_branch_code, current_branch_code, price, acquired_on,"
        " created_at, updated_at) VALUES (?,?,1,?,?,?,?,?,?,?,?,?,?,?,?)",
        [
            (n, i.uuid, i.barcode, bib_id[i.bib_uuid], i.call_number, call_sort_key(i.call_number),
             i.shelf_location, i.status, i.home_branch, i.current_branch, i.price,
             i.acquired_on.isoformat(), now, now)
            for n, i in enumerate(county.items, start=1)
        ],
    )  # fmt: skip
    conn.executemany(
        "INSERT INTO reader(id, uuid, server_version, card, card_provisional, name, gender,"
        " birth_year, phone, reader_type, home_branch_code, status, registered_at, updated_at)"
        " VALUES (?,?,1,?,0,?,?,?,?,?,?,'active',?,?)",
        [
            (n, r.uuid, r.card, r.name, r.gender, r.birth_year, r.phone, r.reader_type,
             r.home_branch, _ts(r.registered_at), now)
            for n, r in enumerate(county.readers, start=1)
        ],
    )  # fmt: skip
    item_id = {i.uuid: n for n, i in enumerate(county.items, start=1)}
    reader_id = {r.uuid: n for n, r in enumerate(county.readers, start=1)}
    conn.executemany(
        "INSERT INTO loan(uuid, server_version, item_id, reader_id, branch_code, checkout_at,"
        " due_at, returned_at, renewals) VALUES (?,1,?,?,?,?,?,?,?)",
        [
            (loan.uuid, item_id[loan.item_uuid], reader_id[loan.reader_uuid], loan.branch,
             _ts(loan.checkout_at), _ts(loan.due_at), _ts(loan.returned_at), loan.renewals)
            for loan in county.loans
        ],
    )  # fmt: skip


def build(quick: bool, fresh: bool = False) -> Dataset:
    scale = "quick" if quick else "full"
    counts = sizes(quick)
    home = DATA_DIR / f"profile-{scale}-v{DATASET_VERSION}"
    db_path = home / "shuwu.db"
    if db_path.exists() and not fresh:
        return Dataset(home, db_path, scale, counts, 0.0, None)
    if home.exists():
        shutil.rmtree(home)
    start = time.perf_counter()
    county = generate(
        seed=2020,
        titles=counts["titles"],
        items=counts["items"],
        readers=counts["readers"],
        loans=counts["loans"],
        villages_per_township=27,
    )
    profile = open_profile(home)
    with profile.sessions() as session, session.begin():
        settings.put(session, settings.BRANCH_CODE, BENCH_BRANCH)
        settings.put(session, settings.BRANCH_NAME, county.branch(BENCH_BRANCH).name)
    profile.close()
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA journal_mode=WAL")
    with conn:
        _load(conn, county)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("ANALYZE")
    conn.close()
    return Dataset(home, db_path, scale, counts, time.perf_counter() - start, county)


def copy_of(dataset: Dataset, target: Path) -> Path:
    """A private copy for workloads that write (checkout), so the cached data stays pristine."""
    target.mkdir(parents=True, exist_ok=True)
    src = sqlite3.connect(dataset.db_path)
    dst = sqlite3.connect(target / "shuwu.db")
    src.backup(dst)
    src.close()
    dst.close()
    return target
