"""The change feed: commit-ordered cursor, pagination, gzip, and per-branch scope."""

from __future__ import annotations

import pytest
import requests

from tests import serverproc
from tests.server.conftest import enrol, new_reader, new_title


def test_pagination_gives_the_same_feed_as_one_page(server: serverproc.ServerProcess) -> None:
    client = enrol(server, "CW01")
    whole, end = client.all_changes(limit=5000)
    paged, paged_end = client.all_changes(limit=7)
    assert [c["seq"] for c in paged] == [c["seq"] for c in whole]
    assert end == paged_end
    seqs = [c["seq"] for c in whole]
    assert seqs == sorted(set(seqs))
    # Resuming from the end gives nothing; a new change appears after the cursor only.
    assert client.changes(end)["changes"] == []
    ops, title = new_title(client)
    client.push(ops)
    more, _ = client.all_changes(end)
    assert {c["uuid"] for c in more} >= {title["bib_uuid"], title["items"][0]["item_uuid"]}
    assert all(c["seq"] > end for c in more)


def test_feed_is_gzip_and_marked(server: serverproc.ServerProcess) -> None:
    client = enrol(server, "CW01")
    r = requests.get(
        client.base_url + "/v1/changes",
        params={"limit": 200},
        headers={**client.headers(), "Accept-Encoding": "gzip"},
        timeout=30,
    )
    assert r.headers.get("Content-Encoding") == "gzip"
    assert r.headers["X-Shuwu-Server"] == "1"
    assert len(r.json()["changes"]) == 200 and r.json()["has_more"] is True


# A server of its own: the feed is history, so another test's ops on the shared server (an undo by
# CW01 of a DH01 loan, a transfer) rightly put rows in CW01's feed that today's state can't explain.
@pytest.mark.parametrize("fresh_server", ["sqlite", "postgres"], indirect=True)
def test_scope_per_branch(fresh_server: serverproc.ServerProcess) -> None:
    server = fresh_server
    cw = enrol(server, "CW01")
    changes, _ = cw.all_changes()
    by_entity: dict[str, dict[str, dict]] = {}
    for c in changes:
        rows = by_entity.setdefault(c["entity"], {})
        if c["op"] == "delete":
            rows.pop(c["uuid"], None)
        else:
            rows[c["uuid"]] = c["data"]
    # County-wide: branches, policies, rules, the whole item index and every referenced bib.
    assert {"CW01", "DH01"} <= {b["code"] for b in by_entity["branch"].values()}
    assert len(by_entity["policy"]) == 4 and len(by_entity["credit_rules"]) == 1
    homes = {i["home_branch"] for i in by_entity["item"].values()}
    assert len(homes) > 3  # other branches' copies too
    assert {i["bib_uuid"] for i in by_entity["item"].values()} <= set(by_entity["bib"])
    # Readers: its own, and the borrowers of the loans it gets (made here, returned here, or of
    # its copies: it cannot store a loan without its reader), those masked.
    cw_loans = by_entity.get("loan", {}).values()
    borrowers = {x["reader_uuid"] for x in cw_loans}
    for uuid, reader in by_entity.get("reader", {}).items():
        assert reader["home_branch"] == "CW01" or uuid in borrowers
        if reader["home_branch"] != "CW01":
            assert reader["phone"] is None and reader["birth_year"] is None
            assert reader["name"][1:] == "*" * (len(reader["name"]) - 1)
    cw_items = {u for u, i in by_entity["item"].items() if i["home_branch"] == "CW01"}
    for loan in cw_loans:
        assert (
            loan["branch_code"] == "CW01"
            or loan["item_uuid"] in cw_items
            or loan["return_branch_code"] == "CW01"
            or by_entity.get("reader", {}).get(loan["reader_uuid"], {}).get("home_branch") == "CW01"
        )
    # Another branch's new reader stays out of CW01's feed.
    dh = enrol(server, "DH01")
    op, reader = new_reader(dh)
    dh.push([op])
    assert reader["reader_uuid"] not in {c["uuid"] for c in cw.all_changes()[0]}
    assert reader["reader_uuid"] in {c["uuid"] for c in dh.all_changes()[0]}


def test_catalog_isbn_and_call_seq(server: serverproc.ServerProcess) -> None:
    client = enrol(server, "CW01")
    changes, _ = client.all_changes()
    bib = next(c["data"] for c in changes if c["entity"] == "bib" and c["data"]["isbn"])
    r = requests.get(
        client.base_url + f"/v1/catalog/isbn/{bib['isbn']}", headers=client.headers(), timeout=10
    )
    assert r.status_code == 200 and r.json()["uuid"] == bib["uuid"]
    r = requests.get(
        client.base_url + "/v1/catalog/isbn/9780000000002", headers=client.headers(), timeout=10
    )
    assert r.status_code == 404 and r.json()["error"] == "not_found"
    item = next(
        c["data"]
        for c in changes
        if c["entity"] == "item" and "/" in (c["data"]["call_number"] or "")
    )
    class_no, number = item["call_number"].split("/", 1)
    first = requests.post(
        client.base_url + "/v1/catalog/call-seq",
        json={"class_no": class_no},
        headers=client.headers(),
        timeout=10,
    ).json()["seq"]
    second = requests.post(
        client.base_url + "/v1/catalog/call-seq",
        json={"class_no": class_no},
        headers=client.headers(),
        timeout=10,
    ).json()["seq"]
    assert first > int(number.split(":")[0]) and second == first + 1


def test_shelf_locations_reach_their_branch_only(server: serverproc.ServerProcess) -> None:
    import uuid

    cw = enrol(server, "CW01")
    dh = enrol(server, "DH01")
    loc = {"location_uuid": str(uuid.uuid4()), "branch": "CW01", "code": "A9", "name": "少儿架"}
    assert cw.push([cw.op("shelf_location_upsert", loc)])[0]["status"] == "applied"
    mine = [c for c in cw.all_changes()[0] if c["uuid"] == loc["location_uuid"]]
    assert mine and mine[-1]["entity"] == "shelf_location"
    assert mine[-1]["data"]["name"] == "少儿架" and mine[-1]["data"]["branch_code"] == "CW01"
    assert all(c["uuid"] != loc["location_uuid"] for c in dh.all_changes()[0])


def test_a_retired_shelf_stays_retired_and_renames_keep_it(
    server: serverproc.ServerProcess,
) -> None:
    import uuid

    cw = enrol(server, "CW01")
    loc = {"location_uuid": str(uuid.uuid4()), "branch": "CW01", "code": "书架1", "name": "书架1"}
    renamed = {**loc, "name": "农业技术"}
    retired = {**renamed, "retired": True}
    ops = [cw.op("shelf_location_upsert", p) for p in (loc, renamed, retired)]
    assert [r["status"] for r in cw.push(ops)] == ["applied"] * 3
    mine = [c for c in cw.all_changes()[0] if c["uuid"] == loc["location_uuid"]]
    assert mine[-1]["data"]["name"] == "农业技术" and mine[-1]["data"]["retired"] is True
    back = {**renamed, "retired": None}  # an older client's payload: active again
    assert cw.push([cw.op("shelf_location_upsert", back)])[0]["status"] == "applied"
    mine = [c for c in cw.all_changes()[0] if c["uuid"] == loc["location_uuid"]]
    assert mine[-1]["data"]["retired"] is False
