"""Initial sync from the server's snapshot, desk first.

A device that has never pulled asks ``GET /v1/snapshot`` for a *mark* (the newest change seq).
Desk first (a server offering ``shuwu-index/1``): it copies the *desk index* (every county copy
in compact pages, shuwu_shared.protocol.index; records a copy names are placeholders until
their record arrives), pulls the feed up to the mark (its branch's readers, loans, policies,
credit rules), and lending and returning work from then on. The county's records and their
search index follow (``bib`` pages). An older server gives plain ``bib`` then ``item`` pages
before the feed. Each page commits together with the position reached, so an interrupted
initial sync resumes where it stopped. The next page is fetched while the current one is
written: the server's work and ours overlap.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Generator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.device import state
from app.device.transport import ServerRefused, Transport
from app.models import BibRecord, Item
from app.models.bulkload import restore_indexes, set_aside_indexes
from app.profile import Profile
from app.sync.apply import apply_page, index_bibs, pending_uuids, table_of, uuid_ids
from app.sync.snapshot_sql import (
    BIB_UPSERT,
    ITEM_UPSERT,
    TRIGGER_SQL,
    TRIGRAM_REBUILD,
    TRIGRAM_TRIGGER,
    TRIGRAM_UPDATE_TRIGGER,
    bib_params,
    item_params,
)
from shuwu_shared.i18n import _
from shuwu_shared.progress import Progress, check_cancel
from shuwu_shared.protocol import copies as lean
from shuwu_shared.protocol.index import (
    COMPRESSION_HEADER,
    INDEX_FORMAT,
    ITEM_FIELDS,
    KEYLESS_BIB_FORMAT,
    IndexPageError,
    ItemIndexPage,
    page_rows,
    read_page,
    record_uuids,
    zstd_available,
)

log = logging.getLogger(__name__)

ENTITIES = ("bib", "item")  # in the order the server's snapshot is copied: copies need records
# Desk first. "copies" (shuwu-copies/1): every county copy leanly, the branch's own copies in
# full ("local"); after the feed up to the mark the records, then the other copies in full
# ("foreign"). "index" (a server with shuwu-index/1 only): every copy in full, then records.
PLANS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "copies": (("copies", "local"), ("bib", "foreign")),
    "index": (("index",), ("bib",)),
    "plain": (("bib", "item"), ()),
}
FULL_COPY_PAGES = ("index", "local", "foreign")  # shuwu-index/1 pages, by scope
COMPRESSED_PAGES = ("copies", *FULL_COPY_PAGES)  # fetched as bytes, checked whole, counted
DESK_BYTES = ("index", "copies", "local")  # counted as the desk index on the wire
PAGE_LIMIT = 20_000
INDEX_PAGE_LIMIT = 20_000
COPIES_PAGE_LIMIT = 100_000
BIB_PAGE_LIMIT = 5_000  # the desk keeps working while records arrive: short write transactions
# On a slow link every page costs a round trip (0.6 s at 300 ms each way) before its bytes:
# larger record pages there, still written 5,000 records a transaction.
SLOW_LINK_BIB_PAGE_LIMIT = 20_000
BIB_WRITE_CHUNK = BIB_PAGE_LIMIT
PREFETCH = 2  # pages in flight: one being written, one or two on the way
BULK_CACHE_KIB = 65536
# Record pages without their pinyin keys (``shuwu-bib/2``) when the link is slower than the
# PC's computing them: the keys are ≈ 62 bytes of a record's compressed page and cost 65-90 µs
# of CPU a record here (measured, docs/performance.md), so below ≈ 5 Mbit/s computing wins.
KEY_BYTES_PER_RECORD = 62
KEY_SECONDS_PER_RECORD = 90e-6
KEYLESS_BELOW_BYTES_PER_S = KEY_BYTES_PER_RECORD / KEY_SECONDS_PER_RECORD
# "auto": by the link's measured speed; "always" / "never": ship the keys always / never (the
# benchmark compares both; a server without shuwu-bib/2 always ships them).
SEARCH_KEYS = "auto"


@dataclass(frozen=True)
class SnapshotResult:
    mark: int
    rows: int  # records and copies written
    skipped: int  # rows a pending local op protects, or with an unknown record


@dataclass(frozen=True)
class Plan:
    mark: int
    desk: tuple[str, ...]  # entities copied before the desk is ready
    catalogue: tuple[str, ...]  # entities copied after it (in the background)
    keyless: bool = False  # the server offers record pages without search keys


def snapshot_pending(session: Session) -> bool:
    """True on a device that never pulled, or whose initial sync was interrupted."""
    return state.get(session, state.SNAPSHOT_MARK) is not None or (
        state.get_int(session, state.CURSOR) == 0
    )


def start(profile: Profile, transport: Transport) -> Plan | None:
    """The mark and plan, stored so a resumed run keeps them; None if the server has none."""
    with profile.sessions() as session:
        mark = state.get(session, state.SNAPSHOT_MARK)
        plan = state.get(session, state.SNAPSHOT_PLAN) or "plain"
        keyless = state.get(session, state.SNAPSHOT_KEYLESS) is not None
    if mark is not None and plan in PLANS:
        return Plan(int(mark), *PLANS[plan], keyless=keyless)
    try:
        summary, _s, _r = transport.request("GET", "/v1/snapshot")
    except ServerRefused as exc:
        if exc.status == 404 and mark is None:
            return None  # an older server: the ordinary feed brings everything
        raise
    counts = {str(k): int(v) for k, v in (summary.get("counts") or {}).items()}
    new_mark = int(summary["mark"])
    formats = summary.get("formats") or []
    plan = (
        "copies"
        if lean.COPIES_FORMAT in formats
        else "index"
        if INDEX_FORMAT in formats
        else "plain"
    )
    keyless = KEYLESS_BIB_FORMAT in formats
    desk, catalogue = PLANS[plan]
    with profile.sessions() as session, session.begin():
        state.put(session, state.SNAPSHOT_MARK, new_mark)
        state.put(session, state.SNAPSHOT_PLAN, plan)
        state.put(session, state.SNAPSHOT_ENTITY, desk[0])
        state.put(session, state.SNAPSHOT_AFTER, 0)
        state.put(session, state.SNAPSHOT_BIB_TOTAL, counts.get("bib", 0))
        state.put(session, state.SNAPSHOT_BIB_DONE, 0)
        state.put(session, state.SNAPSHOT_INDEX_BYTES, 0)
        if keyless:
            state.put(session, state.SNAPSHOT_KEYLESS, 1)
    return Plan(new_mark, desk, catalogue, keyless)


def desk_ready(session: Session) -> bool:
    return state.get(session, state.SNAPSHOT_DESK_READY) is not None


def mark_desk_ready(session: Session, mark: int) -> None:
    """The copies and the branch's history up to the mark are here: the desk can work."""
    state.put(session, state.CURSOR, max(mark, state.get_int(session, state.CURSOR)))
    state.put(session, state.SNAPSHOT_DESK_READY, 1)


