"""Desk first: a new device lends and takes back books before the county catalogue arrives.

Real county server (SQLite and PostgreSQL) and real client profiles. The county copies page
(``shuwu-copies/1``) brings every county copy by barcode, the desk index (``shuwu-index/1``,
scope ``local``) the branch's own copies in full; the branch's readers, loans and policies come
through the feed; then the records follow, then the other copies in full, resumably, and a
damaged page is refused whole.
"""

from __future__ import annotations

import base64
import itertools
import json
import re
from collections.abc import Iterator

import pytest
from sqlalchemy import func, select

from app.cli.main import main as shuwu
from app.device import state
from app.device.transport import ServerRefused, Transport
from app.models import BibRecord, CountyCopy, Item, Reader
from app.services import catalog_search, circulation
from app.services.status import profile_status
from app.sync import snapshot
from app.sync.apply import PARKED
from app.sync.engine import _enrolment, initial_snapshot, sync_once
from shuwu_shared.i18n import _
from shuwu_shared.progress import Cancelled
from tests.sync.helpers import FAST, branch_of, own_available
from tests.sync.proxy import FaultProxy
from tests.sync.test_snapshot import local_count, server_rows, trigram_index_is_whole

CATALOGUE = "Receiving the county catalogue"


class StopInCatalogue:
    """Cancels the sync (as the Cancel button does) once ``pages`` record pages were written."""

    def __init__(self, pages: int = 1) -> None:
        self.pages = pages
        self.cancelled = False
        self.desk_ready_seen = False

    def report(self, done: int, total: int, text: str = "") -> None:
        if text == _("The desk is ready: lending and returning work now"):
            self.desk_ready_seen = True
        if text == _(CATALOGUE):
            self.pages -= 1
            self.cancelled = self.pages <= 0


@pytest.fixture
def small_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(snapshot, "INDEX_PAGE_LIMIT", 40)
    monkeypatch.setattr(snapshot, "COPIES_PAGE_LIMIT", 60)
    monkeypatch.setattr(snapshot, "BIB_PAGE_LIMIT", 15)


@pytest.fixture
def proxy(county) -> Iterator[FaultProxy]:  # type: ignore[no-untyped-def]
    p = FaultProxy(county.port)
    yield p
    p.close()


