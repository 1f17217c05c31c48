"""Pinyin search keys: initials, full pinyin and 多音字 variants."""

from __future__ import annotations

import pytest

from shuwu_shared.domain.pinyin import (
    MAX_VARIANTS,
    char_readings,
    pinyin_forms,
    pinyin_full,
    pinyin_initials,
    pinyin_syllables,
    search_keys,
)


def tokens(text: str, *, name: bool = False) -> set[str]:
    return set(search_keys(text, name=name).split())


@pytest.mark.parametrize(
    ("title", "initials", "full"),
    [
        ("红楼梦", "hlm", "hongloumeng"),
        ("平凡的世界", "pfdsj", "pingfandeshijie"),
        ("西游记", "xyj", "xiyouji"),
        ("玉米高产栽培技术", "ymgczpjs", "yumigaochanzaipeijishu"),
        ("重庆火锅", "cqhg", "chongqinghuoguo"),  # phrase reading: 重庆 is chong-, not zhong-
    ],
)
def test_likeliest_reading(title: str, initials: str, full: str) -> None:
    assert pinyin_initials(title) == initials
    assert pinyin_full(title) == full
    assert {initials, full} <= tokens(title)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("长城", {"cc", "zc"}),  # 长 chang / zhang
        ("长大", {"zd", "cd"}),
        ("银行", {"yh", "yx"}),  # 行 hang / xing
        ("行走", {"xz", "hz"}),
        ("曾国藩", {"zgf", "cgf"}),  # 曾 zeng (surname) / ceng
    ],
)
def test_heteronyms_give_every_plausible_initials(text: str, expected: set[str]) -> None:
    assert expected <= tokens(text)
    assert {"changcheng", "zhangcheng"} <= tokens("长城")


def test_names_read_the_surname_first() -> None:
    assert pinyin_forms("曾国藩", name=True).initials == "zgf"
    assert pinyin_forms("单田芳", name=True).full == "shantianfang"
    # Every name in an author list starts with a surname.
    assert pinyin_forms("马烽 曾卓", name=True).initials == "mfzz"
    assert pinyin_forms("曾国藩").initials == "cgf"  # as a plain word, the common reading


def test_variants_are_bounded() -> None:
    forms = pinyin_forms("长行重长行重长行重朝和乐")
    assert 1 < len(forms.initials_variants) <= MAX_VARIANTS
    assert 1 < len(forms.full_variants) <= MAX_VARIANTS
    assert forms.initials_variants[0] == forms.initials
    assert len(set(forms.full_variants)) == len(forms.full_variants)


def test_latin_digits_and_punctuation() -> None:
    assert pinyin_initials("C语言程序设计（第2版）") == "cyycxsjd2b"
    assert "cyuyanchengxusheji" in pinyin_full("C语言程序设计")
    assert search_keys("") == ""
    assert search_keys("——") == ""
    assert pinyin_syllables("绿水青山") == ["lv", "shui", "qing", "shan"]


def test_char_readings_are_toneless_and_commonest_first() -> None:
    assert char_readings("长")[:2] == ("zhang", "chang")
    assert char_readings("绿")[0] == "lv"
    assert char_readings("a") == ()
