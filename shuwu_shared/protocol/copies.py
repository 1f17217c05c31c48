"""The county copies page (format ``shuwu-copies/1``): every county copy, leanly.

What a new PC's desk needs of a copy that is not its branch's own: its barcode (to recognise
it), its status and where it belongs and is (to take it back and send it home). Its uuid, its
record and the rest follow with the county catalogue (the full ``shuwu-index/1`` pages): random
uuids are 16 bytes a copy that nothing can compress, i.e. ≈ 64 s of a 1 Mbit/s link for the
county's 500,000 copies, while this page costs about a byte a copy (docs/sync-protocol.md,
*County copies*).

- The copies of a page are sorted by barcode. A barcode that continues the one before (same
  prefix, as many digits, a larger number) is sent as the difference: a branch's barcodes are
  consecutive numbers from its range, so most entries are ``1``.
- Statuses and branch codes are integers into ``words``.
- The JSON is compressed with zstd (or gzip when either side lacks zstd).

The page is checked here completely before a row of it is written: a garbled or hostile page
is refused as a whole.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from shuwu_shared.protocol.index import IndexPageError, read_json

COPIES_FORMAT = "shuwu-copies/1"
COPIES_DEFAULT_LIMIT = 100_000
COPIES_MAX_LIMIT = 200_000
MAX_STEP = 10**9  # a larger gap is sent as the barcode itself

Word = Annotated[str, Field(min_length=1, max_length=32)]
Barcode = Annotated[str, Field(min_length=1, max_length=32)]
Step = Annotated[int, Field(ge=1, le=MAX_STEP)]
Position = Annotated[int, Field(ge=0, le=4095)]

_DIGITS = "0123456789"


class CopiesPage(BaseModel):
    """One page of county copies. Every list has ``count`` entries (one per copy)."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    format: Literal["shuwu-copies/1"]
    count: Annotated[int, Field(ge=0, le=COPIES_MAX_LIMIT)]
    barcode: list[Barcode | Step] = Field(
        description="the barcode, or how much its number exceeds the one before"
    )
    words: list[Word] = Field(max_length=4096, description="statuses and branch codes")
    status: list[Position]
    home_branch: list[Position]
    current_branch: list[Position]
    next_after: Annotated[int, Field(ge=0, le=2**63 - 1)]
    has_more: bool

    @model_validator(mode="after")
    def _consistent(self) -> CopiesPage:
        n = self.count
        for name in ("barcode", "status", "home_branch", "current_branch"):
            if len(getattr(self, name)) != n:
                raise ValueError(f"{name}: {len(getattr(self, name))} values for {n} copies")
        words = len(self.words)
        for name in ("status", "home_branch", "current_branch"):
            if any(w >= words for w in getattr(self, name)):
                raise ValueError(f"{name}: a word that is not on the page")
        if n and not isinstance(self.barcode[0], str):
            raise ValueError("the first barcode of a page is sent whole")
        return self


def _split(barcode: str) -> tuple[str, str] | None:
    """(prefix, the ASCII digits that end the barcode), or None when it ends otherwise."""
    prefix = barcode.rstrip(_DIGITS)
    return (prefix, barcode[len(prefix) :]) if len(prefix) < len(barcode) else None


def _step(before: tuple[str, str] | None, now: tuple[str, str] | None) -> int | None:
    """How much the split barcode ``now`` continues ``before``, or None when it does not."""
    if before is None or now is None or before[0] != now[0] or len(before[1]) != len(now[1]):
        return None
    step = int(now[1]) - int(before[1])
    return step if 1 <= step <= MAX_STEP else None


def _next(previous: tuple[str, str] | None, step: int) -> str:
    if previous is None:
        raise ValueError("a step after a barcode without a number")
    prefix, digits = previous
    number = str(int(digits) + step)
    if len(number) > len(digits):
        raise ValueError("a step past the barcode's digits")
    return prefix + number.zfill(len(digits))


def build_page(
    rows: Iterable[tuple[str, str, str, str]], next_after: int, has_more: bool
) -> dict[str, object]:
    """The page for ``rows`` of (barcode, status, home branch, current branch)."""
    words: dict[str, int] = {}
    barcodes: list[str | int] = []
    status: list[int] = []
    home: list[int] = []
    current: list[int] = []
    # Inlined (a county page is 100,000 copies): split, step and word as in the helpers above.
    prefix = digits = ""
    number = -1
    for barcode, state, home_branch, current_branch in sorted(rows, key=_first):
        head = barcode.rstrip(_DIGITS)
        tail = barcode[len(head) :]
        step = 0
        if tail and head == prefix and len(tail) == len(digits):
            step = int(tail) - number
        if 1 <= step <= MAX_STEP:
            barcodes.append(step)
        else:
            barcodes.append(barcode)
        prefix, digits, number = head, tail, int(tail) if tail else -1
        status.append(words.setdefault(state, len(words)))
        home.append(words.setdefault(home_branch, len(words)))
        current.append(words.setdefault(current_branch, len(words)))
    return {
        "format": COPIES_FORMAT,
        "count": len(barcodes),
        "barcode": barcodes,
        "words": list(words),
        "status": status,
        "home_branch": home,
        "current_branch": current,
        "next_after": next_after,
        "has_more": has_more,
    }


def _first(row: tuple[str, str, str, str]) -> str:
    return row[0]


def page_rows(page: CopiesPage) -> list[tuple[str, str, str, str]]:
    """The copies of a checked page: (barcode, status, home branch, current branch)."""
    words = page.words
    status, home, current = page.status, page.home_branch, page.current_branch
    rows: list[tuple[str, str, str, str]] = []
    previous: tuple[str, str] | None = None
    for i, entry in enumerate(page.barcode):
        if isinstance(entry, str):
            barcode = entry
            previous = _split(entry)
        else:
            barcode = _next(previous, entry)
            if len(barcode) > 32:
                raise ValueError("a barcode longer than 32 characters")
            assert previous is not None
            previous = (previous[0], barcode[len(previous[0]) :])
        rows.append((barcode, words[status[i]], words[home[i]], words[current[i]]))
    return rows


def read_page(body: bytes, method: str) -> tuple[CopiesPage, list[tuple[str, str, str, str]]]:
    """Decompress, parse and check one page; IndexPageError for anything wrong."""
    data = read_json(body, method)
    try:
        page = CopiesPage.model_validate(data)
        return page, page_rows(page)
    except ValidationError as exc:
        raise IndexPageError(str(exc).splitlines()[0]) from exc
    except ValueError as exc:
        raise IndexPageError(str(exc)) from exc
