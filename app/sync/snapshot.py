"""Initial sync from the server's snapshot: the county item index in large pages of plain rows.

A device that has never pulled asks ``GET /v1/snapshot`` for a *mark* (the newest change seq),
copies the ``bib`` and ``item`` pages, then pulls the feed up to the mark without those
entities (its branch's readers, loans, …), and from then on follows the feed from the mark.
Each page commits together with the position reached, so an interrupted initial sync resumes
where it stopped. The next page is fetched while the current one is written: the server's work
and ours overlap.
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
    bib_params,
    item_params,
)
from shuwu_shared.i18n import _
from shuwu_shared.progress import Progress, check_cancel

log = logging.getLogger(__name__)

ENTITIES = ("bib", "item")  # in the order the server's snapshot is copied: copies need records
PAGE_LIMIT = 20_000
PREFETCH = 2  # pages in flight: one being written, one or two on the way
BULK_CACHE_KIB = 65536


@dataclass(frozen=True)
class SnapshotResult:
    mark: int
    rows: int  # records and copies written
    skipped: int  # rows a pending local op protects, or with an unknown record


def snapshot_pending(session: Session) -> bool:
    """True on a device that never pulled, or whose initial sync was interrupted."""
    return state.get(session, state.SNAPSHOT_MARK) is not None or (
        state.get_int(session, state.CURSOR) == 0
    )


def start(profile: Profile, transport: Transport) -> tuple[int, dict[str, int]] | None:
    """The mark and row counts, stored so a resumed run keeps them; None if the server has none."""
    with profile.sessions() as session:
        mark = state.get(session, state.SNAPSHOT_MARK)
    try:
        summary, _s, _r = transport.request("GET", "/v1/snapshot")
    except ServerRefused as exc:
        if exc.status == 404 and mark is None:
            return None  # an older server: the ordinary feed brings everything
        raise
    counts = {str(k): int(v) for k, v in (summary.get("counts") or {}).items()}
    if mark is not None:
        return int(mark), counts
    new_mark = int(summary["mark"])
    with profile.sessions() as session, session.begin():
        state.put(session, state.SNAPSHOT_MARK, new_mark)
        state.put(session, state.SNAPSHOT_ENTITY, "bib")
        state.put(session, state.SNAPSHOT_AFTER, 0)
    return new_mark, counts


def _pages(
    transport: Transport, entities: Sequence[str], after: int
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
                    path = f"/v1/snapshot/{entity}?after={position}&limit={PAGE_LIMIT}"
                    page, _s, _r = transport.request("GET", path)
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


def load(profile: Profile, transport: Transport, progress: Progress) -> SnapshotResult | None:
    """Copy the county item index into this device. None when the server offers no snapshot."""
    started = start(profile, transport)
    if started is None:
        return None
    mark, counts = started
    with profile.sessions() as session:
        entity = state.get(session, state.SNAPSHOT_ENTITY)
        after = state.get_int(session, state.SNAPSHOT_AFTER)
    remaining = ENTITIES[ENTITIES.index(entity) :] if entity in ENTITIES else ()
    total = sum(counts.values())
    written = skipped = 0
    pages = _pages(transport, remaining, after)
    try:
        for page in pages if remaining else ():
            check_cancel(progress)
            done, passed = _store(profile, page)
            written += done
            skipped += passed
            progress.report(written + skipped, total, _("Receiving the county catalogue"))
    finally:
        pages.close()  # stops the fetching thread, also on cancel or error
    with profile.sessions() as session, session.begin():
        conn = session.connection()
        progress.report(written + skipped, total, _("Indexing the catalogue for search"))
        restore_indexes(conn)
        if state.get(session, state.SNAPSHOT_REINDEX) is not None:
            conn.exec_driver_sql(TRIGRAM_REBUILD)
            state.delete(session, state.SNAPSHOT_REINDEX)
        conn.exec_driver_sql("PRAGMA cache_size=-2000")  # SQLite's default again
    return SnapshotResult(mark, written, skipped)


def _store(profile: Profile, page: dict[str, Any]) -> tuple[int, int]:
    """Write one page and the position after it in one transaction (a resume starts there)."""
    page_entity = str(page.get("entity"))
    with profile.sessions() as session, session.begin():
        conn = session.connection()
        # Index pages of half a million rows stay in memory (SQLite's default is 2 MB).
        conn.exec_driver_sql(f"PRAGMA cache_size=-{BULK_CACHE_KIB}")
        if page_entity == "item" and not conn.exec_driver_sql("SELECT 1 FROM item").first():
            set_aside_indexes(conn, "item")  # an empty catalogue: build them once at the end
        done, passed = write_page(session, page_entity, page)
        following, position = page_entity, int(page.get("next_after") or 0)
        if not page.get("has_more"):
            later = ENTITIES[ENTITIES.index(page_entity) + 1 :] if page_entity in ENTITIES else ()
            following, position = (later[0], 0) if later else ("", 0)
        state.put(session, state.SNAPSHOT_ENTITY, following)
        state.put(session, state.SNAPSHOT_AFTER, position)
    return done, passed


def finish(session: Session, mark: int) -> None:
    """The feed has caught up to the mark: from now on the device follows the ordinary feed."""
    state.put(session, state.CURSOR, max(mark, state.get_int(session, state.CURSOR)))
    for key in (state.SNAPSHOT_MARK, state.SNAPSHOT_ENTITY, state.SNAPSHOT_AFTER):
        state.delete(session, key)


def write_page(session: Session, entity: str, page: dict[str, Any]) -> tuple[int, int]:
    """Upsert one page by uuid; (rows written, rows skipped). Runs in the caller's transaction."""
    columns = [str(c) for c in page.get("columns") or []]
    data = page.get("data") or []
    try:  # one list per column, all of one length
        if len(data) != len(columns):
            raise ValueError("columns")
        rows = [dict(zip(columns, values, strict=True)) for values in zip(*data, strict=True)]
    except (TypeError, ValueError) as exc:
        raise ServerRefused(
            _("The county server sent a damaged catalogue page."), code="bad_page"
        ) from exc
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
        trigger = conn.exec_driver_sql(TRIGGER_SQL, (TRIGRAM_TRIGGER,)).scalar()
        if trigger:
            conn.exec_driver_sql(f"DROP TRIGGER {TRIGRAM_TRIGGER}")
        conn.exec_driver_sql(BIB_UPSERT, params)
        if trigger:
            conn.exec_driver_sql(str(trigger))
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