def test_the_desk_lends_and_takes_back_a_foreign_copy_before_the_catalogue_arrives(
    county, make_device, small_pages, capsys
):
    device = make_device()
    here = branch_of(device)
    progress = StopInCatalogue(pages=1)
    with pytest.raises(Cancelled):
        sync_once(device, progress=progress, config=FAST)
    assert progress.desk_ready_seen

    bibs, items = server_rows(county.db, "SELECT (SELECT count(*) FROM bib), count(*) FROM item")[0]
    assert local_count(device, CountyCopy) == items  # every county copy, before the records
    local = server_rows(
        county.db,
        f"SELECT count(*) FROM item WHERE home_branch_code = '{here}'"
        f" OR current_branch_code = '{here}'"
        " OR id IN (SELECT l.item_id FROM loan l JOIN reader r ON r.id = l.reader_id"
        f" WHERE l.branch_code = '{here}' OR l.return_branch_code = '{here}'"
        f" OR r.home_branch_code = '{here}')",
    )[0][0]
    assert 0 < local < items
    assert local_count(device, Item) == local  # the branch's own copies in full
    with device.sessions() as s:
        assert snapshot.desk_ready(s)
        percent = state.catalogue_percent(s)
        placeholders = s.scalar(select(func.count()).where(BibRecord.title == ""))
        assert state.get_int(s, state.SNAPSHOT_INDEX_BYTES) > 0
        assert state.get(s, PARKED) is None  # every loan of the feed found its copy and reader
        # The branch's readers came with the desk phase.
        card = s.scalar(
            select(Reader.card)
            .where(Reader.home_branch_code == here, Reader.status == "active")
            .order_by(Reader.card)
            .limit(1)
        )
    assert percent is not None and 0 <= percent < 100
    assert placeholders and placeholders < bibs  # one record page is here, the rest are not
    assert card

    # Search says the catalogue is still arriving (GUI banner and CLI use the same text).
    with device.sessions() as s:
        found = catalog_search.search(s, "书")
        assert found.receiving == percent
        assert profile_status(s).catalogue_percent == percent
    assert found.receiving_text.startswith("正在接收县馆目录")
    assert f"({percent}%)" in found.receiving_text
    assert shuwu(["status", "--home", str(device.home)]) == 0
    out = capsys.readouterr().out
    assert f"正在接收县馆目录 ({percent}%)" in out

    # Lending works at once: an own copy to a reader of the branch.
    own = own_available(device, 1)[0]
    with device.sessions() as s, s.begin():
        lent = circulation.checkout(s, device.clock, card, own)
    assert lent.kind == "checkout", lent
    # A copy of another branch, known here only by its barcode, is recognised and taken back.
    foreign, other = [
        r[0]
        for r in server_rows(
            county.db,
            "SELECT i.barcode FROM item i JOIN bib b ON b.id = i.bib_id"
            f" WHERE i.home_branch_code <> '{here}' AND i.current_branch_code <> '{here}'"
            " AND i.status = 'available' ORDER BY b.id DESC LIMIT 2",
        )
    ]
    with device.sessions() as s:
        assert s.scalar(select(Item.id).where(Item.barcode == foreign)) is None
        copy = s.get(CountyCopy, foreign)
        assert copy is not None and copy.home_branch_code != here and not copy.touched
    with device.sessions() as s, s.begin():
        taken = circulation.return_item(s, device.clock, foreign)
    assert taken.kind == "return" and foreign in taken.message and taken.in_transit_to
    assert "在途" in taken.message or "in transit" in taken.message
    with device.sessions() as s:
        copy = s.get(CountyCopy, foreign)
        assert (copy.status, copy.current_branch_code, copy.touched) == ("in_transit", here, True)
    # Lending it needs its full row: refused in words until the catalogue brings it.
    with device.sessions() as s, s.begin(), pytest.raises(circulation.CopyArriving) as arriving:
        circulation.checkout(s, device.clock, card, other)
    assert other in arriving.value.message and "县馆" in arriving.value.message

    # The next sync sends both and brings the rest of the catalogue.
    sync_once(device, config=FAST)
    assert local_count(device, BibRecord) == bibs
    with device.sessions() as s:
        assert s.scalar(select(func.count()).where(BibRecord.title == "")) == 0
        assert state.catalogue_percent(s) is None
        assert state.get(s, state.SNAPSHOT_MARK) is None
        assert catalog_search.search(s, "书").receiving is None
        assert s.scalar(select(Item.status).where(Item.barcode == foreign)) == "in_transit"
    assert local_count(device, Item) == items
    assert local_count(device, CountyCopy) == 0  # the lean rows are done with
    trigram_index_is_whole(device)
    assert server_rows(
        county.db,
        f"SELECT status, current_branch_code FROM item WHERE barcode = '{foreign}'",
    )[0] == ("in_transit", here)
    assert server_rows(county.db, f"SELECT status FROM item WHERE barcode = '{own}'")[0] == (
        "on_loan",
    )
    assert shuwu(["status", "--home", str(device.home)]) == 0
    assert "县馆目录" not in capsys.readouterr().out


def _after(path: str) -> int:
    found = re.search(r"after=(\d+)", path)
    assert found, path
    return int(found.group(1))


