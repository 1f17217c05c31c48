"""The desk index page (format ``shuwu-index/1``): every county copy, compactly.

A new device needs, before anything else, every county copy's barcode, status and branches
(to check in any county book and to recognise a foreign one). This page carries them in far
fewer bytes than the plain snapshot rows (docs/sync-protocol.md, *Desk index*):

- uuids as 16 raw bytes (base64 of the concatenation) instead of 36 characters of text; a
  copy names its record by a small integer, the position of the record's uuid in the page's
  own ``bib_uuids`` (no record uuid repeats within a page);
- columns, not rows; statuses and branch codes as integers into ``words``;
- ``updated_at`` null when equal to ``created_at``; ``version`` as differences;
- the whole JSON compressed with zstd (or gzip when either side lacks zstd).

The page is checked here completely (lengths, positions, uuids, times) before a row of it is
written: a garbled or hostile page is refused as a whole.
"""

from __future__ import annotations

import base64
import binascii
import gzip
import json
import re
import uuid as uuidlib
import zlib
from collections.abc import Sequence
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

INDEX_FORMAT = "shuwu-index/1"
# Record pages (``GET /v1/snapshot/bib``) that leave out the pinyin ``search_keys`` column when
# asked with ``keys=false``: the PC computes them (shuwu_shared.domain.pinyin), which is cheaper
# than receiving them on a slow link. A server lists it in the summary's ``formats``; a client
# sends ``keys=false`` only to a server that lists it (an older one refuses unknown options).
KEYLESS_BIB_FORMAT = "shuwu-bib/2"
INDEX_MEDIA_TYPE = "application/vnd.shuwu.index"
COMPRESSION_HEADER = "X-Shuwu-Compression"
INDEX_DEFAULT_LIMIT = 20_000
INDEX_MAX_LIMIT = 50_000
MAX_DECOMPRESSED = 64 * 1024 * 1024  # a page of 50,000 copies is ≈ 8 MB of JSON
ZSTD_LEVEL = 9
GZIP_LEVEL = 6

# The client's stored time form (see the plain snapshot), and a day.
TIME_PATTERN = r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}$"
DAY_PATTERN = r"^\d{4}-\d\d-\d\d$"

ITEM_FIELDS = (
    "uuid", "bib_uuid", "barcode", "call_number", "shelf_location", "status",
    "home_branch_code", "current_branch_code", "price", "acquired_on", "note", "created_at",
    "updated_at", "version",
)  # fmt: skip

Word = Annotated[str, Field(min_length=1, max_length=32)]
Barcode = Annotated[str, Field(min_length=1, max_length=32)]
Short = Annotated[str, Field(max_length=64)]
Price = Annotated[str, Field(max_length=32)]
Note = Annotated[str, Field(max_length=4000)]
StoredTime = Annotated[str, Field(pattern=TIME_PATTERN)]
Day = Annotated[str, Field(pattern=DAY_PATTERN)]
OddKey = Annotated[str, Field(pattern=r"^[bi]\d{1,6}$")]
OddUuid = Annotated[str, Field(min_length=1, max_length=36)]
Position = Annotated[int, Field(ge=0, le=INDEX_MAX_LIMIT)]
VersionStep = Annotated[int, Field(ge=-(2**62), le=2**62)]


class IndexPageError(ValueError):
    """A page that cannot be read as ``shuwu-index/1``: refused whole."""


