"""中图法 class list, validation and shelf order."""

from __future__ import annotations

import pytest

from shuwu_shared.domain.clc import (
    T_SUBCLASSES,
    TOP_CLASSES,
    ClassProblem,
    InvalidClassNumber,
    class_name,
    class_sort_key,
    is_valid_class_number,
    normalise_class_number,
    parse_class_number,
    top_class,
)


def test_the_22_classes_and_16_t_subclasses() -> None:
    assert "".join(c.code for c in TOP_CLASSES) == "ABCDEFGHIJKNOPQRSTUVXZ"
    assert [c.code for c in T_SUBCLASSES] == [
        "TB", "TD", "TE", "TF", "TG", "TH", "TJ", "TK", "TL", "TM", "TN", "TP", "TQ", "TS",
        "TU", "TV",
    ]  # fmt: skip
    assert class_name("I") == "文学"
    assert class_name("S") == "农业科学"
    assert class_name("tp") == "自动化技术、计算机技术"
    assert class_name("L") is None


@pytest.mark.parametrize(
    "text",
    [
        "I247.5", "TS976.3", "D922.1", "TP312-43", "K837.125.6(202)", 'J523.2"17"',
        "K876.3=49", "F08:G40-054", "R-49", "G49a", "A", "TP", "Z228.1", "O1-62",
    ],
)  # fmt: skip
def test_valid_class_numbers(text: str) -> None:
    assert is_valid_class_number(text)
    assert parse_class_number(text).text == text


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", ClassProblem.EMPTY),
        ("L123", ClassProblem.UNKNOWN_CLASS),
        ("W1", ClassProblem.UNKNOWN_CLASS),
        ("TA12", ClassProblem.UNKNOWN_CLASS),
        ("247.5", ClassProblem.UNKNOWN_CLASS),
        ("I3/7", ClassProblem.RANGE),
        ("[D9]", ClassProblem.ALTERNATIVE),
        ("{F12}", ClassProblem.DEPRECATED),
        ("K296(225", ClassProblem.BAD_AUXILIARY),
        ("TP312-", ClassProblem.BAD_AUXILIARY),
        ("I247.5!", ClassProblem.BAD_AUXILIARY),
    ],
)
def test_invalid_class_numbers_say_why(text: str, reason: ClassProblem) -> None:
    with pytest.raises(InvalidClassNumber) as caught:
        parse_class_number(text)
    assert caught.value.reason is reason


def test_normalisation_mends_case_dots_and_full_width() -> None:
    assert normalise_class_number("i2475") == "I247.5"
    assert normalise_class_number("tp 312.1") == "TP312.1"
    assert normalise_class_number("K837125.6（202）") == "K837.125.6(202)"
    assert normalise_class_number("TP311.5612") == "TP311.561.2"
    assert parse_class_number("tp311.5612").text == "TP311.5612"  # as written, letters upper
    assert class_sort_key("TP311.5612") == class_sort_key("TP311.561.2")
    parsed = parse_class_number("TP312-43")
    assert (parsed.letters, parsed.digits, parsed.auxiliaries) == ("TP", "312", "-43")


def test_top_class_for_statistics() -> None:
    assert top_class("I247.5") == "I"
    assert top_class("TP312") == "T"
    assert top_class("TP312", split_t=True) == "TP"
    assert top_class("T-65", split_t=True) == "T"
    assert top_class("s5") == "S"
    with pytest.raises(InvalidClassNumber):
        top_class("L12")


SHELF_ORDER = [
    "A81", "B222.2", "D922.1", "D922.3", "I206", "I247", "I247.5", "I247.57", "I247.7",
    "I248", "I287.5", "K20", "K204.2", "R-49", "R161", "S5", "S56", "S66", "T-65", "TB1",
    "TP3", "TP312", "TP312-43", "TP312.1", "TQ1", "TS214", "TS976.3", "TU241.4", "TV1", "U1",
    "X1", "Z228.1",
]  # fmt: skip


def test_shelf_order_is_clc_order_not_string_order() -> None:
    shuffled = sorted(SHELF_ORDER, key=lambda s: s[::-1])
    assert sorted(shuffled, key=class_sort_key) == SHELF_ORDER


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # Auxiliaries of a class file before its decimal extensions; plain string order puts
        # "=" and letters after "." and "(" before "-".
        ("K876.3=49", "K876.31"),
        ("G49a", "G49.1"),
        ("K837.125.6-49", "K837.125.6(202)"),
        ("I247.5", "I247.57"),
        ("I247.57", "I248"),
        ("T-65", "TB1"),
        ("TP", "TP3"),
        ("TV1", "U1"),
    ],
)
def test_pairs_in_shelf_order(first: str, second: str) -> None:
    assert class_sort_key(first) < class_sort_key(second)


def test_unparseable_numbers_sort_after_valid_ones() -> None:
    assert class_sort_key("Z999") < class_sort_key("???")
    assert class_sort_key("L1").startswith("~")