def ship_keys(keyless: bool, link_rate: float | None) -> bool:
    """Whether to ask for records with their search keys (else the PC computes them)."""
    if not keyless or SEARCH_KEYS == "always":
        return True
    if SEARCH_KEYS == "never":
        return False
    return link_rate is None or link_rate >= KEYLESS_BELOW_BYTES_PER_S


def _path(entity: str, position: int, keys: bool = True) -> str:
    compression = "zstd" if zstd_available() else "gzip"
    if entity == "copies":
        return (
            f"/v1/snapshot/copies?after={position}&limit={COPIES_PAGE_LIMIT}"
            f"&compression={compression}"
        )
    if entity in FULL_COPY_PAGES:
        scope = "" if entity == "index" else f"&scope={entity}"
        return (
            f"/v1/snapshot/index?after={position}&limit={INDEX_PAGE_LIMIT}"
            f"&compression={compression}{scope}"
        )
    limit = PAGE_LIMIT
    if entity == "bib":
        limit = BIB_PAGE_LIMIT if keys else SLOW_LINK_BIB_PAGE_LIMIT
    path = f"/v1/snapshot/{entity}?after={position}&limit={min(limit, PAGE_LIMIT)}"
    return path if keys or entity != "bib" else path + "&keys=false"


def _fetch(
    transport: Transport, entity: str, position: int, keyless: bool = False
) -> dict[str, Any]:
    if entity not in COMPRESSED_PAGES:
        keys = ship_keys(keyless, transport.link_rate)
        page, _s, _r = transport.request("GET", _path(entity, position, keys))
        return page
    raw, headers = transport.request_bytes(_path(entity, position))
    method = str(headers.get(COMPRESSION_HEADER) or "gzip")
    try:
        if entity == "copies":
            checked_copies, rows = lean.read_page(raw, method)
            return {
                "entity": entity,
                "copies": rows,
                "bytes": len(raw),
                "next_after": checked_copies.next_after,
                "has_more": checked_copies.has_more,
            }
        checked = read_page(raw, method)
    except IndexPageError as exc:
        log.warning("refused a desk index page: %s", exc)
        raise damaged_page() from exc
    return {
        "entity": entity,
        "index": checked,
        "bytes": len(raw),
        "next_after": checked.next_after,
        "has_more": checked.has_more,
    }


