"""The demo county is reproducible, internally consistent and valid by the domain rules."""

from __future__ import annotations

import itertools
import pickle
from collections import Counter
from datetime import UTC, datetime

import pytest

from shuwu_shared.demo import (
    COUNTY_SCALE,
    DemoCounty,
    DemoScale,
    generate,
    iter_bibs,
    make_branches,
)
from shuwu_shared.demo.rng import stream
from shuwu_shared.domain.callnumber import parse_call_number, sort_key
from shuwu_shared.domain.clc import is_valid_class_number
from shuwu_shared.domain.isbn import normalise_isbn

SMALL = DemoScale(titles=200, items=500, readers=100, loans=300, villages=24)


@pytest.fixture(scope="module")
def county() -> DemoCounty:
    return generate()


def test_same_seed_same_county_byte_for_byte_other_seed_differs() -> None:
    first = generate(seed=7, scale=SMALL)
    assert pickle.dumps(first) == pickle.dumps(generate(seed=7, scale=SMALL))
    other = generate(seed=8, scale=SMALL)
    assert other != first
    assert {b.isbn for b in other.bibs[30:]} != {b.isbn for b in first.bibs[30:]}


def test_streams_are_independent_so_more_readers_leave_the_books_alone() -> None:
    a = generate(seed=3, scale=SMALL)
    b = generate(seed=3, scale=SMALL, readers=150)
    assert a.bibs == b.bibs and a.items == b.items and a.branches == b.branches
    assert list(iter_bibs(3, 50)) == a.bibs[:50]


def test_exact_sizes(county: DemoCounty) -> None:
    assert (len(county.bibs), len(county.items), len(county.readers), len(county.loans)) == (
        3000,
        9000,
        1500,
        6000,
    )
    custom = generate(seed=1, titles=120, items=100, readers=40, loans=50)
    assert (len(custom.bibs), len(custom.items), len(custom.loans)) == (120, 100, 50)


def test_network_shape_follows_the_annual_report() -> None:
    branches = make_branches(stream(1, "setup"), COUNTY_SCALE.villages)
    kinds = Counter(b.kind for b in branches)
    assert kinds == {"county": 1, "township": 12, "village": 319}
    names = {b.name for b in branches}
    assert "陵川县图书馆" in names
    assert "附城镇丈河村农家书屋" in names  # villages the report names keep their township
    assert "平城镇草坡村农家书屋" in names
    codes = {b.code for b in branches}
    assert len(codes) == len(branches)
    assert all(b.parent_code in codes for b in branches if b.kind != "county")
    assert all(b.parent_code == "LC" for b in branches if b.kind == "township")
    ranges = sorted((int(b.barcode_range_start), int(b.barcode_range_end)) for b in branches)
    assert all(hi < next_lo for (_lo, hi), (next_lo, _h) in itertools.pairwise(ranges))
    assert all(len(b.barcode_range_start) == len(b.barcode_range_end) == 8 for b in branches)


def test_records_are_valid(county: DemoCounty) -> None:
    assert all(normalise_isbn(b.isbn) == b.isbn and b.isbn.startswith("9787") for b in county.bibs)
    assert len({b.isbn for b in county.bibs}) == len(county.bibs)
    assert all(is_valid_class_number(b.clc_class) for b in county.bibs)
    titles = {(b.title, b.author) for b in county.bibs}
    assert {("红楼梦", "曹雪芹"), ("平凡的世界", "路遥"), ("活着", "余华")} <= titles
    hongloumeng = next(b for b in county.bibs if b.title == "红楼梦")
    assert hongloumeng.isbn == "9787020002207"  # the real 人民文学出版社 edition
    assert {b.clc_class[0] for b in county.bibs} >= {"S", "I", "R", "D", "F", "K", "G", "T"}


