"""Shelves, moving copies, scan-time barcode checks and barcode runs (the services both the
GUI and the CLI call), with the outbox ops they queue for the county."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from app.models import Item, OutboxOp
from app.profile import Profile
from app.services import catalog, catalog_shelves
from shuwu_shared.bib import BibData
from shuwu_shared.errors import NotFound, UserInputError
from tests.catalog.test_catalog_service import catalogue


def ops(profile: Profile, kind: str) -> list[dict]:  # type: ignore[type-arg]
    with profile.sessions() as s:
        return [o.payload for o in s.scalars(select(OutboxOp).where(OutboxOp.kind == kind))]


def put_on_shelf(profile: Profile, barcode: str, shelf: str) -> None:
    """Like the demo profile: a copy standing on a shelf nobody defined."""
    with profile.sessions() as s, s.begin():
        item = s.scalar(select(Item).where(Item.barcode == barcode))
        assert item is not None
        item.shelf_location = shelf


def test_shelves_in_use_are_listed_then_renamed_and_retired(branch_profile: Profile) -> None:
    catalogue(branch_profile, "红楼梦", "I242.47", ["V0010001", "V0010002"])
    put_on_shelf(branch_profile, "V0010002", "书架1")
    clock = branch_profile.clock
    with branch_profile.sessions() as s:
        shelves = {v.code: v for v in catalog_shelves.list_shelves(s)}
    assert shelves["A1"].items == 1 and shelves["A1"].defined
    assert shelves["书架1"].items == 1 and not shelves["书架1"].defined
    with branch_profile.sessions() as s, s.begin():
        renamed = catalog_shelves.rename_shelf(s, clock, "书架1", "农业技术")
        added = catalog_shelves.add_shelf(s, clock, "书架5", "儿童读物")
    assert renamed.name == "农业技术" and added.code == "书架5"
    with branch_profile.sessions() as s, s.begin():
        with pytest.raises(UserInputError, match="1"):
            catalog_shelves.retire_shelf(s, clock, "书架1")  # a copy still stands on it
        with pytest.raises(UserInputError):
            catalog_shelves.add_shelf(s, clock, "书架5", "again")
        with pytest.raises(UserInputError):
            catalog_shelves.add_shelf(s, clock, "has space", "x")
        with pytest.raises(NotFound):
            catalog_shelves.rename_shelf(s, clock, "nowhere", "x")
    with branch_profile.sessions() as s, s.begin():
        moved = catalog_shelves.move_copy(s, clock, "V0010002", "书架5")
        catalog_shelves.retire_shelf(s, clock, "书架1")
    assert moved.shelf_location == "书架5"
    with branch_profile.sessions() as s:
        codes = [v.code for v in catalog_shelves.list_shelves(s)]
        everything = catalog_shelves.list_shelves(s, include_retired=True)
    assert "书架1" not in codes and "书架5" in codes
    assert [v.retired for v in everything if v.code == "书架1"] == [True]
    sent = ops(branch_profile, "shelf_location_upsert")
    assert [(p["code"], p["name"], p["retired"]) for p in sent] == [
        ("书架1", "农业技术", False),
        ("书架5", "儿童读物", False),
        ("书架1", "农业技术", True),
    ]
    assert ops(branch_profile, "item_upsert")[-1]["shelf_location"] == "书架5"
    with branch_profile.sessions() as s, s.begin(), pytest.raises(UserInputError):
        catalog_shelves.move_copy(s, clock, "V0010001", "书架1")  # retired


def test_scan_time_barcode_check(branch_profile: Profile) -> None:
    catalogue(branch_profile, "红楼梦", "I242.47", ["V0010001"])
    with branch_profile.sessions() as s:
        assert catalog.check_new_barcode(s, "V0010002").ok
        used = catalog.check_new_barcode(s, "V0010001")
        outside = catalog.check_new_barcode(s, "V0020001")
        bad = catalog.check_new_barcode(s, "V0")
        isbn = catalog.check_new_barcode(s, "9787020002207")
        pending = catalog.check_new_barcode(s, "V0010003", ["V0010003"])
    assert not used.ok and "V0010001" in used.message
    assert not outside.ok and "V0010000" in outside.message
    assert not bad.ok and not isbn.ok and not pending.ok


def test_barcode_runs() -> None:
    assert catalog.barcode_run("V0010008", 3) == ("V0010008", "V0010009", "V0010010")
    with pytest.raises(UserInputError):
        catalog.barcode_run("V9999999", 2)  # V10000000 would be a digit longer
    with pytest.raises(UserInputError):
        catalog.barcode_run("ABCD", 2)
    with pytest.raises(UserInputError):
        catalog.barcode_run("V0010001", 0)
    with pytest.raises(UserInputError):
        catalog.barcode_run("V0010001", catalog.MAX_RUN + 1)


@settings(max_examples=80, deadline=None)
@given(st.text(max_size=40), st.integers(min_value=-5, max_value=500))
def test_barcode_run_refuses_or_counts_up(start: str, count: int) -> None:
    try:
        run = catalog.barcode_run(start, count)
    except UserInputError:
        return
    assert len(run) == count and len(set(run)) == count
    assert all(len(code) == len(run[0]) for code in run)


def test_record_edit_and_status_with_reason(branch_profile: Profile) -> None:
    uuid = catalogue(branch_profile, "红楼梦", "I242.47", ["V0010001"])
    clock = branch_profile.clock
    with branch_profile.sessions() as s, s.begin():
        view = catalog.get_record(s, uuid)
        data = BibData.from_mapping({**vars(view.data), "author": "曹雪芹"})
        catalog.save_bib(s, clock, data, uuid)
        catalog.set_item_status(s, clock, "V0010001", "lost", "读者遗失")
    with branch_profile.sessions() as s:
        again = catalog.get_record(s, uuid)
    assert again.data.author == "曹雪芹" and again.items[0].status == "lost"
    status = ops(branch_profile, "item_status")[-1]
    assert status["status"] == "lost" and status["reason"] == "读者遗失"
    assert ops(branch_profile, "bib_upsert")[-1]["author"] == "曹雪芹"


def test_stocktake_by_a_shelf_nobody_defined(branch_profile: Profile) -> None:
    from app.services import stocktake

    catalogue(branch_profile, "红楼梦", "I242.47", ["V0010001", "V0010002", "V0010003"])
    put_on_shelf(branch_profile, "V0010002", "书架1")
    put_on_shelf(branch_profile, "V0010003", "书架1")
    clock = branch_profile.clock
    with branch_profile.sessions() as s:
        assert "书架1" in [v.code for v in catalog_shelves.list_shelves(s)]
    with branch_profile.sessions() as s, s.begin():
        info = stocktake.start(s, clock, "书架1")
        stocktake.scan(s, clock, "V0010002", info.uuid)
    with branch_profile.sessions() as s:
        result = stocktake.report(s, info.uuid)
    assert (result.expected, result.found) == (2, 1)
    assert [m.barcode for m in result.missing] == ["V0010003"]


@settings(max_examples=40, deadline=None)
@given(
    code=st.text(max_size=40),
    name=st.text(max_size=300),
    lone=st.sampled_from(["", "\ud800", "\x00"]),
)
def test_shelf_names_and_codes_refused_or_stored(
    tmp_path_factory, code: str, name: str, lone: str
) -> None:  # type: ignore[no-untyped-def]
    from app.profile import open_profile
    from tests.catalog.conftest import enrol

    profile = open_profile(tmp_path_factory.mktemp("p"))
    try:
        enrol(profile)
        with profile.sessions() as s, s.begin():
            try:
                view = catalog_shelves.add_shelf(s, profile.clock, code + lone, name + lone)
            except UserInputError:
                return
        with profile.sessions() as s:
            assert view.code in [v.code for v in catalog_shelves.list_shelves(s)]
    finally:
        profile.close()
