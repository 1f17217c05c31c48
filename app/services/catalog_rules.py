"""Pure rules the catalogue needs: ISBN, scanner input, 中图法 classes, call numbers, search keys.

Qt-free and database-free. ISBN, 中图法 tables and pinyin come from shuwu_shared.domain; what
stays here is what only the catalogue needs (scan de-duplication, class validation for the
picker, call numbers as the catalogue stores them, bigram tokens for short searches).
"""

from __future__ import annotations

from shuwu_shared.domain import clc
from shuwu_shared.domain import isbn as domain_isbn
from shuwu_shared.domain.callnumber import CallNumber as CallNumber  # re-exported for callers
from shuwu_shared.domain.callnumber import call_sort_key as call_sort_key
from shuwu_shared.domain.callnumber import parse_call_number as parse_call_number
from shuwu_shared.domain.pinyin import search_keys
from shuwu_shared.domain.search_text import bigram_text as bigram_text
from shuwu_shared.i18n import _

# --- ISBN and scanner input: the shared rules of shuwu_shared.domain.isbn --------------------

isbn13_check_digit = domain_isbn.isbn13_check_digit
isbn10_check_digit = domain_isbn.isbn10_check_digit
clean_scan = domain_isbn.clean_scan
looks_like_isbn = domain_isbn.looks_like_isbn


def normalise_isbn(raw: str) -> str | None:
    """ISBN-10 or ISBN-13 (hyphens/spaces allowed, EAN add-on dropped) → ISBN-13, else None."""
    return domain_isbn.try_normalise_isbn(raw)


def format_isbn13(isbn13: str) -> str:
    return isbn13


class ScanDeduper:
    """A scanner that fires twice within ``window`` seconds is counted once."""

    def __init__(self, window: float = 1.0) -> None:
        self.window = window
        self._last: tuple[str, float] | None = None

    def accept(self, code: str, now: float) -> bool:
        last = self._last
        self._last = (code, now)
        return not (last is not None and last[0] == code and 0 <= now - last[1] < self.window)


# --- 中图法 classes --------------------------------------------------------------------------

CLC_TOP_CLASSES: tuple[tuple[str, str], ...] = tuple((c.code, c.name) for c in clc.TOP_CLASSES)
CLC_T_SUBCLASSES: tuple[tuple[str, str], ...] = tuple((c.code, c.name) for c in clc.T_SUBCLASSES)


# Call numbers (索书号): one implementation, in shuwu_shared.domain.callnumber (call_sort_key
# is the stored shelf-order key). Bigram tokens: shuwu_shared.domain.search_text (sync uses both).


# --- search keys -----------------------------------------------------------------------------


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def pinyin_keys(text: str) -> list[str]:
    """Full pinyin and initials with heteronym variants (shuwu_shared.domain.pinyin.search_keys).

    ``红楼梦`` → ``hongloumeng … hlm``; ``长城`` → both ``cc`` and ``zc``.
    """
    return search_keys(text).split()


def short_query_ok(query: str) -> bool:
    return all(_is_han(ch) or ch.isalnum() for ch in query)


def class_label(code: str) -> str:
    for table in (CLC_TOP_CLASSES, CLC_T_SUBCLASSES):
        for known, name in table:
            if known == code:
                return name
    return _("Unknown class")
