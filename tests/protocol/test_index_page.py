"""The desk index page (shuwu-index/1): a round trip, and nothing but IndexPageError for damage."""

from __future__ import annotations

import gzip
import json
import uuid

from hypothesis import given, settings
from hypothesis import strategies as st

from shuwu_shared.protocol.index import (
    MAX_DECOMPRESSED,
    IndexPageError,
    build_page,
    compress,
    page_rows,
    read_page,
    zstd_available,
)


def rows(n: int) -> list[tuple[object, ...]]:
    out = []
    for i in range(n):
        out.append(
            (
                str(uuid.uuid4()),
                str(uuid.UUID(int=i // 3 + 1)),  # three copies per record
                f"LC0101{i:06d}",
                f"I247.5/{i}" if i % 2 else None,
                "A-1" if i % 5 == 0 else None,
                ("available", "on_loan", "in_transit")[i % 3],
                "LC0101",
                ("LC0101", "LC0201")[i % 2],
                "25.00" if i % 4 else None,
                "2026-01-02" if i % 2 else None,
                "赠书" if i == 2 else None,
                f"2026-01-01 00:00:{i % 60:02d}.000000",
                f"2026-01-01 00:00:{i % 60:02d}.000000" if i % 2 else "2026-02-01 00:00:00.000001",
                1000 + 7 * i - (i % 4),
            )
        )
    return out


def test_a_page_comes_back_as_the_rows_it_was_built_from_with_either_compression() -> None:
    original = rows(50)
    original[7] = ("NOT-A-UUID", *original[7][1:])  # legacy text travels as it is
    original[8] = (original[8][0], "Bib-Legacy-7", *original[8][2:])
    page = build_page(original, next_after=50, has_more=True, server_time="now")
    body = json.dumps(page).encode()
    for method in ("gzip", "zstd") if zstd_available() else ("gzip",):
        packed, used = compress(body, method)
        assert used == method
        checked = read_page(packed, used)
        assert page_rows(checked) == [tuple(r) for r in original]
        assert checked.next_after == 50 and checked.has_more


def _raises(body: bytes, method: str = "gzip") -> None:
    try:
        read_page(body, method)
    except IndexPageError:
        return
    raise AssertionError("a damaged page was accepted")


def test_a_compression_bomb_is_refused() -> None:
    _raises(gzip.compress(b" " * (MAX_DECOMPRESSED + 10)))
    if zstd_available():
        _raises(compress(b" " * (MAX_DECOMPRESSED + 10), "zstd")[0], "zstd")
    _raises(b"\x28\xb5\x2f\xfd garbage", "zstd")
    _raises(gzip.compress(b"{}"), "brotli")


VALID = build_page(rows(12), next_after=12, has_more=False, server_time="now")


@settings(max_examples=300, deadline=None)
@given(
    field=st.sampled_from(sorted(VALID)),
    value=st.one_of(
        st.none(),
        st.integers(min_value=-(2**70), max_value=2**70),
        st.text(max_size=40),
        st.lists(st.integers(min_value=-5, max_value=10**6), max_size=20),
        st.lists(st.one_of(st.none(), st.text(max_size=80)), max_size=20),
        st.dictionaries(st.text(max_size=8), st.text(max_size=40), max_size=3),
        st.booleans(),
    ),
)
def test_any_damaged_field_is_refused_or_read_whole(field: str, value: object) -> None:
    """A hostile value in any field: refused with IndexPageError, never another exception."""
    damaged = {**VALID, field: value}
    try:
        page = read_page(gzip.compress(json.dumps(damaged).encode()), "gzip")
    except IndexPageError:
        return
    # Accepted: then every row is complete and of the right shape.
    for row in page_rows(page):
        assert len(row) == 14 and isinstance(row[2], str) and row[2]


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_random_bytes_are_refused(blob: bytes) -> None:
    _raises(blob)
    _raises(gzip.compress(blob))
