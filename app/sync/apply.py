"""Applying one page of the server's change feed to the local database, fast and idempotently.

Rows are matched by UUID; ``*_uuid`` references become local integer ids; county codes keep
their client column names. Writes use Core ``executemany`` (an initial sync loads hundreds of
thousands of rows). Rows that a pending local op is about to change are left alone: the server
echoes them back after it applied our op, so the cashier's newest scan is never overwritten
by older server state.

A row that cannot be applied yet (its reader has not arrived, a local constraint clashes, an
entity this version does not know) is never dropped: it is kept in ``sync_state`` with the
reason, tried again with every later page (a newer change of the same row replaces it), and
counted on the Sync screen and by ``shuwu sync`` until it applies.
"""

from __future__ import annotations

import functools
import json
import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Date, Table, bindparam, delete, insert, select, text, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.device import state
from app.models import (
    BibRecord,
    Branch,
    CirculationPolicy,
    CreditEntry,
    CreditRules,
    Item,
    Loan,
    OutboxOp,
    Reader,
    ShelfLocation,
    SyncException,
)
from app.models.base import Base
from shuwu_shared.columns import UTCDateTime
from shuwu_shared.protocol.marcwire import received_marc

log = logging.getLogger(__name__)

# Dependency order: referenced rows first, so one page can carry a bib and its copies.
ENTITY_MODELS: dict[str, type[Base]] = {
    "branch": Branch,
    "policy": CirculationPolicy,
    "credit_rules": CreditRules,
    "shelf_location": ShelfLocation,
    "bib": BibRecord,
    "reader": Reader,
    "item": Item,
    "loan": Loan,
    "credit_entry": CreditEntry,
    "exception": SyncException,
}
# Wire name → client column, where the feed uses the short form.
RENAMES = {
    "home_branch": "home_branch_code",
    "current_branch": "current_branch_code",
    "branch": "branch_code",
    "return_branch": "return_branch_code",
}
# Wire reference → (client column, referenced model).
REFERENCES: dict[str, tuple[str, type[Base]]] = {
    "bib_uuid": ("bib_id", BibRecord),
    "item_uuid": ("item_id", Item),
    "reader_uuid": ("reader_id", Reader),
}
# Columns this device computes (or, for ``marc``, may hold before the county has the source
# record): never overwritten with nothing.
LOCAL_ONLY = {"id", "search_keys", "call_sort_key", "name_search_keys", "marc"}
SOURCE_FLAGS = ("bad_isbn", "other_class")  # describe the source MARC record (bib_record.marc)
CHUNK = 500
PARKED = "parked_changes"  # sync_state key: the changes waiting to be applied
DELETE_GRAMS = text("DELETE FROM fts_bib_bigram WHERE rowid = :id")
INSERT_GRAMS = text("INSERT INTO fts_bib_bigram(rowid, grams) VALUES (:id, :grams)")


@dataclass
class PageStats:
    applied: int = 0
    deleted: int = 0
    skipped_pending: int = 0
    skipped_older: int = 0  # changes older than the row here (already newer from a snapshot)
    skipped_bad: int = 0  # changes of this call that could not be applied (kept, retried)
    new_exceptions: int = 0
    waiting: int = 0  # all changes kept for a retry after this call


@dataclass(frozen=True)
class WaitingChange:
    """A change from the county this computer could not apply yet."""

    entity: str
    uuid: str
    reason: str  # unknown_reference | local_constraint | unknown_entity
    since: str  # ISO UTC of the first failed attempt
    tries: int


def _load_parked(session: Session) -> dict[str, dict[str, Any]]:
    raw = state.get(session, PARKED)
    if not raw:
        return {}
    try:
        found = json.loads(raw)
    except ValueError:
        log.error("the kept feed changes are unreadable; they are tried no more")
        return {}
    return found if isinstance(found, dict) else {}


def _key(change: dict[str, Any]) -> str:
    return f"{change.get('entity')}:{change.get('uuid')}"


