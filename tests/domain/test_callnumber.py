"""索书号 parsing, formatting, shelf order (checked against an independent comparator)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from shuwu_shared.domain.callnumber import (
    CallNumber,
    CallNumberProblem,
    InvalidCallNumber,
    format_call_number,
    parse_call_number,
    sort_key,
    spine_lines,
)


@pytest.mark.parametrize(
    ("text", "expected", "canonical"),
    [
        ("I247.5/123", CallNumber("I247.5", 123), "I247.5/123"),
        ("TS976.3/12:2", CallNumber("TS976.3", 12, "2"), "TS976.3/12:2"),
        ("I247.5/123-2", CallNumber("I247.5", 123, "2"), "I247.5/123:2"),
        ("J228.2/16/2v4", CallNumber("J228.2", 16, "2v4"), "J228.2/16:2v4"),
        (" i247.5 ／ 123 ： 上 ", CallNumber("I247.5", 123, "上"), "I247.5/123:上"),
        ("TP311.5612/9", CallNumber("TP311.5612", 9), "TP311.5612/9"),  # dots as written
        ("TP312-43/7", CallNumber("TP312-43", 7), "TP312-43/7"),
        ("D922.1", CallNumber("D922.1"), "D922.1"),
    ],
)
def test_parse_and_format(text: str, expected: CallNumber, canonical: str) -> None:
    parsed = parse_call_number(text)
    assert parsed == expected
    assert format_call_number(parsed) == canonical == str(parsed)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", CallNumberProblem.EMPTY),
        ("L12/3", CallNumberProblem.CLASS_NUMBER),
        ("I247.57/N2338", CallNumberProblem.BOOK_NUMBER),  # 著者号: not what the county uses
        ("I247.5/0", CallNumberProblem.BOOK_NUMBER),
        ("I247.5/", CallNumberProblem.BOOK_NUMBER),
        ("I247.5/12:", CallNumberProblem.EXTRA),
    ],
)
def test_bad_call_numbers_say_why(text: str, reason: CallNumberProblem) -> None:
    with pytest.raises(InvalidCallNumber) as caught:
        parse_call_number(text)
    assert caught.value.reason is reason


def test_shelf_order_compares_numbers_as_numbers() -> None:
    shelf = [
        "I247", "I247.5", "I247.5/9", "I247.5/12", "I247.5/12:2", "I247.5/12:10", "I247.5/123",
        "I247.57/1", "I248/1", "TP312/5", "TP312-43/1", "TP312.1/1", "TQ1/1", "U1/1",
    ]  # fmt: skip
    assert sorted(reversed(shelf), key=sort_key) == shelf
    assert sorted(shelf) != shelf  # plain string order puts /12 before /9
    assert sort_key("not a call number") > sort_key("Z99/999:9")


def test_spine_lines() -> None:
    assert spine_lines("I247.5/123") == ["I247.5", "123"]
    assert spine_lines("TS976.3/12:2") == ["TS976.3", "12", "2"]
    assert spine_lines(CallNumber("TS976.3", 12, "2"), extra_on_own_line=False) == [
        "TS976.3",
        "12:2",
    ]
    assert spine_lines("D922.1") == ["D922.1"]
    with pytest.raises(ValueError):
        spine_lines("???")


# --- properties --------------------------------------------------------------------------------

LETTERS = ["A", "B", "D", "I", "K", "S", "T", "TB", "TP", "TQ", "TS", "U", "Z"]
digits = st.text("0123456789", min_size=1, max_size=7)
extras = st.one_of(
    st.none(),
    st.builds(
        lambda pre, num, post: pre + num + post,
        st.sampled_from(["", "", "v", "上", "下", "v."]),
        st.text("0123456789", min_size=1, max_size=3),
        st.sampled_from(["", "", "a", "册"]),
    ),
)


@st.composite
def call_numbers(draw: st.DrawFn) -> CallNumber:
    letters = draw(st.sampled_from(LETTERS))
    main = draw(st.one_of(st.just(""), digits))
    aux = draw(st.one_of(st.just(""), digits)) if main else ""
    dotted = ".".join(main[i : i + 3] for i in range(0, len(main), 3))
    class_no = letters + dotted + (f"-{aux}" if aux else "")
    seq = draw(st.one_of(st.none(), st.integers(1, 10**6)))
    extra = draw(extras) if seq is not None else None
    return CallNumber(class_no, seq, extra)


def reference_key(call: CallNumber) -> tuple[object, ...]:
    """An independent comparator: letters as text, main digits and the '-' auxiliary compared
    as decimal fractions (which is string order on digit strings), 种次号 and digit runs of the
    辅助区分号 as integers (fewer leading zeros first), other runs as text, numbers first."""
    match = re.fullmatch(r"([A-Z]+)([\d.]*)(?:-(\d+))?", call.class_no)
    assert match
    letters, main, aux = match.group(1), match.group(2).replace(".", ""), match.group(3) or ""
    extra: list[tuple[int, int, int, str]] = []
    for run in re.findall(r"\d+|\D+", call.extra or ""):
        if run.isdigit():
            extra.append((0, int(run), len(run) - len(run.lstrip("0") or "0"), ""))
        else:
            extra.append((1, 0, 0, run))
    return (letters, main, aux, -1 if call.seq is None else call.seq, extra)


@given(call_numbers())
def test_format_parse_round_trip(call: CallNumber) -> None:
    text = format_call_number(call)
    assert parse_call_number(text) == call
    assert sort_key(text) == sort_key(call)


@given(call_numbers(), call_numbers())
def test_sort_key_agrees_with_reference_comparator(a: CallNumber, b: CallNumber) -> None:
    ka, kb = sort_key(a), sort_key(b)
    ra, rb = reference_key(a), reference_key(b)
    assert (ka < kb) == (ra < rb)
    assert (ka == kb) == (ra == rb) == (a == b)


@given(st.lists(call_numbers(), min_size=3, max_size=30))
def test_sorting_is_a_total_order(calls: list[CallNumber]) -> None:
    once = sorted(calls, key=sort_key)
    assert sorted(reversed(once), key=sort_key) == once