def test_a_catalogue_cut_off_resumes_without_fetching_finished_pages_again(
    county, make_device, small_pages, proxy
):
    device = make_device(url=proxy.url)
    with pytest.raises(Cancelled):
        sync_once(device, progress=StopInCatalogue(pages=3), config=FAST)
    with device.sessions() as s:
        resume_at = state.get_int(s, state.SNAPSHOT_AFTER)
        assert state.get(s, state.SNAPSHOT_ENTITY) == "bib" and resume_at > 0
        done = state.get_int(s, state.SNAPSHOT_BIB_DONE)
    first_run = list(proxy.stats.requests)
    desk_pages = [p for p in first_run if p.startswith("/v1/snapshot/copies") or "scope=local" in p]
    finished = {_after(p) for p in first_run if p.startswith("/v1/snapshot/bib")}
    finished = {a for a in finished if a < resume_at}  # written and committed
    assert len(finished) == 3 and desk_pages

    sync_once(device, config=FAST)
    second_run = proxy.stats.requests[len(first_run) :]
    assert not [p for p in second_run if p.startswith("/v1/snapshot/copies")]
    assert not [p for p in second_run if "scope=local" in p]
    assert [p for p in second_run if "scope=foreign" in p]
    again = [_after(p) for p in second_run if p.startswith("/v1/snapshot/bib")]
    assert again and min(again) == resume_at
    assert not finished & set(again)  # no finished page came twice
    bibs = server_rows(county.db, "SELECT count(*) FROM bib")[0][0]
    assert local_count(device, BibRecord) == bibs
    with device.sessions() as s:
        assert s.scalar(select(func.count()).where(BibRecord.title == "")) == 0
        assert state.get(s, state.SNAPSHOT_MARK) is None
    assert done > 0
    trigram_index_is_whole(device)