def waiting_changes(session: Session) -> list[WaitingChange]:
    """What the Sync screen and ``shuwu sync`` list: feed changes not applied yet."""
    out = []
    for entry in _load_parked(session).values():
        change = entry.get("change") or {}
        out.append(
            WaitingChange(
                str(change.get("entity")),
                str(change.get("uuid")),
                str(entry.get("reason")),
                str(entry.get("since")),
                int(entry.get("tries") or 0),
            )
        )
    return sorted(out, key=lambda w: w.since)


def waiting_count(session: Session) -> int:
    return len(_load_parked(session))


def table_of(model: type[Base]) -> Table:
    table = model.__table__
    assert isinstance(table, Table)
    return table


def pending_uuids(session: Session) -> set[str]:
    """UUIDs that unsent local ops refer to (their rows must not be overwritten by a pull)."""
    found: set[str] = set()
    for payload in session.scalars(select(OutboxOp.payload).where(OutboxOp.state == "pending")):
        if not isinstance(payload, dict):
            continue
        for key, value in payload.items():
            if key.endswith("_uuid") and isinstance(value, str):
                found.add(value)
            elif key.endswith("_uuids") and isinstance(value, list):
                found.update(v for v in value if isinstance(v, str))
    return found


def begin_now(session: Session) -> None:
    """Open SQLite's transaction now, with the write lock (``BEGIN IMMEDIATE``).

    pysqlite begins a transaction only before an INSERT, UPDATE or DELETE: a SAVEPOINT that
    comes first (``apply_page`` has one per entity) is a transaction of its own, committed and
    synced to disk at its RELEASE. Begun here, a page and its cursor commit once, together.
    """
    conn = session.connection()
    raw = conn.connection.dbapi_connection
    if conn.dialect.name == "sqlite" and not getattr(raw, "in_transaction", True):
        conn.exec_driver_sql("BEGIN IMMEDIATE")


def _versions(session: Session, table: Table, existing: dict[str, int]) -> dict[str, int]:
    """The county version (change seq) each existing row was last written with."""
    if "server_version" not in table.c or not existing:
        return {}
    ids = list(existing.values())
    out: dict[str, int] = {}
    for start in range(0, len(ids), CHUNK):
        rows = session.execute(
            select(table.c.uuid, table.c.server_version).where(
                table.c.id.in_(ids[start : start + CHUNK])
            )
        )
        out.update({u: int(v or 0) for u, v in rows})
    return out


def uuid_ids(session: Session, table: Table, uuids: Iterable[str]) -> dict[str, int]:
    """Local ids of the rows with these uuids (chunked IN queries); unknown uuids are absent."""
    wanted = list(dict.fromkeys(uuids))
    out: dict[str, int] = {}
    for start in range(0, len(wanted), CHUNK):
        chunk = wanted[start : start + CHUNK]
        rows = session.execute(select(table.c.uuid, table.c.id).where(table.c.uuid.in_(chunk)))
        out.update({u: i for u, i in rows})
    return out


def _parse_datetime(value: Any) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    parsed = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _parse_date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


@functools.cache
def _converters(table: Table) -> dict[str, Callable[[Any], Any] | None]:
    """Each column of ``table`` by name, with how a wire value becomes its value (None: as is);
    once per table, not per value (a feed page converts thousands)."""
    out: dict[str, Callable[[Any], Any] | None] = {}
    for column in table.c:
        if column.name == "marc":  # base64 of the source record (None keeps this PC's)
            out[column.name] = received_marc
        elif isinstance(column.type, UTCDateTime):
            out[column.name] = _parse_datetime
        elif isinstance(column.type, Date):
            out[column.name] = _parse_date
        else:
            out[column.name] = None
    return out


def _fill_computed(entity: str, row: dict[str, Any]) -> None:
    """Search keys and shelf order are computed here when the server did not send them."""
    from shuwu_shared.domain.callnumber import call_sort_key
    from shuwu_shared.domain.pinyin import name_search_keys, record_search_keys

    if entity == "bib" and not row.get("search_keys") and "title" in row:
        row["search_keys"] = record_search_keys(row.get("title"), row.get("author"))
    elif entity == "item" and row.get("call_number") and not row.get("call_sort_key"):
        row["call_sort_key"] = call_sort_key(str(row["call_number"]))
    elif entity == "reader" and row.get("name") and not row.get("name_search_keys"):
        row["name_search_keys"] = name_search_keys(str(row["name"]))


