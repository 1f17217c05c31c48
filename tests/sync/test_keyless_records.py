"""Record pages without pinyin keys (``shuwu-bib/2``): the PC computes them, search is the same.

Real county server (SQLite and PostgreSQL), real client profiles. One PC receives the records
with their search keys, another without them (as on a slow link); both must find exactly the
same records by pinyin initials, full pinyin, two Chinese characters and ISBN.
"""

from __future__ import annotations

import pytest
import requests
from sqlalchemy import create_engine, select, text

from app.device.credentials import load_token
from app.models import BibRecord
from app.services import catalog_search
from app.sync import snapshot
from app.sync.engine import sync_once
from shuwu_shared.domain.pinyin import record_search_keys
from shuwu_shared.protocol.index import KEYLESS_BIB_FORMAT
from tests.sync.helpers import FAST
from tests.sync.test_snapshot import server_rows

MARKER = "zzqxkeys"  # a key no title makes: only a PC that received the county's keys has it


def _mark_server_keys(db: str, uuid: str) -> None:
    engine = create_engine(db)
    try:
        with engine.begin() as conn:
            conn.execute(
                text("UPDATE bib SET search_keys = search_keys || ' ' || :m WHERE uuid = :u"),
                {"m": MARKER, "u": uuid},
            )
    finally:
        engine.dispose()


def _synced(make_device, monkeypatch, keys: str, name: str):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(snapshot, "SEARCH_KEYS", keys)
    monkeypatch.setattr(snapshot, "BIB_PAGE_LIMIT", 40)
    device = make_device(name=name)
    sync_once(device, config=FAST)
    return device


def _hits(device, query: str) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    with device.sessions() as s:
        found = catalog_search.search(s, query, limit=500)
    assert found.receiving is None
    return sorted((h.bib_uuid, h.title) for h in found.hits)


def test_a_pc_that_computes_the_keys_finds_the_same_records(county, make_device, monkeypatch):
    bibs = server_rows(
        county.db, "SELECT uuid, title, author, isbn FROM bib WHERE isbn IS NOT NULL ORDER BY id"
    )
    assert len(bibs) > 40
    marked = bibs[len(bibs) // 2][0]
    _mark_server_keys(county.db, marked)

    shipped = _synced(make_device, monkeypatch, "always", "shipped")
    computed = _synced(make_device, monkeypatch, "never", "computed")

    with shipped.sessions() as s:
        sent = {u: k for u, k in s.execute(select(BibRecord.uuid, BibRecord.search_keys))}
    with computed.sessions() as s:
        made = {u: k for u, k in s.execute(select(BibRecord.uuid, BibRecord.search_keys))}
    assert set(sent) == set(made) == {b[0] for b in server_rows(county.db, "SELECT uuid FROM bib")}
    # The keyless PC really computed its keys: it lacks the marker the county's keys carry.
    assert MARKER in sent[marked] and MARKER not in made[marked]
    assert made[marked] == record_search_keys(bibs[len(bibs) // 2][1], bibs[len(bibs) // 2][2])
    assert {u: k for u, k in sent.items() if u != marked} == {
        u: k for u, k in made.items() if u != marked
    }

    queries: list[str] = []
    for _uuid, title, author, isbn in bibs[::7][:12]:
        keys = record_search_keys(title, author).split()
        queries.append(keys[0][:8])  # full pinyin (its start)
        queries.append(keys[-1][:3])  # pinyin initials
        han = [c for c in title if "\u4e00" <= c <= "\u9fff"]
        if len(han) >= 2:
            queries.append("".join(han[:2]))  # two Chinese characters
        queries.append(isbn)
    assert len(queries) > 30
    some = 0
    for query in queries:
        here = _hits(shipped, query)
        assert here == _hits(computed, query), query
        some += bool(here)
    assert some >= len(queries) // 2  # the queries do find records


def test_the_server_leaves_the_keys_out_only_when_asked(county, make_device):
    device = make_device()
    with device.sessions() as s:
        token = load_token(s, device.home)
    auth = {"Authorization": f"Bearer {token}"}
    summary = requests.get(f"{county.url}/v1/snapshot", headers=auth, timeout=30).json()
    assert KEYLESS_BIB_FORMAT in summary["formats"]
    full = requests.get(f"{county.url}/v1/snapshot/bib?limit=5", headers=auth, timeout=30)
    bare = requests.get(
        f"{county.url}/v1/snapshot/bib?limit=5&keys=false", headers=auth, timeout=30
    )
    with_keys, without = full.json(), bare.json()
    assert "search_keys" in with_keys["columns"]
    assert "search_keys" not in without["columns"]
    assert len(without["columns"]) == len(without["data"]) == len(with_keys["columns"]) - 1
    assert without["data"][0] == with_keys["data"][0]  # the same records


@pytest.mark.parametrize(
    ("rate", "keys"),
    [(None, True), (125_000.0, False), (2e5, False), (2e6, True), (1e9, True)],
)
def test_the_keys_are_left_out_below_the_break_even_speed(rate, keys, monkeypatch):
    monkeypatch.setattr(snapshot, "SEARCH_KEYS", "auto")
    assert snapshot.ship_keys(True, rate) is keys
    assert snapshot.ship_keys(False, rate) is True  # a server without shuwu-bib/2
