"""Initial sync from the snapshot: complete, resumable, never older than the feed, searchable."""

from __future__ import annotations

from sqlalchemy import create_engine, func, select, text

from app.device import state
from app.models import BibRecord, Item, OutboxOp, Reader
from app.services import catalog_search, circulation
from app.sync import snapshot
from app.sync.engine import sync_once
from shuwu_shared.i18n import _
from shuwu_shared.progress import Cancelled
from tests.sync.helpers import FAST, branch_of, own_available, register


def server_rows(db: str, sql: str) -> list[tuple]:
    engine = create_engine(db)
    try:
        with engine.connect() as conn:
            return [tuple(r) for r in conn.execute(text(sql))]
    finally:
        engine.dispose()


def local_count(profile, model) -> int:  # type: ignore[no-untyped-def]
    with profile.sessions() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def trigram_index_is_whole(profile) -> None:  # type: ignore[no-untyped-def]
    """FTS5 checks its index against bib_record; raises if a row is missing or stale."""
    with profile.sessions() as s, s.begin():
        s.execute(text("INSERT INTO fts_bib_trigram(fts_bib_trigram) VALUES ('integrity-check')"))


# Reported once per snapshot page written: desk index pages, then record pages.
PAGE_TEXTS = (_("Receiving the county copies"), _("Receiving the county catalogue"))


class CancelAfterPages:
    """Cancels the sync once ``pages`` snapshot pages were written (as the Cancel button does)."""

    def __init__(self, pages: int) -> None:
        self.pages = pages
        self.cancelled = False

    def report(self, done: int, total: int, text: str = "") -> None:
        if text in PAGE_TEXTS:
            self.pages -= 1
            self.cancelled = self.pages <= 0


def test_first_sync_copies_the_county_index_then_follows_the_feed(county, make_device):
    device = make_device()
    result = sync_once(device, config=FAST)

    (bibs, items, mark) = server_rows(
        county.db,
        "SELECT (SELECT count(*) FROM bib), (SELECT count(*) FROM item),"
        " (SELECT max(seq) FROM change_log)",
    )[0]
    assert local_count(device, BibRecord) == bibs
    assert local_count(device, Item) == items
    assert result.pulled >= bibs + items
    with device.sessions() as s:
        assert state.get_int(s, state.CURSOR) == mark
        assert state.get(s, state.SNAPSHOT_MARK) is None
        assert not snapshot.snapshot_pending(s)
        # The branch's own readers came through the feed after the snapshot.
        branch = branch_of(device)
        local_readers = set(s.scalars(select(Reader.uuid).where(Reader.home_branch_code == branch)))
        sources = set(s.scalars(select(BibRecord.source)))
    home_readers = {
        r[0]
        for r in server_rows(
            county.db, f"SELECT uuid FROM reader WHERE home_branch_code = '{branch}'"
        )
    }
    assert home_readers and local_readers == home_readers
    assert sources == {"union"}
    # Times travel in the form the client stores: read back, they are the server's instants.
    from sqlalchemy.orm import Session

    from server import models as m

    engine = create_engine(county.db)
    with Session(engine) as ss:
        server_item = ss.scalars(select(m.Item).order_by(m.Item.id.desc()).limit(1)).one()
        server_times = (server_item.created_at, server_item.updated_at, server_item.acquired_on)
        server_uuid = server_item.uuid
    engine.dispose()
    with device.sessions() as s:
        local = s.scalars(select(Item).where(Item.uuid == server_uuid)).one()
        assert (local.created_at, local.updated_at, local.acquired_on) == server_times
    trigram_index_is_whole(device)

    # The copied records are searchable by a title word and by pinyin initials.
    uuid, title = server_rows(
        county.db,
        "SELECT uuid, title FROM bib WHERE title IN"
        " (SELECT title FROM bib GROUP BY title HAVING count(*) = 1) ORDER BY id LIMIT 1",
    )[0]
    keys = server_rows(county.db, f"SELECT search_keys FROM bib WHERE uuid = '{uuid}'")[0][0]
    with device.sessions() as s:
        by_title = catalog_search.search(s, title)
        by_pinyin = catalog_search.search(s, keys.split()[0])
    assert uuid in {hit.bib_uuid for hit in by_title.hits}
    assert uuid in {hit.bib_uuid for hit in by_pinyin.hits}


