"""Pinyin search keys for titles and authors: full pinyin and initials, 多音字 included.

Readers type ``hlm`` for 红楼梦 or ``pfdsj`` for 平凡的世界. A character with several readings
(长 chang/zhang, 行 xing/hang, 曾 ceng/zeng) gets every plausible variant indexed, bounded, so
the right one is found whatever the reader guesses, without a dictionary of every title.

Speed matters (300,000 titles on a village PC), so pypinyin's phrase segmentation is not used
per title: readings are cached per character and a greedy longest match over pypinyin's phrase
table picks the likely reading (银行 → yinhang, 长城 → changcheng). That is ~10x faster than
``pypinyin.pinyin`` on each title.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

MAX_VARIANTS = 8
# More readings than this per character are rare literary ones (和 huo/hu…) and only crowd out
# useful variants.
_READINGS_PER_CHAR = 3
_LONGEST_PHRASE = 5

# Surnames whose reading differs from the character's everyday one: authors are filed by them.
SURNAME_READINGS: dict[str, str] = {
    "曾": "zeng", "单": "shan", "解": "xie", "仇": "qiu", "区": "ou", "朴": "piao",
    "查": "zha", "盖": "ge", "乐": "yue", "尉": "yu", "召": "shao", "缪": "miao",
    "翟": "zhai", "覃": "qin", "种": "chong", "重": "chong", "员": "yun", "长": "chang",
    "秘": "bi", "华": "hua", "任": "ren", "沈": "shen", "折": "she", "黑": "he",
}  # fmt: skip


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or "\uf900" <= ch <= "\ufaff"


def _toneless(syllable: str) -> str:
    # pypinyin's NORMAL style writes ü as v (lü → lv); match it so both paths agree.
    decomposed = unicodedata.normalize("NFD", syllable).replace("u\u0308", "v")
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@cache
def char_readings(ch: str) -> tuple[str, ...]:
    """Toneless readings of one Han character, commonest first (``长`` → zhang, chang)."""
    from pypinyin import Style, pinyin

    found = pinyin(ch, style=Style.NORMAL, heteronym=True, errors="ignore")
    readings = found[0] if found else []
    return tuple(dict.fromkeys(r for r in readings if r))[:_READINGS_PER_CHAR]


@cache
def _phrases() -> dict[str, list[list[str]]]:
    # Loaded on first use, not at import: the phrase table costs about a second, which the
    # app's start-up must not pay.
    from pypinyin.phrases_dict import phrases_dict

    return dict(phrases_dict)


@cache
def _phrase_starts() -> frozenset[str]:
    """Two-character starts of every phrase: one set lookup rules out most positions before
    any longer slice is tried, which keeps the greedy match cheap."""
    return frozenset(word[:2] for word in _phrases() if len(word) >= 2)


_phrase_cache: dict[str, tuple[str, ...]] = {}


def _phrase(word: str) -> tuple[str, ...] | None:
    cached = _phrase_cache.get(word)
    if cached is not None:
        return cached
    readings = _phrases().get(word)
    if readings is None:
        return None
    cached = _phrase_cache[word] = tuple(_toneless(r[0]) for r in readings)
    return cached


def _likely_readings(run: str) -> list[str]:
    """Greedy longest match over the phrase table, else each character's commonest reading."""
    out: list[str] = []
    i = 0
    n = len(run)
    while i < n:
        if run[i : i + 2] in _phrase_starts():
            for size in range(min(_LONGEST_PHRASE, n - i), 1, -1):
                phrase = _phrase(run[i : i + size])
                if phrase is not None and len(phrase) == size:
                    out.extend(phrase)
                    i += size
                    break
            else:
                phrase = None
            if phrase is not None:
                continue
        readings = char_readings(run[i])
        out.append(readings[0] if readings else "")
        i += 1
    return out


# A unit is one searchable piece, as (full-pinyin choices, initial choices), likeliest first:
# a Han character's readings, or a latin/digit word with one choice.
_Unit = tuple[tuple[str, ...], tuple[str, ...]]
_unit_cache: dict[tuple[str, str], _Unit] = {}


def _han_unit(ch: str, likely: str) -> _Unit:
    unit = _unit_cache.get((ch, likely))
    if unit is None:
        full = tuple(dict.fromkeys((likely, *char_readings(ch))))
        unit = _unit_cache[(ch, likely)] = (full, tuple(dict.fromkeys(r[0] for r in full)))
    return unit


