"""Constrained scalar types of the wire protocol: text, identifiers, times, dates, integers.

Every string on the wire is checked for control characters and lone surrogates: PostgreSQL
cannot store a NUL in text, and a lone surrogate cannot be encoded as UTF-8 at all. Lengths
follow the server's columns, so an over-long value is refused before it reaches the database.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

from pydantic import AfterValidator, Field, StringConstraints

I64_MAX = 2**63 - 1
# Device clocks are wrong sometimes, never by decades: a time outside these years is a bug.
MIN_YEAR = 1970
MAX_YEAR = 2100
MIN_WALL_MS = 0
MAX_WALL_MS = 4_102_444_800_000  # 2100-01-01T00:00:00Z
MAX_OFFSET_MS = 10 * 366 * 24 * 3600 * 1000  # ten years either way

# No C0/C1 control characters (one-line values: no tab or line break either). Patterns run
# inside pydantic-core (Rust): a push of 500 ops holds thousands of strings. Lone surrogates
# never get this far: pydantic-core refuses them as invalid Unicode.
_LINE_PATTERN = "^[^\\x00-\\x1f\\x7f-\\x9f]*$"
_TEXT_PATTERN = "^[^\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x9f]*$"
_LINE = StringConstraints(pattern=_LINE_PATTERN)
_TEXT = StringConstraints(pattern=_TEXT_PATTERN)

# One-line text (codes, identifiers, short names) and free text (tabs, line breaks allowed).
Line16 = Annotated[str, StringConstraints(max_length=16), _LINE]
Line32 = Annotated[str, StringConstraints(max_length=32), _LINE]
Line64 = Annotated[str, StringConstraints(max_length=64), _LINE]
Line100 = Annotated[str, StringConstraints(max_length=100), _LINE]
Line200 = Annotated[str, StringConstraints(max_length=200), _LINE]
Text100 = Annotated[str, StringConstraints(max_length=100), _TEXT]
Text200 = Annotated[str, StringConstraints(max_length=200), _TEXT]
Text300 = Annotated[str, StringConstraints(max_length=300), _TEXT]
Text500 = Annotated[str, StringConstraints(max_length=500), _TEXT]
Text2000 = Annotated[str, StringConstraints(max_length=2000), _TEXT]
Text20000 = Annotated[str, StringConstraints(max_length=20_000), _TEXT]
Name = Annotated[str, StringConstraints(min_length=1, max_length=100), _TEXT]
Title = Annotated[str, StringConstraints(min_length=1, max_length=500), _TEXT]
ActivityTitle = Annotated[str, StringConstraints(min_length=1, max_length=300), _TEXT]
Code = Annotated[str, StringConstraints(min_length=1, max_length=32), _LINE]


def _check_time(value: str) -> str:
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise ValueError("is not an ISO-8601 time") from None
    if not MIN_YEAR <= parsed.year <= MAX_YEAR:
        raise ValueError(f"must lie between the years {MIN_YEAR} and {MAX_YEAR}")
    return value


def _check_day(value: str) -> str:
    try:
        parsed = date.fromisoformat(value[:10])
    except ValueError:
        raise ValueError("is not a date (YYYY-MM-DD)") from None
    if not 1900 <= parsed.year <= MAX_YEAR:
        raise ValueError(f"must lie between the years 1900 and {MAX_YEAR}")
    return value


Id = Annotated[
    str,
    StringConstraints(min_length=1, max_length=36),
    _LINE,
    Field(description="A UUID (at most 36 characters)"),
]
Barcode = Annotated[
    str,
    StringConstraints(min_length=1, max_length=32),
    _LINE,
    Field(description="A copy barcode as scanned (at most 32 characters)"),
]
Card = Annotated[
    str,
    StringConstraints(min_length=1, max_length=32),
    _LINE,
    Field(description="A reader card number (at most 32 characters)"),
]
BranchCode = Annotated[
    str,
    StringConstraints(min_length=1, max_length=32),
    _LINE,
    Field(description="A branch code (at most 32 characters)"),
]
Time = Annotated[
    str,
    StringConstraints(min_length=1, max_length=40),
    _LINE,
    AfterValidator(_check_time),
    Field(description=f"An ISO-8601 time, years {MIN_YEAR}–{MAX_YEAR}; naive means UTC"),
]
Day = Annotated[
    str,
    StringConstraints(min_length=10, max_length=32),
    _LINE,
    AfterValidator(_check_day),
    Field(description=f"A date YYYY-MM-DD, years 1900–{MAX_YEAR}"),
]
Seq = Annotated[int, Field(ge=1, le=I64_MAX, description="A positive 64-bit integer")]
Cursor = Annotated[int, Field(ge=0, le=I64_MAX, description="A change-feed position (0 = start)")]
Version = Annotated[int, Field(ge=0, le=I64_MAX)]
WallMs = Annotated[
    int,
    Field(
        ge=MIN_WALL_MS,
        le=MAX_WALL_MS,
        description="The device's wall clock in ms since 1970 (before the year 2100)",
    ),
]
OffsetMs = Annotated[
    int,
    Field(
        ge=-MAX_OFFSET_MS,
        le=MAX_OFFSET_MS,
        description="Server time minus device time, ms (at most ten years either way)",
    ),
]