def test_an_interrupted_snapshot_resumes_and_later_changes_arrive(county, make_device, monkeypatch):
    # Several pages of the branch's own copies, even from the tiny county.
    monkeypatch.setattr(snapshot, "INDEX_PAGE_LIMIT", 1)
    bibs, items = server_rows(county.db, "SELECT (SELECT count(*) FROM bib), count(*) FROM item")[0]
    device = make_device(name="a")
    try:  # cut off in the middle of the branch's own copies (after every copy by barcode)
        sync_once(device, progress=CancelAfterPages(2), config=FAST)
    except Cancelled:
        pass
    else:
        raise AssertionError("the sync was not cancelled mid-snapshot")
    with device.sessions() as s:
        mark = state.get_int(s, state.SNAPSHOT_MARK)
        assert mark > 0 and state.get_int(s, state.CURSOR) == 0
    assert 0 < local_count(device, BibRecord) < bibs  # placeholders of the copies' records
    assert 0 < local_count(device, Item) < items
    assert item_index_names(device) == set()  # set aside while the copies load

    # Meanwhile another device of the branch lends a copy: a change after the mark.
    other = make_device(name="b")
    sync_once(other, config=FAST)
    barcode = own_available(other, 1)[0]
    card = register(other, 1)[0]
    with other.sessions() as s, s.begin():
        circulation.checkout(s, other.clock, card, barcode)
    sync_once(other, config=FAST)

    sync_once(device, config=FAST)
    assert local_count(device, BibRecord) == bibs
    assert local_count(device, Item) == items
    with device.sessions() as s:
        assert s.scalar(select(Item.status).where(Item.barcode == barcode)) == "on_loan"
        assert state.get(s, state.SNAPSHOT_MARK) is None
        assert state.get(s, state.SNAPSHOT_REINDEX) is None
        assert state.get_int(s, state.CURSOR) > mark
    assert "ix_item_call_number" in item_index_names(device)
    trigram_index_is_whole(device)


def test_a_page_keeps_rows_of_pending_ops_and_skips_only_a_clashing_row(county, make_device):
    device = make_device()
    sync_once(device, config=FAST)
    barcodes = own_available(device, 2)
    card = register(device, 1)[0]
    with device.sessions() as s, s.begin():
        circulation.checkout(s, device.clock, card, barcodes[0])  # pending until the next push
    with device.sessions() as s:
        lent = s.scalars(select(Item).where(Item.barcode == barcodes[0])).one()
        other = s.scalars(select(Item).where(Item.barcode == barcodes[1])).one()
        bib_uuid = s.scalar(select(BibRecord.uuid).where(BibRecord.id == lent.bib_id))
        pending = s.scalar(select(func.count()).where(OutboxOp.state == "pending"))
    assert pending

    def item_row(uuid: str, barcode: str, status: str) -> list:
        return [uuid, bib_uuid, barcode, "I247.5/1", None, status, lent.home_branch_code,
                lent.current_branch_code, None, None, None, "2026-01-01 00:00:00.000000",
                "2026-01-01 00:00:00.000000", 7]  # fmt: skip

    rows = [
        item_row(lent.uuid, lent.barcode, "available"),  # older than our pending checkout
        item_row("00000000-0000-4000-8000-000000000001", other.barcode, "available"),
        item_row("00000000-0000-4000-8000-000000000002", "S-NEW-0001", "available"),
    ]
    page = {
        "entity": "item",
        "columns": list(snapshot_columns()),
        "data": [list(column) for column in zip(*rows, strict=True)],  # as the server sends it
        "next_after": 3,
        "has_more": False,
    }
    with device.sessions() as s, s.begin():
        written, skipped = snapshot.write_page(s, "item", page)
    assert (written, skipped) == (1, 2)
    with device.sessions() as s:
        assert s.scalar(select(Item.status).where(Item.uuid == lent.uuid)) == "on_loan"
        assert s.scalar(select(Item.uuid).where(Item.barcode == other.barcode)) == other.uuid
        assert s.scalar(select(Item.call_number).where(Item.barcode == "S-NEW-0001")) == (
            "I247.5/1"
        )