def damaged_page() -> ServerRefused:
    return ServerRefused(_("The county server sent a damaged catalogue page."), code="bad_page")


def _pages(
    transport: Transport, entities: Sequence[str], after: int, keyless: bool = False
) -> Generator[dict[str, Any], None, None]:
    """Pages in order, fetched one ahead on a worker thread (the transport stays on it)."""
    stop = threading.Event()
    found: queue.Queue[dict[str, Any] | BaseException | None] = queue.Queue(PREFETCH)

    def put(item: dict[str, Any] | BaseException | None) -> bool:
        while not stop.is_set():
            try:
                found.put(item, timeout=0.2)
                return True
            except queue.Full:
                continue
        return False

    def fetch() -> None:
        position = after
        try:
            for entity in entities:
                while not stop.is_set():
                    page = _fetch(transport, entity, position, keyless)
                    if not put(page):
                        return
                    position = int(page.get("next_after") or position)
                    if not page.get("has_more"):
                        break
                position = 0
            put(None)
        except BaseException as exc:  # handed to the writer, which raises it
            put(exc)

    worker = threading.Thread(target=fetch, name="snapshot-fetch", daemon=True)
    worker.start()
    try:
        while True:
            item = found.get()
            if item is None:
                return
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop.set()
        worker.join(timeout=30)


def load(
    profile: Profile,
    transport: Transport,
    progress: Progress,
    plan: Plan,
    entities: Sequence[str],
) -> SnapshotResult:
    """Copy ``entities`` (one phase of ``plan``) into this device, resuming where it stopped."""
    with profile.sessions() as session:
        entity = state.get(session, state.SNAPSHOT_ENTITY)
        after = state.get_int(session, state.SNAPSHOT_AFTER)
        total = state.get_int(session, state.SNAPSHOT_BIB_TOTAL)
        done_before = state.get_int(session, state.SNAPSHOT_BIB_DONE)
    remaining = tuple(entities[entities.index(entity) :]) if entity in entities else ()
    written = skipped = 0
    pages = _pages(transport, remaining, after, plan.keyless)
    try:
        for page in pages if remaining else ():
            check_cancel(progress)
            done, passed = _store(profile, plan, page)
            written += done
            skipped += passed
            if page.get("entity") != "bib":
                progress.report(written + skipped, 0, _("Receiving the county copies"))
            else:
                progress.report(
                    done_before + written + skipped,
                    max(total, done_before + written + skipped),
                    _("Receiving the county catalogue"),
                )
    finally:
        pages.close()  # stops the fetching thread, also on cancel or error
    with profile.sessions() as session, session.begin():
        conn = session.connection()
        if state.get(session, state.SNAPSHOT_REINDEX) is not None:
            progress.report(written + skipped, 0, _("Indexing the catalogue for search"))
        restore_indexes(conn)
        if state.get(session, state.SNAPSHOT_REINDEX) is not None:
            conn.exec_driver_sql(TRIGRAM_REBUILD)
            state.delete(session, state.SNAPSHOT_REINDEX)
        conn.exec_driver_sql("PRAGMA cache_size=-2000")  # SQLite's default again
    return SnapshotResult(plan.mark, written, skipped)