def _wire_to_row(
    entity: str, table: Table, change: dict[str, Any], refs: dict[str, dict[str, int]]
) -> dict[str, Any] | None:
    """The local column values of one change, or None when a reference is unknown."""
    data = change.get("data") or {}
    row: dict[str, Any] = {}
    converters = _converters(table)
    if entity == "exception":
        detail = data.get("detail")
        detail = dict(detail) if isinstance(detail, dict) else {"text": detail} if detail else {}
        if data.get("branch_codes") is not None:
            detail["branch_codes"] = data["branch_codes"]
        row["detail"] = detail
    for key, value in data.items():
        if key in REFERENCES:
            column, _model = REFERENCES[key]
            if column not in converters:
                continue
            local_id = refs[key].get(value) if value else None
            if local_id is None:
                return None
            row[column] = local_id
            continue
        column = RENAMES.get(key, key)
        if column in converters and column not in ("id", "uuid", "server_version", "detail"):
            convert = converters[column]
            row[column] = value if convert is None else convert(value)
    if entity == "bib" and row.get("marc") is None:
        # No source record from the county (yet): flags it does not know are kept too; with a
        # record, its flags come with it (docs/sync-protocol.md).
        for key in ("marc", *SOURCE_FLAGS):
            if row.get(key) is None:
                row.pop(key, None)
    row["uuid"] = change["uuid"]
    if "server_version" in converters:
        row["server_version"] = int(change.get("seq") or 0)
    _fill_computed(entity, row)
    return row