def test_copies_barcodes_and_call_numbers(county: DemoCounty) -> None:
    assert len({i.barcode for i in county.items}) == len(county.items)
    ranges = {b.code: (b.barcode_range_start, b.barcode_range_end) for b in county.branches}
    for item in county.items:
        low, high = ranges[item.home_branch]
        assert low <= item.barcode <= high
    bib_class = {b.uuid: b.clc_class for b in county.bibs}
    seq_of_bib: dict[str, int] = {}
    bibs_of_call: dict[str, set[str]] = {}
    for item in county.items:
        call = parse_call_number(item.call_number)
        assert call.class_no == bib_class[item.bib_uuid] and call.seq is not None
        assert seq_of_bib.setdefault(item.bib_uuid, call.seq) == call.seq  # copies share it
        bibs_of_call.setdefault(item.call_number, set()).add(item.bib_uuid)
    assert all(len(b) == 1 for b in bibs_of_call.values()), "one title per call number"
    # 种次号 run 1, 2, 3… in each class.
    per_class: dict[str, set[int]] = {}
    for bib_uuid, seq in seq_of_bib.items():
        per_class.setdefault(bib_class[bib_uuid], set()).add(seq)
    assert all(seqs == set(range(1, len(seqs) + 1)) for seqs in per_class.values())
    assert not any(sort_key(i.call_number).startswith("~") for i in county.items)


def test_readers(county: DemoCounty) -> None:
    assert len({r.card for r in county.readers}) == len(county.readers)
    assert {"F", "M", "U"} == {r.gender for r in county.readers}
    women = sum(r.gender == "F" for r in county.readers) / len(county.readers)
    assert 0.5 < women < 0.65  # the 2020 survey: 59.3% women
    assert any(r.birth_year is None for r in county.readers)
    assert {"adult", "child", "elderly"} <= {r.reader_type for r in county.readers}
    policy_types = {p.reader_type for p in county.policies}
    assert {r.reader_type for r in county.readers} <= policy_types
    for reader in county.readers:
        if reader.phone is not None:
            assert len(reader.phone) == 11 and reader.phone.startswith("1")
            assert reader.phone.isdigit()
        if reader.reader_type == "child":
            assert reader.birth_year is not None
            assert county.reference_date.year - reader.birth_year < 14


def test_loan_history_is_possible(county: DemoCounty) -> None:
    ref = county.reference_date
    items = {i.uuid: i for i in county.items}
    readers = {r.uuid: r for r in county.readers}
    policies = {p.reader_type: p for p in county.policies}
    open_loans = [loan for loan in county.loans if loan.returned_at is None]
    assert len({loan.item_uuid for loan in open_loans}) == len(open_loans)
    assert {loan.item_uuid for loan in open_loans} == {
        i.uuid for i in county.items if i.status == "on_loan"
    }
    overdue = [loan for loan in open_loans if loan.due_at < ref]
    assert 0 < len(overdue) < len(open_loans)
    assert any(loan.returned_at and loan.returned_at > loan.due_at for loan in county.loans)
    held = Counter(loan.reader_uuid for loan in open_loans)
    for reader_uuid, count in held.items():
        assert count <= policies[readers[reader_uuid].reader_type].max_items
    by_item: dict[str, list[tuple[datetime, datetime]]] = {}
    for loan in county.loans:
        assert loan.checkout_at < ref and loan.checkout_at > readers[loan.reader_uuid].registered_at
        assert loan.returned_at is None or loan.checkout_at < loan.returned_at < ref
        assert items[loan.item_uuid].status in ("available", "on_loan")
        by_item.setdefault(loan.item_uuid, []).append(
            (loan.checkout_at, loan.returned_at or datetime.max.replace(tzinfo=UTC))
        )
    for spans in by_item.values():
        spans.sort()
        assert all(end <= nxt for (_s, end), (nxt, _e) in itertools.pairwise(spans))
    assert [loan.checkout_at for loan in county.loans] == sorted(
        loan.checkout_at for loan in county.loans
    )


def test_credit_rules_carry_the_2020_amnesty(county: DemoCounty) -> None:
    rules = county.credit_rules
    assert rules.start_points > rules.borrow_threshold > rules.floor
    assert ("2020-01-25", "2020-07-31") in {(a[0], a[1]) for a in rules.amnesty}
