"""中国图书馆分类法 (CLC): the class list we ship, class-number parsing and shelf order.

The 22 basic classes and the T subclasses are written out here; the deeper classes for the
class picker are in shuwu_shared.domain.clc_table (resources/clc, with its source and the open
licence question in docs/domain.md).

A class number is letters, then decimal digits with a dot after every third digit (``I247.5``,
``K837.125.6``), then optional auxiliaries: ``-`` general form subdivision (``TP312-43``),
``(…)`` place (``K296(225)``), ``"…"`` period (``J523.2"17"``), ``=`` time/ethnic
(``K876.3=49``), ``<…>`` special, ``:`` relation and ``+`` union, each followed by another class
number (``F08:G40-054``), and a lower-case letter suffix (``G49a``). ``[…]`` (交替类目) and
``{…}`` (停用类目) mark classes the tables say not to use, and ``/`` ranges (``I3/7``) name a
span of classes, not one, so the three are refused.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum


@dataclass(frozen=True, slots=True)
class ClcClass:
    code: str
    name: str


TOP_CLASSES: tuple[ClcClass, ...] = tuple(
    ClcClass(code, name)
    for code, name in (
        ("A", "马克思主义、列宁主义、毛泽东思想、邓小平理论"),
        ("B", "哲学、宗教"),
        ("C", "社会科学总论"),
        ("D", "政治、法律"),
        ("E", "军事"),
        ("F", "经济"),
        ("G", "文化、科学、教育、体育"),
        ("H", "语言、文字"),
        ("I", "文学"),
        ("J", "艺术"),
        ("K", "历史、地理"),
        ("N", "自然科学总论"),
        ("O", "数理科学和化学"),
        ("P", "天文学、地球科学"),
        ("Q", "生物科学"),
        ("R", "医药、卫生"),
        ("S", "农业科学"),
        ("T", "工业技术"),
        ("U", "交通运输"),
        ("V", "航空、航天"),
        ("X", "环境科学、安全科学"),
        ("Z", "综合性图书"),
    )
)

# The only two-letter classes in CLC. TS is "轻工业、手工业" in the 4th edition; the 5th adds
# "、生活服务业" (not verified against the printed 5th edition, so the older caption is kept).
T_SUBCLASSES: tuple[ClcClass, ...] = tuple(
    ClcClass(code, name)
    for code, name in (
        ("TB", "一般工业技术"),
        ("TD", "矿业工程"),
        ("TE", "石油、天然气工业"),
        ("TF", "冶金工业"),
        ("TG", "金属学与金属工艺"),
        ("TH", "机械、仪表工业"),
        ("TJ", "武器工业"),
        ("TK", "能源与动力工程"),
        ("TL", "原子能技术"),
        ("TM", "电工技术"),
        ("TN", "无线电电子学、电信技术"),
        ("TP", "自动化技术、计算机技术"),
        ("TQ", "化学工业"),
        ("TS", "轻工业、手工业"),
        ("TU", "建筑科学"),
        ("TV", "水利工程"),
    )
)

_NAMES: dict[str, str] = {c.code: c.name for c in (*TOP_CLASSES, *T_SUBCLASSES)}
_TOP_CODES = frozenset(c.code for c in TOP_CLASSES)
_T_SUB_LETTERS = frozenset(c.code[1] for c in T_SUBCLASSES)


class ClassProblem(StrEnum):
    EMPTY = "empty"
    UNKNOWN_CLASS = "unknown_class"
    BAD_DIGITS = "bad_digits"
    BAD_AUXILIARY = "bad_auxiliary"
    ALTERNATIVE = "alternative"  # [..] 交替类目
    DEPRECATED = "deprecated"  # {..} 停用类目
    RANGE = "range"


class InvalidClassNumber(ValueError):
    def __init__(self, text: str, reason: ClassProblem, detail: str = "") -> None:
        self.text = text
        self.reason = reason
        self.detail = detail
        super().__init__(
            f"invalid class number {text!r}: {reason.value}{': ' + detail if detail else ''}"
        )


@dataclass(frozen=True, slots=True)
class ClassNumber:
    """A parsed class number. ``text`` is the spelling as written, folded to ASCII with
    upper-case class letters; ``digits`` is the main number without dots."""

    text: str
    letters: str
    digits: str
    auxiliaries: str

    @property
    def top_class(self) -> str:
        return self.letters[0]


def class_name(code: str) -> str | None:
    """Chinese caption of a basic class (``I``) or T subclass (``TP``); ``None`` otherwise."""
    return _NAMES.get(code.upper())


# Curly quotes from Word and the IME's full-width punctuation all mean the ASCII symbols.
_PUNCT = str.maketrans({"“": '"', "”": '"', "〈": "<", "〉": ">", "《": "<", "》": ">"})


def _fold(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text).translate(_PUNCT))


def _place_dots(digits: str) -> str:
    return ".".join(digits[i : i + 3] for i in range(0, len(digits), 3))


# Marker characters for the shelf-order key. The order is the filing order: the end of a
# number first (I247 < I247.5), then a class's auxiliaries (general subdivisions file before
# the decimal extensions: TP312 < TP312-43 < TP312.1), then the digits, then letters.
_END = " "
_CLOSE = "!"
_MARK = {"-": "#", "(": "$", '"': "%", "=": "&", "<": "'", ":": "(", "+": ")"}
_SUFFIX = "*"
_CLOSERS = {"(": ")", '"': '"', "<": ">"}
_DIGITS = re.compile(r"\d+(?:\.\d+)*")


class _Parser:
    """Recursive descent over one folded class number; collects the sort key as it goes."""

    def __init__(self, original: str, text: str) -> None:
        self.original = original
        self.text = text
        self.pos = 0
        self.key: list[str] = []
        self.out: list[str] = []

    def fail(self, reason: ClassProblem, detail: str = "") -> InvalidClassNumber:
        return InvalidClassNumber(self.original, reason, detail)

    def peek(self) -> str:
        return self.text[self.pos] if self.pos < len(self.text) else ""

    def letters(self) -> str:
        first = self.peek().upper()
        if first not in _TOP_CODES:
            raise self.fail(ClassProblem.UNKNOWN_CLASS, f"{first or 'nothing'} is not a class")
        self.pos += 1
        letters = first
        nxt = self.peek()
        if first == "T" and nxt.isascii() and nxt.isalpha():
            nxt = nxt.upper()
            if nxt not in _T_SUB_LETTERS:
                raise self.fail(ClassProblem.UNKNOWN_CLASS, f"T{nxt} is not a T subclass")
            letters += nxt
            self.pos += 1
        self.key.append(letters)
        self.out.append(letters)
        return letters

    def main_digits(self) -> str:
        match = _DIGITS.match(self.text, self.pos)
        if not match:
            return ""
        self.pos = match.end()
        digits = match.group().replace(".", "")
        # Dots only aid reading, so the key ignores them; the spelling is kept as written
        # (normalise_class_number re-places them).
        self.key.append(digits)
        self.out.append(match.group())
        return digits

    def aux_digits(self, symbol: str) -> None:
        match = _DIGITS.match(self.text, self.pos)
        if not match:
            raise self.fail(ClassProblem.BAD_AUXILIARY, f"digits expected after {symbol}")
        self.pos = match.end()
        self.key.append(match.group().replace(".", ""))
        self.out.append(match.group())

    def auxiliaries(self) -> None:
        while self.pos < len(self.text):
            symbol = self.peek()
            if symbol in "[]":
                raise self.fail(ClassProblem.ALTERNATIVE, "交替类目 are not for use")
            if symbol in "{}":
                raise self.fail(ClassProblem.DEPRECATED, "停用类目 are not for use")
            if symbol == "/":
                raise self.fail(ClassProblem.RANGE, "a range names several classes")
            self.pos += 1
            if symbol in _MARK:
                self.key.append(_MARK[symbol])
                self.out.append(symbol)
            if symbol in ("-", "="):
                self.aux_digits(symbol)
            elif symbol in _CLOSERS:
                self.aux_digits(symbol)
                if self.peek() != _CLOSERS[symbol]:
                    raise self.fail(ClassProblem.BAD_AUXILIARY, f"{_CLOSERS[symbol]} missing")
                self.pos += 1
                self.key.append(_CLOSE)
                self.out.append(_CLOSERS[symbol])
            elif symbol in (":", "+"):
                self.class_number()
            elif symbol.isascii() and symbol.islower() and self._suffix_allowed():
                self.key.append(_SUFFIX + symbol)
                self.out.append(symbol)
            else:
                raise self.fail(ClassProblem.BAD_AUXILIARY, f"unexpected {symbol!r}")

    def _suffix_allowed(self) -> bool:
        # One lower-case letter straight after digits (G49a); anything else is not notation.
        after_digit = bool(self.out) and self.out[-1][-1:].isdigit()
        return after_digit and not self.peek().isalpha()

    def class_number(self) -> tuple[str, str]:
        letters = self.letters()
        digits = self.main_digits()
        return letters, digits


@functools.lru_cache(maxsize=8192)
def _parse(text: str) -> tuple[ClassNumber, str]:
    """Cached: a county's copies share a few thousand class numbers (an initial sync computes
    the shelf key of every copy); the result is immutable, failures are not cached."""
    folded = _fold(text)
    if not folded:
        raise InvalidClassNumber(text, ClassProblem.EMPTY)
    if folded[0] == "[":
        raise InvalidClassNumber(text, ClassProblem.ALTERNATIVE, "交替类目 are not for use")
    if folded[0] == "{":
        raise InvalidClassNumber(text, ClassProblem.DEPRECATED, "停用类目 are not for use")
    parser = _Parser(text, folded)
    letters, digits = parser.class_number()
    main_end = len("".join(parser.out))
    parser.auxiliaries()
    normalised = "".join(parser.out)
    parsed = ClassNumber(normalised, letters, digits, normalised[main_end:])
    return parsed, "".join(parser.key) + _END


def parse_class_number(text: str) -> ClassNumber:
    """Parse (``tp312-43`` → letters ``TP``, digits ``312``, auxiliaries ``-43``); raises
    :class:`InvalidClassNumber`."""
    return _parse(text)[0]


def normalise_class_number(text: str) -> str:
    """The standard spelling: upper-case letters, a dot after every third digit of the main
    number (``i2475`` → ``I247.5``, ``TP311.5612`` → ``TP311.561.2``), ASCII punctuation."""
    parsed = _parse(text)[0]
    return parsed.letters + _place_dots(parsed.digits) + parsed.auxiliaries


def is_valid_class_number(text: str) -> bool:
    try:
        _parse(text)
    except InvalidClassNumber:
        return False
    return True


def class_sort_key(text: str) -> str:
    """Shelf order as a plain string (usable in SQL ``ORDER BY``), not the spelling's order.

    Letters, then the digits as a decimal fraction (``I247.5 < I247.57 < I248``), then the
    auxiliaries, which file before the decimal extensions of the same class. An unparseable
    number sorts after every valid one, in plain string order.
    """
    try:
        return _parse(text)[1]
    except InvalidClassNumber:
        return "~" + text


def top_class(text: str, *, split_t: bool = False) -> str:
    """The basic class of a class number, for holdings-by-class statistics.

    ``I247.5`` → ``I``; ``TP312`` → ``T``, or ``TP`` with ``split_t``. Only the leading letters
    are read, so numbers with odd auxiliaries from old imports still count in their class.
    """
    folded = _fold(text)
    first = folded[:1].upper()
    if first not in _TOP_CODES:
        raise InvalidClassNumber(text, ClassProblem.UNKNOWN_CLASS)
    second = folded[1:2]
    if split_t and first == "T" and second in _T_SUB_LETTERS:
        return first + second
    return first


# The catalogue's looser check (kept as it was in app.services.catalog_rules): a known top
# class or T subclass followed by anything class-like; MARC import uses it to spot 中图法 in 0xx.
_T_SUB_CODES = {c.code for c in T_SUBCLASSES}
_LOOSE_CLASS_RE = re.compile(r"^([A-Z]{1,2})(\d[\d.]*)?([-()\"=<>+:a-z0-9.\[\]{}/]*)$")


def valid_class_number(class_no: str) -> bool:
    match = _LOOSE_CLASS_RE.match(class_no)
    if not match:
        return False
    letters = match.group(1)
    if len(letters) == 1:
        return letters in _TOP_CODES
    return letters in _T_SUB_CODES