HOSTILE = {
    "cut short": lambda body: body[: len(body) // 2],
    "not compressed": lambda body: b'{"format": "shuwu-index/1"}',
    "a copy names a record not on the page": lambda page: {**page, "bib": [10**4] * page["count"]},
    "a column short": lambda page: {**page, "barcode": page["barcode"][:-1]},
    "uuids of the wrong length": lambda page: {
        **page,
        "item_uuids": base64.b64encode(base64.b64decode(page["item_uuids"])[:-3]).decode(),
    },
    "a time in another form": lambda page: {
        **page,
        "created_at": ["2026-01-01T00:00:00Z", *page["created_at"][1:]],
    },
    "an unknown field": lambda page: {**page, "drop_table": 1},
    "a word out of range": lambda page: {**page, "status": [999] * page["count"]},
}


def _recompress_like(body: bytes, spoil) -> bytes:  # type: ignore[no-untyped-def]
    """Spoil the page's JSON and compress it again with the server's own method."""
    from shuwu_shared.protocol.index import compress, decompress

    for method in ("zstd", "gzip"):
        try:
            page = json.loads(decompress(body, method))
        except Exception:
            continue
        return compress(json.dumps(spoil(page)).encode(), method)[0]
    raise AssertionError("not a desk index page")


HOSTILE_COPIES = {
    "cut short": lambda body: body[: len(body) // 2],
    "not compressed": lambda body: b'{"format": "shuwu-copies/1"}',
    "a page that starts with a step": lambda page: {**page, "barcode": [1, *page["barcode"][1:]]},
    "a step past the barcode's digits": lambda page: {
        **page,
        "barcode": [page["barcode"][0], 10**9, *page["barcode"][2:]],
    },
    "a step of zero": lambda page: {
        **page,
        "barcode": [page["barcode"][0], 0, *page["barcode"][2:]],
    },
    "a column short": lambda page: {**page, "home_branch": page["home_branch"][:-1]},
    "a word out of range": lambda page: {**page, "current_branch": [999] * page["count"]},
    "a barcode with a NUL": lambda page: {**page, "barcode": ["\0" * 40, *page["barcode"][1:]]},
    "an unknown field": lambda page: {**page, "drop_table": 1},
    "a count beyond the limit": lambda page: {**page, "count": 10**9},
}


DAMAGED_PAGES = [("/v1/snapshot/index", damage, HOSTILE[damage], Item) for damage in HOSTILE] + [
    ("/v1/snapshot/copies", damage, HOSTILE_COPIES[damage], CountyCopy) for damage in HOSTILE_COPIES
]


@pytest.mark.parametrize(
    ("path", "damage", "spoil", "written"),
    DAMAGED_PAGES,
    ids=[f"{path.rsplit('/', 1)[1]}: {damage}" for path, damage, _s, _w in DAMAGED_PAGES],
)
def test_a_damaged_page_is_refused_whole_and_the_next_sync_completes(  # type: ignore[no-untyped-def]
    county, make_device, proxy, path, damage, spoil, written
):
    device = make_device(url=proxy.url)
    if damage in ("cut short", "not compressed"):
        proxy.garbler = spoil
    else:
        proxy.garbler = lambda body: _recompress_like(body, spoil)
    proxy.add_fault(path, "garble")
    with pytest.raises(ServerRefused) as refused:
        sync_once(device, config=FAST)
    assert refused.value.code == "bad_page" and "目录" in refused.value.message
    assert local_count(device, written) == 0  # nothing of the page was written
    with device.sessions() as s:
        assert not snapshot.desk_ready(s)

    sync_once(device, config=FAST)  # the link is good again
    items = server_rows(county.db, "SELECT count(*) FROM item")[0][0]
    assert local_count(device, Item) == items
    assert local_count(device, CountyCopy) == 0


def _desk_ready_with_a_foreign_copy(county, make_device, status: str):  # type: ignore[no-untyped-def]
    """A new device stopped after its desk phase, and another branch's copy it knows only by
    barcode: (device, its branch, the copy's barcode)."""
    device = make_device()
    here = branch_of(device)
    with pytest.raises(Cancelled):
        sync_once(device, progress=StopInCatalogue(pages=1), config=FAST)
    foreign = server_rows(
        county.db,
        f"SELECT barcode FROM item WHERE home_branch_code <> '{here}'"
        f" AND current_branch_code <> '{here}' AND status = '{status}' ORDER BY id LIMIT 1",
    )[0][0]
    return device, here, foreign


def test_a_copy_taken_back_before_its_full_row_keeps_what_the_desk_did(
    county, make_device, small_pages
):
    """The return is not pushed before the other copies arrive (a push refused, a cut link):
    their page, read before the county knew of the return, must not undo it here."""
    device, here, foreign = _desk_ready_with_a_foreign_copy(county, make_device, "available")
    with device.sessions() as s, s.begin():
        circulation.return_item(s, device.clock, foreign)
    enrolment = _enrolment(device)
    with Transport(enrolment.server_url, enrolment.token, FAST) as transport:
        initial_snapshot(device, transport, StopInCatalogue(pages=10**6))  # no push first
    with device.sessions() as s:
        row = s.execute(
            select(Item.status, Item.current_branch_code).where(Item.barcode == foreign)
        ).one()
        assert tuple(row) == ("in_transit", here)
        assert state.get(s, state.SNAPSHOT_MARK) is None
    assert server_rows(county.db, f"SELECT status FROM item WHERE barcode = '{foreign}'")[0] == (
        "available",
    )  # the county has not heard of it yet

    sync_once(device, config=FAST)  # the return goes out; the county agrees
    assert server_rows(
        county.db, f"SELECT status, current_branch_code FROM item WHERE barcode = '{foreign}'"
    )[0] == ("in_transit", here)
    with device.sessions() as s:
        assert s.scalar(select(Item.status).where(Item.barcode == foreign)) == "in_transit"


def test_undo_of_a_return_of_a_copy_known_only_by_barcode(county, make_device, small_pages):
    device, _here, foreign = _desk_ready_with_a_foreign_copy(county, make_device, "available")
    with device.sessions() as s, s.begin():
        taken = circulation.return_item(s, device.clock, foreign)
    with device.sessions() as s, s.begin():
        undone = circulation.undo(s, device.clock, taken.op_id, "扫错了")
    assert undone.kind == "undo" and foreign in undone.message
    with device.sessions() as s:
        assert s.get(CountyCopy, foreign).status == "on_loan"
    sync_once(device, config=FAST)  # both ops are accepted; nothing is left waiting
    with device.sessions() as s:
        assert local_count(device, CountyCopy) == 0
        assert s.scalar(select(Item.barcode).where(Item.barcode == foreign)) == foreign


def test_large_record_pages_on_a_slow_link_are_written_in_short_transactions(
    county, make_device, proxy, monkeypatch
):
    """On a slow link record pages are larger (fewer round trips) but each is still written
    a chunk a transaction, so the desk never waits long; the catalogue comes whole."""
    from sqlalchemy import event

    monkeypatch.setattr(snapshot, "SEARCH_KEYS", "never")  # as on a slow link
    monkeypatch.setattr(snapshot, "SLOW_LINK_BIB_PAGE_LIMIT", 40)
    monkeypatch.setattr(snapshot, "BIB_WRITE_CHUNK", 15)
    device = make_device(url=proxy.url)
    commits: list[int] = []

    def count(_conn) -> None:  # type: ignore[no-untyped-def]
        with device.engine.connect() as peek:
            row = peek.exec_driver_sql(
                "SELECT value FROM sync_state WHERE key = 'snapshot_bib_done'"
            ).first()
        commits.append(int(row[0]) if row else 0)

    event.listen(device.engine, "commit", count)
    sync_once(device, config=FAST)
    event.remove(device.engine, "commit", count)

    bibs = server_rows(county.db, "SELECT count(*) FROM bib")[0][0]
    record_pages = [p for p in proxy.stats.requests if p.startswith("/v1/snapshot/bib")]
    assert record_pages and all("limit=40" in p and "keys=false" in p for p in record_pages)
    assert len(record_pages) == -(-bibs // 40)
    assert local_count(device, BibRecord) == bibs
    # The records counted up 15 at most between two commits.
    steps = [b - a for a, b in itertools.pairwise(commits) if b > a]
    assert steps and max(steps) <= 15
    trigram_index_is_whole(device)


def test_the_scopes_split_every_copy_between_the_branch_and_the_rest(county, make_device):
    """``scope=local`` and ``scope=foreign`` together are every copy, once; the copies page
    names every copy too; another branch's device gets another split."""
    import requests

    from app.device.credentials import load_token
    from shuwu_shared.protocol.copies import read_page as read_copies
    from shuwu_shared.protocol.index import page_rows, read_page

    def fetch(device, path: str) -> tuple[bytes, str]:  # type: ignore[no-untyped-def]
        with device.sessions() as s:
            token = load_token(s, device.home)
        reply = requests.get(
            f"{county.url}{path}", headers={"Authorization": f"Bearer {token}"}, timeout=60
        )
        assert reply.status_code == 200, reply.text
        return reply.content, reply.headers["X-Shuwu-Compression"]

    def barcodes(device, scope: str) -> list[str]:  # type: ignore[no-untyped-def]
        body, method = fetch(device, f"/v1/snapshot/index?limit=50000&scope={scope}")
        page = read_page(body, method)
        assert not page.has_more
        return [row[2] for row in page_rows(page)]

    every = {r[0] for r in server_rows(county.db, "SELECT barcode FROM item")}
    splits = []
    from tests.sync.conftest import village_codes

    for device in (make_device(), make_device(branch=village_codes(county)[1])):
        local, foreign = barcodes(device, "local"), barcodes(device, "foreign")
        assert len(local) + len(foreign) == len(every)
        assert set(local) | set(foreign) == every and not set(local) & set(foreign)
        here = branch_of(device)
        homes = server_rows(
            county.db, f"SELECT barcode FROM item WHERE home_branch_code = '{here}'"
        )
        assert {r[0] for r in homes} <= set(local)
        splits.append(set(local))
        body, method = fetch(device, "/v1/snapshot/copies?limit=200000")
        page, rows = read_copies(body, method)
        assert not page.has_more and {r[0] for r in rows} == every
    assert splits[0] != splits[1]
