"""索书号 (call numbers): 分类号 / 种次号 with an optional 辅助区分号.

The county gives every title in a class a running 种次号 (the first ``I247.5`` title is
``I247.5/1``), and a 辅助区分号 tells volumes or copies of one title apart. Canonical form:
``I247.5/123`` and ``TS976.3/12:2``. On input, the 辅助区分号 may also follow a second ``/``
(Interlib writes ``…/2v4``) or a ``-`` (``I247.5/123-2``), and full-width ``／：`` are accepted;
:func:`format_call_number` always writes ``:``.

Only 种次号 book numbers are supported, because that is what the county uses. Author numbers
(著者号, ``I247.57/N2338``) are refused with a clear reason rather than mis-sorted.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum

from shuwu_shared.domain.clc import InvalidClassNumber, class_sort_key, parse_class_number

_MAX_EXTRA = 20
_SEQ_SEPARATORS = (":", "/", "-")


class CallNumberProblem(StrEnum):
    EMPTY = "empty"
    CLASS_NUMBER = "class_number"
    BOOK_NUMBER = "book_number"
    EXTRA = "extra"


class InvalidCallNumber(ValueError):
    def __init__(self, text: str, reason: CallNumberProblem, detail: str = "") -> None:
        self.text = text
        self.reason = reason
        self.detail = detail
        super().__init__(
            f"invalid call number {text!r}: {reason.value}{': ' + detail if detail else ''}"
        )


@dataclass(frozen=True, slots=True)
class CallNumber:
    """``class_no`` is as written (ASCII, upper-case letters; dots are not moved, so a label
    prints what the catalogue holds); ``seq`` is the 种次号 (None before one is given);
    ``extra`` is the 辅助区分号 (volume, copy, edition), kept as written."""

    class_no: str
    seq: int | None = None
    extra: str | None = None

    def format(self) -> str:
        return format_call_number(self)

    def __str__(self) -> str:
        return format_call_number(self)


def _fold(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def parse_call_number(text: str) -> CallNumber:
    """``I247.5/123``, ``TS976.3/12:2``, ``i2475 / 123 - 2`` → :class:`CallNumber`.

    Raises :class:`InvalidCallNumber` (a ``ValueError``) with a reason.
    """
    folded = _fold(text)
    if not folded:
        raise InvalidCallNumber(text, CallNumberProblem.EMPTY)
    class_part, slash, rest = folded.partition("/")
    try:
        class_no = parse_class_number(class_part).text
    except InvalidClassNumber as exc:
        raise InvalidCallNumber(text, CallNumberProblem.CLASS_NUMBER, str(exc)) from exc
    if not slash:
        return CallNumber(class_no)
    match = re.fullmatch(r"(\d+)(?:([:/-])(.*))?", rest)
    if not match or int(match.group(1)) == 0:
        raise InvalidCallNumber(text, CallNumberProblem.BOOK_NUMBER, "种次号 is a number from 1")
    seq = int(match.group(1))
    if match.group(2) is None:
        return CallNumber(class_no, seq)
    extra = match.group(3)
    if not extra or len(extra) > _MAX_EXTRA or not extra.isprintable():
        raise InvalidCallNumber(text, CallNumberProblem.EXTRA, "辅助区分号 missing or too long")
    return CallNumber(class_no, seq, extra)


def parse(text: str) -> CallNumber:
    return parse_call_number(text)


def format_call_number(call: CallNumber) -> str:
    text = call.class_no
    if call.seq is not None:
        text += f"/{call.seq}"
        if call.extra:
            text += f":{call.extra}"
    return text


def _number_key(digits: str) -> str:
    """Digits compared as a number: length of the significant part first, then the digits,
    then how many leading zeros (so ``2`` < ``02`` < ``3``, and ``9`` < ``10``)."""
    significant = digits.lstrip("0") or "0"
    zeros = len(digits) - len(significant)
    return chr(0x30 + len(significant)) + significant + chr(0x30 + zeros)


def _extra_key(extra: str) -> str:
    # Runs of digits compare numerically (":2" < ":10"), other runs as text; a number files
    # before text. Each text run ends in a space, below every printable character, so "ab"
    # files before "ab-" whatever follows.
    parts = []
    for run in re.findall(r"\d+|\D+", extra):
        parts.append("#" + _number_key(run) if run.isdigit() else "$" + run + " ")
    return "".join(parts)


def sort_key(call: CallNumber | str) -> str:
    """Shelf order as a string, for ``sorted()`` and for an indexed SQL column.

    中图法 order of the class number (see :func:`shuwu_shared.domain.clc.class_sort_key`), then the
    种次号 numerically (a bare class number first), then the 辅助区分号. Text that does not
    parse sorts after every call number, in plain string order.
    """
    if isinstance(call, str):
        try:
            parsed = parse_call_number(call)
        except InvalidCallNumber:
            return "~" + call
    else:
        parsed = call
    return _parsed_key(parsed)


STORED_KEY_LENGTH = 200  # item.call_sort_key is String(200)


def call_sort_key(call_number: str) -> str:
    """The shelf-order key as stored in ``item.call_sort_key`` (cataloguing, sync, snapshot)."""
    return sort_key(call_number)[:STORED_KEY_LENGTH]


def _parsed_key(call: CallNumber) -> str:
    key = class_sort_key(call.class_no)
    if call.seq is None:
        return key + "!"
    key += "#" + _number_key(str(call.seq))
    if call.extra:
        key += _extra_key(call.extra)
    return key


def spine_lines(call: CallNumber | str, *, extra_on_own_line: bool = True) -> list[str]:
    """Lines for a spine label (书标): the class number, then the 种次号, then the 辅助区分号.

    With ``extra_on_own_line=False`` the second line reads ``12:2`` (the two-line layout some
    label sheets use). Raises :class:`InvalidCallNumber` for text that does not parse.
    """
    parsed = parse_call_number(call) if isinstance(call, str) else call
    lines = [parsed.class_no]
    if parsed.seq is None:
        return lines
    if parsed.extra and not extra_on_own_line:
        return [*lines, f"{parsed.seq}:{parsed.extra}"]
    lines.append(str(parsed.seq))
    if parsed.extra:
        lines.append(parsed.extra)
    return lines