def _units(text: str, *, name: bool) -> list[_Unit]:
    units: list[_Unit] = []
    folded = unicodedata.normalize("NFKC", text)
    run: list[str] = []
    word: list[str] = []
    at_name_start = True

    def flush_run() -> None:
        nonlocal at_name_start
        if not run:
            return
        likely = _likely_readings("".join(run))
        if name and at_name_start and run[0] in SURNAME_READINGS:
            likely[0] = SURNAME_READINGS[run[0]]
        units.extend(_han_unit(ch, r) for ch, r in zip(run, likely, strict=True) if r)
        at_name_start = False
        run.clear()

    def flush_word() -> None:
        if word:
            lowered = "".join(word).lower()
            units.append(((lowered,), (lowered,)))
            word.clear()

    for ch in folded:
        if _is_han(ch):
            flush_word()
            run.append(ch)
        elif ch.isascii() and ch.isalnum():
            flush_run()
            word.append(ch)
        else:
            flush_run()
            flush_word()
            # In an author list ("马烽 西戎", "曹雪芹、高鹗") each name starts with a surname.
            at_name_start = True
    flush_run()
    flush_word()
    return units


def _variants(options: list[tuple[str, ...]], limit: int) -> tuple[str, ...]:
    """Joined combinations, likeliest first: the likely reading of every unit, then each single
    other reading, then pairs of them, up to ``limit``. Three or more unlikely readings at once
    are not worth a slot."""
    base = [o[0] for o in options]
    results: dict[str, None] = {"".join(base): None}
    singles = [(pos, alt) for pos, o in enumerate(options) for alt in o[1:]]
    for pos, alt in singles:
        if len(results) >= limit:
            return tuple(results)
        trial = base.copy()
        trial[pos] = alt
        results.setdefault("".join(trial))
    for k, (pos1, alt1) in enumerate(singles):
        for pos2, alt2 in singles[k + 1 :]:
            if len(results) >= limit:
                return tuple(results)
            if pos2 != pos1:
                trial = base.copy()
                trial[pos1] = alt1
                trial[pos2] = alt2
                results.setdefault("".join(trial))
    return tuple(results)


@dataclass(frozen=True, slots=True)
class PinyinForms:
    """``full``/``initials`` use the likeliest readings; the variant tuples start with them."""

    full: str
    initials: str
    full_variants: tuple[str, ...]
    initials_variants: tuple[str, ...]


@lru_cache(maxsize=65_536)
def pinyin_forms(text: str, *, name: bool = False, limit: int = MAX_VARIANTS) -> PinyinForms:
    """Full pinyin and initials of ``text`` with 多音字 variants (at most ``limit`` of each).

    Latin letters and digits are kept as lower-case words (``C语言`` → ``cyuyan``/``cyy``);
    punctuation and spaces are dropped. ``name=True`` reads the first character of each name
    as a surname (曾 → zeng, 单 → shan).
    """
    units = _units(text, name=name)
    full_variants = _variants([u[0] for u in units], limit)
    initials_variants = _variants([u[1] for u in units], limit)
    return PinyinForms(full_variants[0], initials_variants[0], full_variants, initials_variants)


def pinyin_full(text: str) -> str:
    return pinyin_forms(text).full


def pinyin_initials(text: str) -> str:
    return pinyin_forms(text).initials


def pinyin_syllables(text: str) -> list[str]:
    """Space-separable syllables of the likeliest reading, e.g. for CNMARC ``200 $9``."""
    return [u[0][0] for u in _units(text, name=False)]


def search_keys(text: str, *, name: bool = False) -> str:
    """Space-separated tokens to index for ``text``: full pinyin and initials, with variants.

    ``红楼梦`` → ``hongloumeng honglouming … hlm glm``; ``长城`` gives both ``cc`` and ``zc``.
    Empty for text without Han characters or latin words.
    """
    if not text:
        return ""
    forms = pinyin_forms(text, name=name)
    tokens = dict.fromkeys(t for t in (*forms.full_variants, *forms.initials_variants) if t)
    return " ".join(tokens)


def name_search_keys(name: str) -> str:
    """A reader's keys: full pinyin and initials, read as a name (曾 → zeng, 单 → shan) and,
    since staff may type the everyday reading, also as plain text (曾 → ceng/zeng);
    space-separated."""
    tokens = [*search_keys(name, name=True).split(), *search_keys(name).split()]
    return " ".join(dict.fromkeys(tokens)) or name.lower()


def record_search_keys(title: str | None, author: str | None) -> str:
    """The pinyin keys a catalogue record is found by (title and author together)."""
    return search_keys(" ".join(v for v in (title, author) if v))