def _store(profile: Profile, plan: Plan, page: dict[str, Any]) -> tuple[int, int]:
    """Write one page and the position after it in one transaction (a resume starts there)."""
    page_entity = str(page.get("entity"))
    order = plan.desk + plan.catalogue
    records: list[dict[str, Any]] = []
    early_done = early_passed = 0
    if page_entity == "bib":
        # A large page is written in several short transactions; the position moves with the
        # last one, so a page cut off midway comes again whole (upserts by uuid: no harm).
        records = page_dicts(page)
        while len(records) > BIB_WRITE_CHUNK:
            chunk, records = records[:BIB_WRITE_CHUNK], records[BIB_WRITE_CHUNK:]
            with profile.sessions() as session, session.begin():
                done, passed = write_rows(session, "bib", chunk)
                _count_records(session, done + passed)
            early_done += done
            early_passed += passed
    with profile.sessions() as session, session.begin():
        conn = session.connection()
        # Index pages of half a million rows stay in memory (SQLite's default is 2 MB).
        conn.exec_driver_sql(f"PRAGMA cache_size=-{BULK_CACHE_KIB}")
        if (
            page_entity in ("item", *FULL_COPY_PAGES)
            and not conn.exec_driver_sql("SELECT 1 FROM item").first()
        ):
            set_aside_indexes(conn, "item")  # an empty catalogue: build them once at the end
        received = int(page.get("bytes") or 0)
        for key, counted in (
            (state.SNAPSHOT_INDEX_BYTES, DESK_BYTES),
            (state.SNAPSHOT_COPY_BYTES, COMPRESSED_PAGES),
        ):
            if page_entity in counted:
                state.put(session, key, state.get_int(session, key) + received)
        if page_entity == "copies":
            done, passed = write_copies(session, page["copies"]), 0
        elif page_entity in FULL_COPY_PAGES:
            index: ItemIndexPage = page["index"]
            done, passed = write_index_page(session, index)
            if page_entity == "foreign":
                keep_copies_taken_back_here(session)
        elif page_entity == "bib":
            done, passed = write_rows(session, "bib", records)
            _count_records(session, done + passed)
        else:
            done, passed = write_page(session, page_entity, page)
        following, position = page_entity, int(page.get("next_after") or 0)
        if not page.get("has_more"):
            later = order[order.index(page_entity) + 1 :] if page_entity in order else ()
            following, position = (later[0], 0) if later else ("", 0)
        state.put(session, state.SNAPSHOT_ENTITY, following)
        state.put(session, state.SNAPSHOT_AFTER, position)
    return early_done + done, early_passed + passed


def _count_records(session: Session, records: int) -> None:
    done = state.get_int(session, state.SNAPSHOT_BIB_DONE) + records
    state.put(session, state.SNAPSHOT_BIB_DONE, done)


# A copy's record before the record itself arrives: a placeholder the record's page fills in.
PLACEHOLDER_BIB = (
    "INSERT INTO bib_record (uuid, title, source, created_at, updated_at, server_version)"
    " VALUES (?, '', 'union', ?, ?, 0) ON CONFLICT(uuid) DO NOTHING"
)


COPY_UPSERT = (
    "INSERT INTO county_copy (barcode, status, home_branch_code, current_branch_code)"
    " VALUES (?, ?, ?, ?) ON CONFLICT(barcode) DO UPDATE SET status = excluded.status,"
    " home_branch_code = excluded.home_branch_code,"
    " current_branch_code = excluded.current_branch_code WHERE NOT county_copy.touched"
)
# A county copy taken back here before its full row arrived: what the desk did wins over the
# catalogue page (read before our return reached the county) until the feed brings the county's.
TAKEN_BACK_HERE = (
    "UPDATE item SET status = c.status, current_branch_code = c.current_branch_code"
    " FROM county_copy AS c WHERE c.touched AND c.barcode = item.barcode"
)


def write_copies(session: Session, rows: list[tuple[str, str, str, str]]) -> int:
    """Every county copy by barcode (one ``shuwu-copies/1`` page), in the caller's transaction."""
    if rows:
        session.connection().exec_driver_sql(COPY_UPSERT, rows)
    return len(rows)


def keep_copies_taken_back_here(session: Session) -> None:
    session.connection().exec_driver_sql(TAKEN_BACK_HERE)


def write_index_page(session: Session, page: ItemIndexPage) -> tuple[int, int]:
    """The copies of one desk index page (and placeholders for their records)."""
    rows = page_rows(page)
    if not rows:
        return 0, 0
    stamp = rows[0][ITEM_FIELDS.index("created_at")]
    conn = session.connection()
    conn.exec_driver_sql(PLACEHOLDER_BIB, [(u, stamp, stamp) for u in record_uuids(page)])
    return write_rows(session, "item", [dict(zip(ITEM_FIELDS, r, strict=True)) for r in rows])


def search_ready(session: Session) -> bool:
    return state.get(session, state.SNAPSHOT_SEARCH_READY) is not None


def mark_search_ready(session: Session) -> None:
    """The records and their search index are here (other copies may still be arriving)."""
    state.put(session, state.SNAPSHOT_SEARCH_READY, 1)


