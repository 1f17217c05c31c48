from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import func, select

from app.models import BibRecord, Item, OutboxOp
from app.profile import Profile
from app.services import catalog
from app.services.catalog import CopyInput
from app.services.catalog_search import search
from shuwu_shared.bib import BibData
from shuwu_shared.errors import ServerUnreachable, UserInputError


class OfflineUnion:
    def lookup_isbn(self, isbn13: str) -> dict[str, Any] | None:
        raise ServerUnreachable("offline")

    def next_call_seq(self, class_no: str) -> int:
        raise ServerUnreachable("offline")


class CountyUnion:
    """Stands in for the county's answers (the HTTP client is tested against a real socket)."""

    def __init__(self) -> None:
        self.seq = 40

    def lookup_isbn(self, isbn13: str) -> dict[str, Any] | None:
        if isbn13 == "9787020002207":
            return {"title": "红楼梦", "author": "曹雪芹", "clc_class": "I242.47"}
        return None

    def next_call_seq(self, class_no: str) -> int:
        self.seq += 1
        return self.seq


def counts(profile: Profile) -> tuple[int, int, int]:
    with profile.sessions() as s:
        return (
            s.scalar(select(func.count()).select_from(BibRecord)) or 0,
            s.scalar(select(func.count()).select_from(Item)) or 0,
            s.scalar(select(func.count()).select_from(OutboxOp)) or 0,
        )


def catalogue(profile: Profile, title: str, clc: str, barcodes: list[str], **kw: Any) -> str:
    with profile.sessions() as s, s.begin():
        bib = catalog.save_bib(s, profile.clock, BibData(title=title, clc_class=clc, **kw))
        catalog.add_copies(s, profile.clock, bib.uuid, [CopyInput(b, "A1") for b in barcodes])
        return bib.uuid


def test_isbn10_and_13_are_normalised_and_checked(branch_profile: Profile) -> None:
    with branch_profile.sessions() as s:
        r = catalog.lookup_isbn(s, "7-02-000220-X", None)  # ISBN-10 of the same book
        assert r.isbn == "9787020002207" and r.source == "empty"
        with pytest.raises(UserInputError, match="9787020002208"):
            catalog.lookup_isbn(s, "9787020002208", None)


def test_lookup_chain_union_then_local_then_empty(branch_profile: Profile) -> None:
    with branch_profile.sessions() as s:
        assert catalog.lookup_isbn(s, "9787020002207", CountyUnion()).source == "union"
        offline = catalog.lookup_isbn(s, "9787020002207", OfflineUnion())
        assert offline.source == "empty" and offline.offline
    catalogue(branch_profile, "红楼梦", "I242.47", ["V0010001"], isbn="9787020002207")
    with branch_profile.sessions() as s:
        local = catalog.lookup_isbn(s, "978-7-02-000220-7", OfflineUnion())
        assert local.source == "local" and local.data.title == "红楼梦"
        assert [i.barcode for i in local.items] == ["V0010001"]


def test_copies_get_call_numbers_labels_and_ops(branch_profile: Profile) -> None:
    clock = branch_profile.clock
    reserved = catalog.reserve_call_seq(CountyUnion(), "TS976.3")  # before the transaction
    assert catalog.reserve_call_seq(OfflineUnion(), "TS976.3") is None
    with branch_profile.sessions() as s, s.begin():
        bib = catalog.save_bib(s, clock, BibData(title="园艺手册", clc_class="TS976.3"))
        added = catalog.add_copies(
            s,
            clock,
            bib.uuid,
            [CopyInput("V0010005", "B1"), CopyInput("V0010006", "B1", aux="2")],
            reserved,
        )
    assert added.seq_source == "county"
    assert [i.call_number for i in added.items] == ["TS976.3/41", "TS976.3/41:2"]
    with branch_profile.sessions() as s, s.begin():
        more = catalog.add_copies(s, clock, bib.uuid, [CopyInput("V0010007")])
        assert more.items[0].call_number == "TS976.3/41"  # same 种, same 种次号
        assert len(catalog.pending_labels(s)) == 3
        kinds = s.scalars(select(OutboxOp.kind).order_by(OutboxOp.device_seq)).all()
    assert kinds == ["bib_upsert", "item_upsert", "item_upsert", "item_upsert"]


