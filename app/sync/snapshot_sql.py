"""The statements that load snapshot pages, and the row → parameter conversions they need.

Times arrive already in the form SQLite stores (``YYYY-MM-DD HH:MM:SS.ffffff`` UTC), so rows go
to ``executemany`` without parsing. Upserts match by uuid and leave local-only columns (MARC,
where the record came from) alone.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from shuwu_shared.domain.callnumber import call_sort_key
from shuwu_shared.domain.pinyin import record_search_keys
from shuwu_shared.protocol.marcwire import received_marc

_BIB_COLUMNS = (
    "uuid", "isbn", "title", "author", "publisher", "pub_place", "pub_year", "edition",
    "pages", "price", "clc_class", "subjects", "summary", "created_at", "updated_at",
    "server_version", "search_keys", "marc", "bad_isbn", "other_class",
)  # fmt: skip
_ITEM_COLUMNS = (
    "uuid", "bib_id", "barcode", "call_number", "call_sort_key", "shelf_location", "status",
    "home_branch_code", "current_branch_code", "price", "acquired_on", "note", "created_at",
    "updated_at", "server_version",
)  # fmt: skip


# A source record (and its flags) the county does not have (yet) is not erased here.
_KEEP_WHEN_NULL = {"marc", "bad_isbn", "other_class"}


def _upsert(table: str, columns: tuple[str, ...], values: str, extra: dict[str, str]) -> str:
    names = ", ".join((*columns, *extra))
    updates = ", ".join(
        f"{c} = coalesce(excluded.{c}, {table}.{c})"
        if c in _KEEP_WHEN_NULL
        else f"{c} = excluded.{c}"
        for c in columns
        if c != "uuid"
    )
    return (
        f"INSERT INTO {table} ({names}) VALUES ({values}"
        f"{''.join(', ' + v for v in extra.values())})"
        f" ON CONFLICT(uuid) DO UPDATE SET {updates}"
    )


TRIGRAM_TRIGGER = "fts_bib_trigram_ai"
TRIGRAM_UPDATE_TRIGGER = "fts_bib_trigram_au"
TRIGGER_SQL = "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?"
TRIGRAM_REBUILD = "INSERT INTO fts_bib_trigram(fts_bib_trigram) VALUES ('rebuild')"
BIB_UPSERT = _upsert(
    "bib_record", _BIB_COLUMNS, ", ".join("?" * len(_BIB_COLUMNS)), {"source": "'union'"}
)
# The copy's record by uuid, looked up in SQLite: an unknown record leaves bib_id NULL, which
# the NOT NULL constraint refuses, and the page falls back to the row-by-row path.
ITEM_UPSERT = _upsert(
    "item",
    _ITEM_COLUMNS,
    "?, (SELECT id FROM bib_record WHERE uuid = ?), " + ", ".join("?" * (len(_ITEM_COLUMNS) - 2)),
    {},
)


def bib_params(row: dict[str, Any]) -> tuple[Any, ...]:
    return (
        row["uuid"], row.get("isbn"), row["title"], row.get("author"), row.get("publisher"),
        row.get("pub_place"), row.get("pub_year"), row.get("edition"), row.get("pages"),
        row.get("price"), row.get("clc_class"), row.get("subjects"), row.get("summary"),
        row["created_at"], row["updated_at"], int(row.get("version") or 0),
        row.get("search_keys") or record_search_keys(row["title"], row.get("author")),
        received_marc(row.get("marc")), row.get("bad_isbn"), row.get("other_class"),
    )  # fmt: skip


@lru_cache(maxsize=65536)
def _shelf_key(call_number: str) -> str:
    # The copies of one record share its call number and arrive side by side (≈ 40 % of the
    # county's copies repeat the one before): parsing it once saves ≈ 20 µs a copy.
    return call_sort_key(call_number)


def item_params(row: dict[str, Any]) -> tuple[Any, ...]:
    call_number = row.get("call_number")
    return (
        row["uuid"], row["bib_uuid"], row["barcode"], call_number,
        _shelf_key(call_number) if call_number else None, row.get("shelf_location"),
        row["status"], row["home_branch_code"], row["current_branch_code"], row.get("price"),
        row.get("acquired_on"), row.get("note"), row["created_at"], row["updated_at"],
        int(row.get("version") or 0),
    )  # fmt: skip
