"""The demo county is reproducible and internally consistent."""

from __future__ import annotations

from app.demo import generate
from app.services.catalog_rules import normalise_isbn


def test_same_seed_same_county_other_seed_differs() -> None:
    assert generate(seed=7, titles=200, items=500, readers=100, loans=300) == generate(
        seed=7, titles=200, items=500, readers=100, loans=300
    )
    assert generate(seed=8, titles=200, items=500, readers=100, loans=300) != generate(
        seed=7, titles=200, items=500, readers=100, loans=300
    )


def test_county_is_consistent() -> None:
    county = generate()
    codes = {b.code for b in county.branches}
    assert len(codes) == len(county.branches)
    assert sum(b.kind == "township" for b in county.branches) == 12
    assert all(b.parent_code in codes for b in county.branches if b.kind != "county")
    assert all(normalise_isbn(b.isbn) == b.isbn for b in county.bibs)
    assert len({i.barcode for i in county.items}) == len(county.items)
    assert len({r.card for r in county.readers}) == len(county.readers)
    ranges = {b.code: (b.barcode_range_start, b.barcode_range_end) for b in county.branches}
    for item in county.items:
        low, high = ranges[item.home_branch]
        assert low <= item.barcode <= high
    bib_ids = {b.uuid for b in county.bibs}
    assert all(i.bib_uuid in bib_ids for i in county.items)
    open_items = [loan.item_uuid for loan in county.loans if loan.returned_at is None]
    assert len(open_items) == len(set(open_items)), "no item on two open loans"
    on_loan = {i.uuid for i in county.items if i.status == "on_loan"}
    assert on_loan == set(open_items)
    for loan in county.loans:
        assert loan.returned_at is None or loan.returned_at > loan.checkout_at
    assert any("红楼梦" == b.title for b in county.bibs)
    assert {"F", "M", "U"} == {r.gender for r in county.readers}
    assert any(r.birth_year is None for r in county.readers)