def _insert_defaults(table: Table, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """executemany needs the same keys in every row: fill absent columns with their default."""
    keys: set[str] = set()
    for row in rows:
        keys.update(row)
    out = []
    for row in rows:
        full = dict(row)
        for key in keys - row.keys():
            default = table.c[key].default
            value = getattr(default, "arg", None)
            if default is not None and getattr(default, "is_callable", False):
                value = value(None)  # type: ignore[misc]
            full[key] = value
        out.append(full)
    return out


def _write_rows(
    session: Session, entity: str, table: Table, rows: list[dict[str, Any]]
) -> list[int]:
    """Upsert rows (matched by uuid); returns the ids of the inserted bib rows to index."""
    conn = session.connection()
    existing = uuid_ids(session, table, (r["uuid"] for r in rows))
    inserts = [r for r in rows if r["uuid"] not in existing]
    updates = [r for r in rows if r["uuid"] in existing]
    if inserts:
        now = datetime.now(UTC)  # only for rows the server sent without their timestamps
        for row in inserts:
            if entity == "bib":
                row.setdefault("source", "union")  # from the county, not typed in here
            for column in ("created_at", "updated_at", "registered_at"):
                if column in table.c and row.get(column) is None:
                    row[column] = now
        for start in range(0, len(inserts), CHUNK):
            conn.execute(insert(table), _insert_defaults(table, inserts[start : start + CHUNK]))
    # Only the columns whose value differs (an index is rewritten for every column SET, equal
    # or not); grouped by their column set: executemany needs uniform parameters.
    stored = _stored_values(session, table, updates)
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for row in updates:
        before = stored.get(row["uuid"], {})
        cols = tuple(
            sorted(
                k
                for k in row
                if k not in ("uuid", "id")
                and not (k in LOCAL_ONLY and row.get(k) is None)
                and (k not in before or before[k] != row[k])
            )
        )
        if cols:  # else the row holds these values already
            groups.setdefault(cols, []).append(row)
    for cols, group in groups.items():
        stmt = (
            update(table)
            .where(table.c.uuid == bindparam("_uuid"))
            .values({c: bindparam(f"v_{c}") for c in cols})
        )
        params = [{"_uuid": r["uuid"], **{f"v_{c}": r.get(c) for c in cols}} for r in group]
        conn.execute(stmt, params)
    if entity != "bib":
        return []
    return list(uuid_ids(session, table, (r["uuid"] for r in rows)).values())


def _stored_values(
    session: Session, table: Table, rows: list[dict[str, Any]]
) -> dict[str, dict[str, Any]]:
    """The values the rows (matched by uuid) hold now, of the columns the rows carry."""
    names = sorted({k for row in rows for k in row if k in table.c and k not in ("uuid", "id")})
    if not names:
        return {}
    columns = [table.c[name] for name in names]
    out: dict[str, dict[str, Any]] = {}
    uuids = [row["uuid"] for row in rows]
    for start in range(0, len(uuids), CHUNK):
        chunk = uuids[start : start + CHUNK]
        found = session.execute(select(table.c.uuid, *columns).where(table.c.uuid.in_(chunk)))
        for uuid, *values in found:
            out[uuid] = dict(zip(names, values, strict=True))
    return out


def index_bibs(session: Session, ids: Sequence[int], fresh: bool = False) -> None:
    """The bigram index (the trigram one follows bib_record by trigger).

    ``fresh``: the records were just inserted, so there are no old entries to delete.
    """
    from shuwu_shared.domain.search_text import bigram_text

    if not ids:
        return
    table = table_of(BibRecord)
    conn = session.connection()
    for start in range(0, len(ids), CHUNK):
        chunk = list(ids[start : start + CHUNK])
        rows = conn.execute(
            select(
                table.c.id, table.c.title, table.c.author, table.c.publisher, table.c.search_keys
            ).where(table.c.id.in_(chunk))
        ).all()
        if not fresh:
            conn.execute(DELETE_GRAMS, [{"id": i} for i in chunk])
        params = []
        for bib_id, title, author, publisher, keys in rows:
            grams = bigram_text(title, author, publisher)
            if keys:
                grams += " " + keys
            params.append({"id": bib_id, "grams": grams})
        if params:
            conn.execute(INSERT_GRAMS, params)


def _latest_per_uuid(changes: Sequence[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Group by entity, keeping only the newest change of each uuid (a page may hold several)."""
    latest: dict[tuple[str, str], dict[str, Any]] = {}
    for change in changes:
        key = (str(change.get("entity")), str(change.get("uuid")))
        previous = latest.get(key)
        if previous is None or int(change.get("seq") or 0) >= int(previous.get("seq") or 0):
            latest[key] = change
    grouped: dict[str, list[dict[str, Any]]] = {}
    for (entity, _uuid), change in latest.items():
        grouped.setdefault(entity, []).append(change)
    return grouped


def apply_page(
    session: Session, changes: Sequence[dict[str, Any]], protected: set[str]
) -> PageStats:
    """Apply one page inside the caller's transaction. Idempotent: re-applying changes nothing.

    A batch that violates a local constraint (e.g. a barcode catalogued twice offline) is
    retried row by row in savepoints, so one bad row never blocks the whole county's feed.
    """
    stats = PageStats()
    parked = _load_parked(session)
    fresh = {_key(c) for c in changes}
    # Kept changes are tried again first; a newer change of the same row replaces its old one.
    retry = [e["change"] for k, e in parked.items() if k not in fresh and e.get("change")]
    grouped = _latest_per_uuid([*retry, *changes])
    if "loan" in grouped:
        grouped["loan"].sort(key=_opens)  # stable: closes first, also when row by row
    failed: list[tuple[dict[str, Any], str]] = []
    for entity, model in ENTITY_MODELS.items():
        batch = grouped.get(entity)
        if not batch:
            continue
        try:
            with session.begin_nested():
                failed += _apply_entity(session, entity, model, batch, protected, stats)
        except IntegrityError:
            log.warning("constraint clash in a %s page; applying row by row", entity)
            for change in batch:
                try:
                    with session.begin_nested():
                        failed += _apply_entity(session, entity, model, [change], protected, stats)
                except IntegrityError:
                    failed.append((change, "local_constraint"))
    for entity in sorted(set(grouped) - set(ENTITY_MODELS)):
        failed += [(change, "unknown_entity") for change in grouped[entity]]
    _park(session, parked, failed, stats)
    return stats


def _opens(change: dict[str, Any]) -> bool:
    """An upsert of a loan that is open: it must come after the closes of the same page.

    One open loan per copy is a local rule (``uq_loan_open_item``). After a double loan the
    county closes this PC's loan (an implied return) and opens the other branch's; both
    arrive in one page (or the open one is kept from an earlier page), and the close has to
    be written first or the other loan would wait for the next sync.
    """
    return change.get("op") != "delete" and (change.get("data") or {}).get("returned_at") is None


def _park(
    session: Session,
    before: dict[str, dict[str, Any]],
    failed: list[tuple[dict[str, Any], str]],
    stats: PageStats,
) -> None:
    """Keep what failed (with its first failure time and tries); the rest applied or was
    replaced by a newer change of its row."""
    now = datetime.now(UTC).isoformat(timespec="seconds")
    after: dict[str, dict[str, Any]] = {}
    for change, reason in failed:
        key = _key(change)
        old = before.get(key)
        if old is None:
            stats.skipped_bad += 1
            log.warning("kept %s for a later retry: %s", key.split(":")[0], reason)
        after[key] = {
            "change": change,
            "reason": reason,
            "since": old.get("since", now) if old else now,
            "tries": int(old.get("tries") or 0) + 1 if old else 1,
        }
    stats.waiting = len(after)
    if after:
        state.put(session, PARKED, json.dumps(after, ensure_ascii=False, separators=(",", ":")))
    elif before:
        state.delete(session, PARKED)


def _apply_entity(
    session: Session,
    entity: str,
    model: type[Base],
    batch: list[dict[str, Any]],
    protected: set[str],
    stats: PageStats,
) -> list[tuple[dict[str, Any], str]]:
    """Apply one entity's changes; returns those that could not be applied, with the reason."""
    table = table_of(model)
    deletes = [c["uuid"] for c in batch if c.get("op") == "delete"]
    upserts = [c for c in batch if c.get("op") != "delete" and c.get("uuid")]
    existing = uuid_ids(session, table, (c["uuid"] for c in upserts))
    stored = _versions(session, table, existing)
    kept = []
    for change in upserts:
        if change["uuid"] in protected and change["uuid"] in existing:
            stats.skipped_pending += 1
        elif int(change.get("seq") or 0) < stored.get(change["uuid"], 0):
            # Older than what is here (a change kept for a retry while a snapshot page brought
            # the row as it is now): applying it would take the row back in time.
            stats.skipped_older += 1
        else:
            kept.append(change)
    refs: dict[str, dict[str, int]] = {}
    for ref, (column, ref_model) in REFERENCES.items():
        if column in table.c:
            wanted = [c["data"].get(ref) for c in kept if (c.get("data") or {}).get(ref)]
            refs[ref] = uuid_ids(session, table_of(ref_model), wanted)
    rows = []
    failed: list[tuple[dict[str, Any], str]] = []
    for change in kept:
        row = _wire_to_row(entity, table, change, refs)
        if row is None:
            failed.append((change, "unknown_reference"))  # e.g. its reader comes later
        else:
            rows.append(row)
    if entity == "exception":
        stats.new_exceptions += sum(1 for r in rows if r["uuid"] not in existing)
    groups = [rows]
    if entity == "loan":
        # Closed loans first (updates included): an open one may take the copy they free.
        groups = [
            [r for r in rows if r.get("returned_at") is not None],
            [r for r in rows if r.get("returned_at") is None],
        ]
    bib_ids: list[int] = []
    for group in groups:
        if group:
            bib_ids += _write_rows(session, entity, table, group)
    index_bibs(session, bib_ids)
    stats.applied += len(rows)
    if deletes:
        for start in range(0, len(deletes), CHUNK):
            chunk = deletes[start : start + CHUNK]
            session.connection().execute(delete(table).where(table.c.uuid.in_(chunk)))
        stats.deleted += len(deletes)
    return failed