def test_offline_seq_is_next_local_number(branch_profile: Profile) -> None:
    catalogue(branch_profile, "乡村故事", "I247.5", ["V0010010"])
    catalogue(branch_profile, "山里人家", "I247.5", ["V0010011"])
    with branch_profile.sessions() as s:
        calls = sorted(s.scalars(select(Item.call_number)).all())
    assert calls == ["I247.5/1", "I247.5/2"]


@pytest.mark.parametrize(
    ("barcode", "message"),
    [
        ("V0010001", "已被其他复本使用"),
        ("X0010002", "不在本馆点的条码段"),
        ("9787020002207", "ISBN"),
        ("a b", "不是图书条码"),
    ],
)
def test_bad_barcodes_are_refused_and_nothing_changes(
    branch_profile: Profile, barcode: str, message: str
) -> None:
    uuid = catalogue(branch_profile, "红楼梦", "I242.47", ["V0010001"])
    before = counts(branch_profile)
    with pytest.raises(UserInputError, match=message), branch_profile.sessions() as s, s.begin():
        catalog.add_copies(
            s, branch_profile.clock, uuid, [CopyInput("V0010002"), CopyInput(barcode)]
        )
    assert counts(branch_profile) == before


def test_invalid_record_fields_refused(branch_profile: Profile) -> None:
    with branch_profile.sessions() as s:
        with pytest.raises(UserInputError):
            catalog.save_bib(s, branch_profile.clock, BibData(title=" "))
        with pytest.raises(UserInputError):
            catalog.save_bib(s, branch_profile.clock, BibData(title="书", clc_class="L123"))
        with pytest.raises(UserInputError):
            catalog.save_bib(s, branch_profile.clock, BibData(title="书", isbn="9787020002201"))


def test_search_paths(branch_profile: Profile) -> None:
    catalogue(
        branch_profile, "红楼梦", "I242.47", ["V0010001"], author="曹雪芹", isbn="9787020002207"
    )
    catalogue(branch_profile, "长城史话", "K928.77", ["V0010002"])
    catalogue(branch_profile, "苹果栽培技术", "S661.1", ["V0010003"])
    catalogue(branch_profile, "重庆火锅", "TS972.12", ["V0010004"])
    with branch_profile.sessions() as s:

        def titles(q: str) -> list[str]:
            return [h.title for h in search(s, q).hits]

        assert titles("hlm") == ["红楼梦"]
        assert titles("红楼") == ["红楼梦"]  # two-character word
        assert titles("梦") == ["红楼梦"]
        assert titles("曹雪芹") == ["红楼梦"]
        assert titles("978-7-02-000220-7") == ["红楼梦"]
        assert titles("V0010003") == ["苹果栽培技术"]
        assert titles("S661") == ["苹果栽培技术"]
        assert titles("zcsh") == ["长城史话"]  # heteronym 长 zhang/chang
        assert titles("ccsh") == ["长城史话"]
        assert titles("cqhg") == ["重庆火锅"]  # 重 chong/zhong
        assert titles("栽培") == ["苹果栽培技术"]
        assert titles("无此书") == []
        hit = search(s, "hlm").hits[0]
        assert hit.copies[0].status == "available" and hit.call_number == "I242.47/1"


def test_search_orders_by_clc_shelf_key(branch_profile: Profile) -> None:
    for title, clc, code in [
        ("乙书", "I248", "V0010001"),
        ("甲书", "I247.57", "V0010002"),
        ("丙书", "I247.5", "V0010003"),
    ]:
        catalogue(branch_profile, f"文学{title}", clc, [code])
    with branch_profile.sessions() as s:
        calls = [h.call_number for h in search(s, "I24").hits]
    assert calls == ["I247.5/1", "I247.57/1", "I248/1"]