class ItemIndexPage(BaseModel):
    """One page of the desk index. Every list has ``count`` entries (one per copy)."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    format: Literal["shuwu-index/1"]
    entity: Literal["item"]
    count: Annotated[int, Field(ge=0, le=INDEX_MAX_LIMIT)]
    bib_uuids: str = Field(description="base64 of 16 bytes per record named on this page")
    item_uuids: str = Field(description="base64 of 16 bytes per copy")
    odd_uuids: dict[OddKey, OddUuid] = Field(
        default_factory=dict,
        max_length=INDEX_MAX_LIMIT * 2,
        description="uuids that are not canonical text, by 'b<position>' or 'i<position>'",
    )
    bib: list[Position] = Field(description="the copy's record: a position in bib_uuids")
    barcode: list[Barcode]
    call_number: list[Short | None]
    shelf_location: list[Short | None]
    words: list[Word] = Field(max_length=4096, description="statuses and branch codes")
    status: list[Position]
    home_branch: list[Position]
    current_branch: list[Position]
    price: list[Price | None]
    acquired_on: list[Day | None]
    note: list[Note | None]
    created_at: list[StoredTime]
    updated_at: list[StoredTime | None] = Field(description="null: same as created_at")
    version: list[VersionStep] = Field(description="first value, then differences")
    next_after: Annotated[int, Field(ge=0, le=2**63 - 1)]
    has_more: bool
    server_time: str

    @model_validator(mode="after")
    def _consistent(self) -> ItemIndexPage:
        n = self.count
        for name in (
            "bib", "barcode", "call_number", "shelf_location", "status", "home_branch",
            "current_branch", "price", "acquired_on", "note", "created_at", "updated_at",
            "version",
        ):  # fmt: skip
            if len(getattr(self, name)) != n:
                raise ValueError(f"{name}: {len(getattr(self, name))} values for {n} copies")
        bibs = len(_unpack(self.bib_uuids)) // 16
        if len(_unpack(self.bib_uuids)) % 16 or len(_unpack(self.item_uuids)) != 16 * n:
            raise ValueError("uuid blocks of the wrong length")
        if any(b >= bibs for b in self.bib):
            raise ValueError("a copy names a record that is not on the page")
        words = len(self.words)
        for name in ("status", "home_branch", "current_branch"):
            if any(w >= words for w in getattr(self, name)):
                raise ValueError(f"{name}: a word that is not on the page")
        return self


def _unpack(blob: str) -> bytes:
    try:
        return base64.b64decode(blob, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise ValueError("uuids are not base64") from exc


_CANONICAL = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\Z")


def _uuid_text(raw: bytes) -> str:
    h = raw.hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def _uuid_bytes(value: str, key: str, odd: dict[str, str]) -> bytes:
    if isinstance(value, str) and _CANONICAL.match(value):
        return bytes.fromhex(value.replace("-", ""))
    odd[key] = value  # sent as text; its 16 bytes are zeros
    return bytes(16)


def encodable(value: str) -> bool:
    """True when ``value`` survives 16 raw bytes unchanged (canonical lower-case text)."""
    try:
        return str(uuidlib.UUID(value)) == value
    except (ValueError, AttributeError, TypeError):
        return False


def build_page(
    rows: Sequence[Sequence[Any]], next_after: int, has_more: bool, server_time: str
) -> dict[str, Any]:
    """The page for ``rows`` in ``ITEM_FIELDS`` order (times already in stored form)."""
    bib_positions: dict[str, int] = {}
    words: dict[str, int] = {}
    item_uuids = bytearray()
    bib_uuids = bytearray()
    odd: dict[str, str] = {}
    out: dict[str, list[Any]] = {
        name: []
        for name in (
            "bib", "barcode", "call_number", "shelf_location", "status", "home_branch",
            "current_branch", "price", "acquired_on", "note", "created_at", "updated_at",
            "version",
        )
    }  # fmt: skip
    previous_version = 0

    def word(value: str) -> int:
        found = words.get(value)
        if found is None:
            found = words[value] = len(words)
        return found

    for row in rows:
        (item_uuid, bib_uuid, barcode, call_number, shelf, status, home, current, price,
         acquired_on, note, created_at, updated_at, version) = row  # fmt: skip
        item_uuids += _uuid_bytes(item_uuid, f"i{len(out['bib'])}", odd)
        position = bib_positions.get(bib_uuid)
        if position is None:
            position = bib_positions[bib_uuid] = len(bib_positions)
            bib_uuids += _uuid_bytes(bib_uuid, f"b{position}", odd)
        out["bib"].append(position)
        out["barcode"].append(barcode)
        out["call_number"].append(call_number)
        out["shelf_location"].append(shelf)
        out["status"].append(word(status))
        out["home_branch"].append(word(home))
        out["current_branch"].append(word(current))
        out["price"].append(price)
        out["acquired_on"].append(acquired_on)
        out["note"].append(note)
        out["created_at"].append(created_at)
        out["updated_at"].append(None if updated_at == created_at else updated_at)
        version = int(version or 0)
        out["version"].append(version - previous_version)
        previous_version = version
    return {
        "format": INDEX_FORMAT,
        "entity": "item",
        "count": len(rows),
        "bib_uuids": base64.b64encode(bytes(bib_uuids)).decode("ascii"),
        "item_uuids": base64.b64encode(bytes(item_uuids)).decode("ascii"),
        "odd_uuids": odd,
        **out,
        "words": list(words),
        "next_after": next_after,
        "has_more": has_more,
        "server_time": server_time,
    }


def page_rows(page: ItemIndexPage) -> list[tuple[Any, ...]]:
    """The copies of a checked page as rows in ``ITEM_FIELDS`` order."""
    items = _unpack(page.item_uuids)
    bibs = record_uuids(page)
    odd = page.odd_uuids
    words = page.words
    rows: list[tuple[Any, ...]] = []
    version = 0
    for i in range(page.count):
        version += page.version[i]
        created = page.created_at[i]
        rows.append(
            (
                odd.get(f"i{i}") or _uuid_text(items[16 * i : 16 * i + 16]),
                bibs[page.bib[i]],
                page.barcode[i],
                page.call_number[i],
                page.shelf_location[i],
                words[page.status[i]],
                words[page.home_branch[i]],
                words[page.current_branch[i]],
                page.price[i],
                page.acquired_on[i],
                page.note[i],
                created,
                page.updated_at[i] or created,
                version,
            )
        )
    return rows


def record_uuids(page: ItemIndexPage) -> list[str]:
    raw = _unpack(page.bib_uuids)
    odd = page.odd_uuids
    return [odd.get(f"b{i // 16}") or _uuid_text(raw[i : i + 16]) for i in range(0, len(raw), 16)]


# -- compression ---------------------------------------------------------------------------
def zstd_available() -> bool:
    try:
        import zstandard  # noqa: F401
    except ImportError:
        return False
    return True


def compress(body: bytes, method: str) -> tuple[bytes, str]:
    """(bytes, method used): zstd when asked for and available, else gzip."""
    if method == "zstd" and zstd_available():
        import zstandard

        return zstandard.ZstdCompressor(level=ZSTD_LEVEL).compress(body), "zstd"
    return gzip.compress(body, compresslevel=GZIP_LEVEL, mtime=0), "gzip"


def decompress(body: bytes, method: str) -> bytes:
    """Undo ``compress``; refuses more than MAX_DECOMPRESSED bytes (a compression bomb)."""
    try:
        if method == "zstd":
            import zstandard

            chunks: list[bytes] = []
            size = 0
            with zstandard.ZstdDecompressor().stream_reader(body) as reader:
                while chunk := reader.read(1 << 20):
                    size += len(chunk)
                    if size > MAX_DECOMPRESSED:
                        raise IndexPageError("too large")
                    chunks.append(chunk)
            return b"".join(chunks)
        if method == "gzip":
            inflater = zlib.decompressobj(wbits=31)
            out = inflater.decompress(body, MAX_DECOMPRESSED)
            if inflater.unconsumed_tail or not inflater.eof:
                raise IndexPageError("too large or cut short")
            return out
    except ImportError as exc:
        raise IndexPageError("zstd is not available here") from exc
    except IndexPageError:
        raise
    except Exception as exc:  # zstandard.ZstdError and the like: a damaged frame
        raise IndexPageError(f"cannot decompress: {type(exc).__name__}") from exc
    raise IndexPageError(f"unknown compression {method!r}")


def read_json(body: bytes, method: str) -> Any:
    """Decompress and parse a compressed page (index or copies); IndexPageError if either fails."""
    raw = decompress(body, method)
    try:
        return json.loads(raw)
    except (ValueError, RecursionError) as exc:
        raise IndexPageError("not JSON") from exc


def read_page(body: bytes, method: str) -> ItemIndexPage:
    """Decompress, parse and check one page; IndexPageError for anything wrong."""
    data = read_json(body, method)
    try:
        return ItemIndexPage.model_validate(data)
    except ValidationError as exc:
        raise IndexPageError(str(exc).splitlines()[0]) from exc