def finish(session: Session, mark: int) -> None:
    """Everything of the snapshot is here: from now on the device follows the ordinary feed."""
    state.put(session, state.CURSOR, max(mark, state.get_int(session, state.CURSOR)))
    for key in (
        state.SNAPSHOT_MARK, state.SNAPSHOT_ENTITY, state.SNAPSHOT_AFTER, state.SNAPSHOT_PLAN,
        state.SNAPSHOT_DESK_READY, state.SNAPSHOT_BIB_DONE, state.SNAPSHOT_BIB_TOTAL,
        state.SNAPSHOT_KEYLESS, state.SNAPSHOT_SEARCH_READY,
    ):  # fmt: skip
        state.delete(session, key)
    # Every copy is in ``item`` now (with what the desk did to it): the lean rows are done.
    session.connection().exec_driver_sql("DELETE FROM county_copy")


def write_page(session: Session, entity: str, page: dict[str, Any]) -> tuple[int, int]:
    """Upsert one page by uuid; (rows written, rows skipped). Runs in the caller's transaction."""
    return write_rows(session, entity, page_dicts(page))


def page_dicts(page: dict[str, Any]) -> list[dict[str, Any]]:
    """The rows of a plain page (one list per column, all of one length) as dicts."""
    columns = [str(c) for c in page.get("columns") or []]
    data = page.get("data") or []
    try:
        if len(data) != len(columns):
            raise ValueError("columns")
        return [dict(zip(columns, values, strict=True)) for values in zip(*data, strict=True)]
    except (TypeError, ValueError) as exc:
        raise damaged_page() from exc


def write_rows(session: Session, entity: str, rows: list[dict[str, Any]]) -> tuple[int, int]:
    """Upsert rows by uuid; (rows written, rows skipped). Runs in the caller's transaction."""
    if not rows:
        return 0, 0
    protected = _protected_here(session, entity, pending_uuids(session))
    kept = [r for r in rows if r["uuid"] not in protected]
    try:
        with session.begin_nested():
            written = _bulk_upsert(session, entity, kept)
    except IntegrityError:
        # A local clash (a barcode catalogued here offline, a copy of an unknown record):
        # the feed's careful path applies row by row and skips only the bad rows.
        log.warning("snapshot %s page clashed locally; applying row by row", entity)
        changes = [_as_change(entity, r) for r in kept]
        stats = apply_page(session, changes, protected)
        written = stats.applied
    return written, len(rows) - written


def _protected_here(session: Session, entity: str, pending: set[str]) -> set[str]:
    """Pending local ops' rows that exist here: the server sends them again after our push."""
    if not pending:
        return set()
    return set(uuid_ids(session, table_of(BibRecord if entity == "bib" else Item), pending))


def _bulk_upsert(session: Session, entity: str, rows: list[dict[str, Any]]) -> int:
    conn = session.connection()
    if entity == "bib":
        uuids = [r["uuid"] for r in rows]
        before = uuid_ids(session, table_of(BibRecord), uuids)
        params = [bib_params(r) for r in rows]
        # The trigram index is rebuilt in one pass at the end (several times faster than its
        # per-row trigger); the trigger is back before this transaction commits.
        # Placeholders of the desk index are updated, so the update trigger is set aside too.
        triggers = [
            conn.exec_driver_sql(TRIGGER_SQL, (name,)).scalar()
            for name in (TRIGRAM_TRIGGER, TRIGRAM_UPDATE_TRIGGER)
        ]
        for name, sql in zip((TRIGRAM_TRIGGER, TRIGRAM_UPDATE_TRIGGER), triggers, strict=True):
            if sql:
                conn.exec_driver_sql(f"DROP TRIGGER {name}")
        conn.exec_driver_sql(BIB_UPSERT, params)
        for sql in triggers:
            if sql:
                conn.exec_driver_sql(str(sql))
        state.put(session, state.SNAPSHOT_REINDEX, 1)
        ids = list(uuid_ids(session, table_of(BibRecord), uuids).values())
        index_bibs(session, ids, fresh=not before)
        return len(rows)
    if entity == "item":
        result = conn.exec_driver_sql(ITEM_UPSERT, [item_params(r) for r in rows])
        return max(result.rowcount, 0) if result.rowcount is not None else len(rows)
    log.info("ignored snapshot entity %s", entity)
    return 0


def _as_change(entity: str, row: dict[str, Any]) -> dict[str, Any]:
    data = dict(row)
    version = int(data.pop("version", 0) or 0)
    return {"seq": version, "entity": entity, "uuid": row["uuid"], "op": "upsert", "data": data}
