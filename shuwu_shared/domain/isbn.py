"""ISBN cleaning, validation and normalisation to ISBN-13.

Everything that reaches this module came from a keyboard-wedge barcode scanner or a person
typing, so the first step is always :func:`clean_scan`: scanners add symbology identifiers,
control characters and Enter/Tab, and a Chinese IME in full-width mode turns ``978`` into
``９７８``.

Messages in :class:`InvalidIsbn` are plain English for logs and tests; the service layer shows
the user a translated message chosen by :attr:`InvalidIsbn.reason`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum

# Hyphens, spaces and the dash look-alikes people paste from web pages and PDFs.
_SEPARATORS = re.compile(r"[\s\-‐‑‒–—_.]")
# AIM symbology identifier some scanners are set to send first: "]E0" = EAN-13, "]C1" = Code 128.
_AIM_PREFIX = re.compile(r"^\][A-Za-z][0-9A-Za-z]")
# A label typed or pasted in front: "ISBN 978…", "ISBN-13: 978…", "ISBN：978…".
_ISBN_LABEL = re.compile(r"^ISBN(?:-?1[03])?:?", re.IGNORECASE)
# The price add-on under Chinese book barcodes: two or five more digits after the EAN-13.
_ADDON_LENGTHS = (2, 5)
_BOOKLAND = ("978", "979")
_ISMN_PREFIX = "9790"  # 979-0 is the ISMN (printed music), not a book number


class IsbnProblem(StrEnum):
    EMPTY = "empty"
    CHARACTERS = "characters"
    LENGTH = "length"
    PREFIX = "prefix"
    CHECK_DIGIT = "check_digit"


class InvalidIsbn(ValueError):
    """Not a usable ISBN. ``reason`` says why, so callers can word the message for users."""

    def __init__(self, text: str, reason: IsbnProblem, detail: str = "") -> None:
        self.text = text
        self.reason = reason
        self.detail = detail
        super().__init__(f"invalid ISBN {text!r}: {reason.value}{': ' + detail if detail else ''}")


@dataclass(frozen=True, slots=True)
class Isbn:
    """A validated ISBN, always held as ISBN-13 digits without hyphens."""

    isbn13: str

    @property
    def isbn10(self) -> str | None:
        """The ISBN-10 form; only 978 ISBNs have one."""
        return isbn13_to_isbn10(self.isbn13)

    @property
    def is_chinese(self) -> bool:
        """Registration group 7 (mainland China), the prefix of nearly every book a county buys."""
        return self.isbn13.startswith("9787")

    def __str__(self) -> str:
        return self.isbn13


def clean_scan(raw: str, prefix: str = "", suffix: str = "") -> str:
    """Strip what a scanner or an IME adds around a code.

    NFKC folds full-width digits and letters to ASCII; control characters (STX/ETX, CR, LF,
    Tab) and surrounding spaces go; then the scanner's configured ``prefix``/``suffix`` and an
    AIM symbology identifier (``]E0``) are removed.
    """
    text = unicodedata.normalize("NFKC", raw)
    text = "".join(ch for ch in text if unicodedata.category(ch) not in ("Cc", "Cf")).strip()
    if prefix and text.startswith(prefix):
        text = text[len(prefix) :]
    if suffix and text.endswith(suffix):
        text = text[: -len(suffix)]
    text = _AIM_PREFIX.sub("", text.strip())
    return text.strip()


def isbn13_check_digit(first12: str) -> str:
    """EAN-13 check digit: weights 1,3,1,3,… over the first 12 digits, mod 10."""
    if len(first12) != 12 or not first12.isdigit():
        raise ValueError(f"need 12 digits, got {first12!r}")
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(first12))
    return str((10 - total % 10) % 10)


def isbn10_check_digit(first9: str) -> str:
    """ISBN-10 check character: weights 10..2 over the first 9 digits, mod 11 (10 is ``X``)."""
    if len(first9) != 9 or not first9.isdigit():
        raise ValueError(f"need 9 digits, got {first9!r}")
    total = sum(int(d) * (10 - i) for i, d in enumerate(first9))
    check = (11 - total % 11) % 11
    return "X" if check == 10 else str(check)


def isbn10_to_isbn13(isbn10: str) -> str:
    """``7020002207`` → ``9787020002207`` (the check digit is recomputed, not copied)."""
    body = "978" + isbn10[:9]
    return body + isbn13_check_digit(body)


def isbn13_to_isbn10(isbn13: str) -> str | None:
    """The ISBN-10 of a 978 ISBN-13; ``None`` for 979 numbers, which never had one."""
    if len(isbn13) != 13 or not isbn13.startswith("978"):
        return None
    return isbn13[3:12] + isbn10_check_digit(isbn13[3:12])


def _compact(raw: str) -> str:
    text = clean_scan(raw)
    text = _ISBN_LABEL.sub("", text).strip()
    return _SEPARATORS.sub("", text).upper()


def _split_addon(digits: str) -> str:
    """Drop a 2- or 5-digit price add-on read together with a 978/979 EAN-13."""
    for extra in _ADDON_LENGTHS:
        if len(digits) == 13 + extra and digits.isdigit() and digits[:3] in _BOOKLAND:
            return digits[:13]
    return digits


def parse_isbn(raw: str) -> Isbn:
    """Validate an ISBN-10 or ISBN-13 in any common spelling and return it as ISBN-13.

    Raises :class:`InvalidIsbn` for empty input, stray characters, a wrong length, a non-book
    EAN prefix, or a wrong check digit.
    """
    text = _split_addon(_compact(raw))
    if not text:
        raise InvalidIsbn(raw, IsbnProblem.EMPTY)
    if len(text) == 13:
        if not text.isdigit():
            raise InvalidIsbn(raw, IsbnProblem.CHARACTERS, "ISBN-13 is digits only")
        if text[:3] not in _BOOKLAND or text.startswith(_ISMN_PREFIX):
            raise InvalidIsbn(raw, IsbnProblem.PREFIX, "an ISBN-13 starts with 978 or 979")
        expected = isbn13_check_digit(text[:12])
        if text[12] != expected:
            raise InvalidIsbn(raw, IsbnProblem.CHECK_DIGIT, f"expected {expected}")
        return Isbn(text)
    if len(text) == 10:
        if not text[:9].isdigit() or not (text[9].isdigit() or text[9] == "X"):
            raise InvalidIsbn(raw, IsbnProblem.CHARACTERS, "ISBN-10 is 9 digits and 0-9 or X")
        expected = isbn10_check_digit(text[:9])
        if text[9] != expected:
            raise InvalidIsbn(raw, IsbnProblem.CHECK_DIGIT, f"expected {expected}")
        return Isbn(isbn10_to_isbn13(text))
    if not text.replace("X", "").isdigit():
        raise InvalidIsbn(raw, IsbnProblem.CHARACTERS)
    raise InvalidIsbn(raw, IsbnProblem.LENGTH, f"{len(text)} digits; an ISBN has 10 or 13")


def normalise_isbn(raw: str) -> str:
    """The ISBN-13 digits of ``raw``; raises :class:`InvalidIsbn`."""
    return parse_isbn(raw).isbn13


def try_normalise_isbn(raw: str) -> str | None:
    """The ISBN-13 digits of ``raw``, or ``None`` when it is not a valid ISBN."""
    try:
        return parse_isbn(raw).isbn13
    except InvalidIsbn:
        return None


def is_valid_isbn(raw: str) -> bool:
    return try_normalise_isbn(raw) is not None


def looks_like_isbn(raw: str) -> bool:
    """Shaped like an ISBN the way a scanner or a person would enter one, check digit unchecked.

    A 978/979 EAN-13 (with or without its price add-on), or an ISBN-10 written with hyphens or
    ending in ``X``. A bare 10-digit number is *not* taken for an ISBN-10: item barcodes are
    often 10 digits, and a book's own barcode always scans as the EAN-13.
    """
    text = _split_addon(_compact(raw))
    if len(text) == 13 and text.isdigit():
        return text[:3] in _BOOKLAND and not text.startswith(_ISMN_PREFIX)
    if len(text) == 10 and text[:9].isdigit() and (text[9].isdigit() or text[9] == "X"):
        typed_as_isbn = "-" in raw or text[9] == "X" or _ISBN_LABEL.match(clean_scan(raw))
        return bool(typed_as_isbn)
    return False


def is_isbn_not_barcode(raw: str) -> bool:
    """True when a scan is a book's ISBN (the EAN-13 on the cover), not a library item barcode.

    Used at the circulation desk and the catalogue scan box to route a code. A mistyped ISBN
    with a wrong check digit still counts, so the user is told about the ISBN rather than
    "unknown barcode".
    """
    return looks_like_isbn(raw)
