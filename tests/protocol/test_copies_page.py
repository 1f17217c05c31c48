"""The county copies page (shuwu-copies/1): a round trip, and nothing but IndexPageError for
damage, whatever the barcodes look like."""

from __future__ import annotations

import gzip
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from shuwu_shared.protocol.copies import build_page, read_page
from shuwu_shared.protocol.index import IndexPageError, compress, zstd_available

STATUSES = ("available", "on_loan", "in_transit", "missing")
BRANCHES = ("CW", "CW01", "DH", "DH07", "XIAN")

barcode = st.one_of(
    st.integers(min_value=0, max_value=99_999_999).map(lambda n: f"{n:08d}"),
    st.integers(min_value=0, max_value=9_999).map(lambda n: f"LC-{n}"),
    st.text(alphabet="0123456789AB-", min_size=1, max_size=32),
    st.text(min_size=1, max_size=32).filter(lambda t: "\x00" not in t),
)
copy = st.tuples(barcode, st.sampled_from(STATUSES), st.sampled_from(BRANCHES),
                 st.sampled_from(BRANCHES))  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(barcode, copy.map(lambda c: c[1:]), max_size=60))
def test_any_barcodes_come_back_as_they_were_sent(copies: dict[str, tuple[str, str, str]]) -> None:
    rows = [(b, *rest) for b, rest in copies.items()]
    page = build_page(rows, next_after=9, has_more=True)
    body = json.dumps(page, ensure_ascii=False).encode()
    for method in ("gzip", "zstd") if zstd_available() else ("gzip",):
        packed, used = compress(body, method)
        checked, back = read_page(packed, used)
        assert back == sorted(rows)
        assert checked.next_after == 9 and checked.has_more


def test_a_branch_s_consecutive_barcodes_cost_about_a_byte_a_copy() -> None:
    rows = [(f"{12100000 + i:08d}", "available", "CW", "CW") for i in range(50_000)]
    rows += [(f"{13100000 + i:08d}", "on_loan" if i % 9 else "available", "DH", "DH")
             for i in range(50_000)]  # fmt: skip
    page = build_page(rows, next_after=1, has_more=False)
    assert page["barcode"][:3] == ["12100000", 1, 1]
    packed, _used = compress(json.dumps(page).encode(), "gzip")
    assert len(packed) < 100_000  # plain barcodes alone, gzip: ≈ 4 bytes a copy
    assert read_page(packed, "gzip")[1] == sorted(rows)


VALID = build_page([(f"{i:06d}", "available", "CW", "DH") for i in range(12)], 12, False)


@settings(max_examples=300, deadline=None)
@given(
    field=st.sampled_from(sorted(VALID)),
    value=st.one_of(
        st.none(),
        st.integers(min_value=-(2**70), max_value=2**70),
        st.text(max_size=40),
        st.lists(
            st.one_of(st.integers(min_value=-5, max_value=10**12), st.text(max_size=40)),
            max_size=20,
        ),
        st.dictionaries(st.text(max_size=8), st.text(max_size=40), max_size=3),
        st.booleans(),
    ),
)
def test_any_damaged_field_is_refused_or_read_whole(field: str, value: object) -> None:
    damaged = {**VALID, field: value}
    try:
        _page, rows = read_page(gzip.compress(json.dumps(damaged).encode()), "gzip")
    except IndexPageError:
        return
    for row in rows:
        assert len(row) == 4 and all(isinstance(v, str) and v for v in row)
        assert len(row[0]) <= 32


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_random_bytes_are_refused(blob: bytes) -> None:
    for body in (blob, gzip.compress(blob)):
        try:
            read_page(body, "gzip")
        except IndexPageError:
            continue
        raise AssertionError("random bytes were accepted")
