"""The shipped 中图法 table: the 22 basic classes, depth, and the picker's search."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from shuwu_shared.domain import clc, clc_table


def test_basic_classes_match_the_22_of_the_domain_module() -> None:
    top = [(e.code, e.name) for e in clc_table.entries() if e.depth == 0]
    assert top == [(c.code, c.name) for c in clc.TOP_CLASSES]
    assert len(top) == 22


def test_every_basic_class_reaches_three_levels_below() -> None:
    deepest: Counter[str] = Counter()
    for entry in clc_table.entries():
        top = entry.code[0]
        deepest[top] = max(deepest[top], entry.depth)
    assert set(deepest) == {c.code for c in clc.TOP_CLASSES}
    assert all(depth >= 3 for depth in deepest.values()), deepest


def test_every_shipped_number_is_a_valid_class() -> None:
    assert all(clc.is_valid_class_number(e.code) for e in clc_table.entries())
    assert len(clc_table.entries()) > 20000


def test_known_classes_and_their_path() -> None:
    chicken = clc_table.lookup("S831")
    assert chicken is not None and chicken.name == "鸡"
    assert chicken.path == ("农业科学", "畜牧、动物医学、狩猎、蚕、蜂", "家禽")
    novel = clc_table.lookup("I247.5")
    assert novel is not None and "小说" in novel.name
    ts = clc_table.lookup("TS")
    assert ts is not None and ts.name == "轻工业、手工业、生活服务业"


def test_search_by_number_caption_and_pinyin() -> None:
    by_number = clc_table.search("s83")
    assert by_number[0].code == "S83" and all(e.code.startswith("S83") for e in by_number)
    assert clc_table.search("s831.4")[0].code == "S831.4"
    by_name = [e.code for e in clc_table.search("家禽")]
    assert "S83" in by_name
    by_pinyin = [e.code for e in clc_table.search("jiaqin")]
    assert "S83" in by_pinyin
    by_initials = [e.code for e in clc_table.search("nykx")]
    assert by_initials[0] == "S"  # 农业科学, the shallowest match first
    # Words staff say that the captions do not use as typed.
    assert clc_table.search("养鸡")[0].code == "S831.4"  # 鸡 › 饲养管理
    assert clc_table.search("养猪")[0].code == "S828"  # 猪
    assert clc_table.search("") == ()
    assert clc_table.search("zzzzzzzz") == ()


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=30))
def test_search_never_fails_on_any_text(text: str) -> None:
    found = clc_table.search(text, limit=5)
    assert len(found) <= 5


def test_without_the_table_file_the_basic_classes_remain(monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(clc_table, "table_path", lambda: tmp_path / "missing.tsv")
    clc_table._load.cache_clear()
    try:
        codes = [e.code for e in clc_table.entries()]
        assert len(codes) == 22 + len(clc.T_SUBCLASSES) and codes[codes.index("T") + 1] == "TB"
        assert clc_table.lookup("TS") is not None and clc_table.lookup("TS").path == ("工业技术",)
    finally:
        clc_table._load.cache_clear()