def snapshot_columns() -> tuple[str, ...]:
    from server.snapshot import ITEM_COLUMNS

    return ITEM_COLUMNS


def item_index_names(profile) -> set[str]:  # type: ignore[no-untyped-def]
    """The item table's own (non-unique) indexes."""
    with profile.sessions() as s:
        return set(
            s.scalars(
                text(
                    "SELECT name FROM sqlite_master WHERE type = 'index'"
                    " AND tbl_name = 'item' AND sql IS NOT NULL"
                )
            )
        )


def test_indexes_set_aside_for_a_bulk_load_come_back_when_the_profile_reopens(tmp_path):
    from app.models.bulkload import DEFERRED_INDEXES_KEY, set_aside_indexes
    from app.profile import open_profile

    profile = open_profile(tmp_path / "p")
    before = item_index_names(profile)
    assert "ix_item_call_number" in before
    with profile.sessions() as s, s.begin():
        assert set_aside_indexes(s.connection(), "item") == len(before)
    assert item_index_names(profile) == set()  # as an initial sync cut off mid-way leaves it
    profile.close()

    profile = open_profile(tmp_path / "p")
    try:
        assert item_index_names(profile) == before
        with profile.sessions() as s:
            assert state.get(s, DEFERRED_INDEXES_KEY) is None
    finally:
        profile.close()


def test_a_damaged_page_is_refused_with_a_message_and_nothing_is_written(tmp_path):
    from app.device.transport import ServerRefused
    from app.profile import open_profile

    profile = open_profile(tmp_path / "p")
    try:
        columns = list(snapshot_columns())
        short = [["x"]] * (len(columns) - 1)  # a column missing
        ragged = [["a", "b"]] + [["x"]] * (len(columns) - 1)  # columns of unequal length
        for data in (short, ragged):
            page = {"entity": "item", "columns": columns, "data": data, "has_more": False}
            with profile.sessions() as s, s.begin():
                try:
                    snapshot.write_page(s, "item", page)
                except ServerRefused as exc:
                    assert exc.code == "bad_page" and "目录" in exc.message
                else:
                    raise AssertionError("a damaged page was accepted")
        assert local_count(profile, Item) == 0
    finally:
        profile.close()


class KillServerAfterPages:
    """Kills the county server (SIGKILL) once ``pages`` snapshot pages were written."""

    def __init__(self, county, pages: int) -> None:  # type: ignore[no-untyped-def]
        self.county = county
        self.pages = pages
        self.cancelled = False

    def report(self, done: int, total: int, text: str = "") -> None:
        if text in PAGE_TEXTS:
            self.pages -= 1
            if self.pages == 0:
                self.county.kill()


def test_a_server_lost_mid_snapshot_is_a_message_and_the_next_sync_resumes(
    county, make_device, monkeypatch
):
    from app.device.transport import ServerUnreachable

    monkeypatch.setattr(snapshot, "INDEX_PAGE_LIMIT", 10)  # many pages; two fetched ahead at most
    monkeypatch.setattr(snapshot, "BIB_PAGE_LIMIT", 10)
    device = make_device()
    try:
        sync_once(device, progress=KillServerAfterPages(county, 2), config=FAST)
    except ServerUnreachable as exc:
        assert "服务器" in exc.message
    else:
        raise AssertionError("the sync went on without its server")
    with device.sessions() as s:
        assert state.get(s, state.SNAPSHOT_MARK) is not None
        assert state.get(s, state.SNAPSHOT_ENTITY) in ("index", "bib")  # stopped part way
    bibs, items = server_rows(county.db, "SELECT (SELECT count(*) FROM bib), count(*) FROM item")[0]
    kept = local_count(device, BibRecord) + local_count(device, Item)
    assert 0 < kept < bibs + items  # the pages written before the link went are kept

    county.start()
    sync_once(device, config=FAST)
    assert local_count(device, BibRecord) == bibs
    assert local_count(device, Item) == items
    with device.sessions() as s:
        assert state.get(s, state.SNAPSHOT_MARK) is None
    trigram_index_is_whole(device)
