"""Catalogue search: title, author, ISBN, barcode, call number, pinyin initials, short words.

Indexes (migration 0400_catalog):
- ``fts_bib_trigram`` (FTS5 trigram, external content = bib_record, kept by triggers):
  substrings of 3+ characters in title/author/publisher/ISBN/pinyin keys.
- ``fts_bib_bigram`` (FTS5 unicode61 over pre-split tokens): Han unigrams and bigrams plus
  latin words and pinyin keys, for 1–2 character queries that trigram cannot answer.
  Written by ``index_bib``; anyone who writes bib_record rows must call it (or
  ``reindex_all``).
- ``item.barcode`` (unique) for exact barcodes, ``ix_item_call_number`` for call-number
  prefixes (a range scan, not LIKE).
Results are ordered by the 中图法 shelf key of their first copy.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from app.device import state
from app.models import BibRecord, Item
from app.services.catalog_rules import bigram_text, normalise_isbn
from shuwu_shared.i18n import _

DEFAULT_LIMIT = 50


def index_bib(session: Session, bib: BibRecord) -> None:
    """(Re)write the bigram tokens of one record (the trigram index follows by trigger)."""
    grams = bigram_text(bib.title, bib.author, bib.publisher)
    if bib.search_keys:
        grams += " " + bib.search_keys
    session.execute(text("DELETE FROM fts_bib_bigram WHERE rowid = :id"), {"id": bib.id})
    session.execute(
        text("INSERT INTO fts_bib_bigram(rowid, grams) VALUES (:id, :grams)"),
        {"id": bib.id, "grams": grams},
    )


def reindex_all(session: Session) -> int:
    """Rebuild both indexes from bib_record (after bulk loads or a sync of many records)."""
    session.execute(text("INSERT INTO fts_bib_trigram(fts_bib_trigram) VALUES ('rebuild')"))
    session.execute(text("DELETE FROM fts_bib_bigram"))
    count = 0
    for bib in session.scalars(select(BibRecord)).yield_per(2000):
        index_bib(session, bib)
        count += 1
    return count


@dataclass(frozen=True)
class CopyHit:
    barcode: str
    call_number: str | None
    shelf_location: str | None
    status: str
    home_branch: str
    current_branch: str


@dataclass(frozen=True)
class SearchHit:
    bib_uuid: str
    title: str
    author: str | None
    publisher: str | None
    pub_year: str | None
    isbn: str | None
    clc_class: str | None
    call_number: str | None
    copies: tuple[CopyHit, ...]

    @property
    def available(self) -> int:
        return sum(1 for c in self.copies if c.status == "available")


@dataclass(frozen=True)
class SearchResult:
    query: str
    hits: tuple[SearchHit, ...]
    truncated: bool
    # While a new device still receives the county catalogue: how much is here (0-99).
    receiving: int | None = None

    @property
    def receiving_text(self) -> str:
        """ "Receiving the county catalogue (n%)" while it arrives, else empty."""
        return receiving_text(self.receiving)

    def to_json(self) -> dict[str, Any]:
        return {
            "query": self.query,
            "receiving_catalogue_percent": self.receiving,
            "count": len(self.hits),
            "truncated": self.truncated,
            "hits": [
                {**asdict(h), "copies": [asdict(c) for c in h.copies], "available": h.available}
                for h in self.hits
            ],
        }


_CALL_PREFIX = re.compile(r"^[A-Z]{1,2}\d[\d.\-()/:]*$")


def _phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _term_query(term: str, number: int) -> tuple[str, dict[str, Any]] | None:
    """A SQL query yielding bib ids for one search term (None = cannot match anything)."""
    key = f"term{number}"
    if len(term) >= 3:
        return (
            f"SELECT rowid AS id FROM fts_bib_trigram WHERE fts_bib_trigram MATCH :{key}",
            {key: _phrase(term)},
        )
    tokens = bigram_text(term).split()
    if not tokens:
        return None
    # Han bigrams/unigrams are whole tokens; latin fragments (pinyin initials) are prefixes.
    parts = [
        _phrase(tok) + ("*" if tok.isascii() else "") for tok in tokens if len(tok) == len(term)
    ] or [_phrase(tokens[-1])]
    return (
        f"SELECT rowid AS id FROM fts_bib_bigram WHERE fts_bib_bigram MATCH :{key}",
        {key: " OR ".join(parts)},
    )


def _exact_ids(session: Session, query: str) -> list[int]:
    """ISBN, barcode and call-number matches: exact and index-backed."""
    ids: list[int] = []
    isbn = normalise_isbn(query)
    if isbn:
        ids += session.scalars(select(BibRecord.id).where(BibRecord.isbn == isbn)).all()
    ids += session.scalars(select(Item.bib_id).where(Item.barcode == query)).all()
    upper = query.upper()
    if _CALL_PREFIX.match(upper):
        ids += session.scalars(
            select(Item.bib_id)
            .where(Item.call_number >= upper, Item.call_number < upper + "\uffff")
            .limit(500)
        ).all()
    return list(dict.fromkeys(ids))


def receiving_text(percent: int | None) -> str:
    if percent is None:
        return ""
    return _("Receiving the county catalogue ({percent}%)").format(percent=percent)


def search(session: Session, query: str, limit: int = DEFAULT_LIMIT) -> SearchResult:
    query = query.strip()
    receiving = state.catalogue_percent(session)
    if not query:
        return SearchResult(query, (), False, receiving)
    ids = _exact_ids(session, query)
    if not ids:
        subqueries: list[str] = []
        params: dict[str, Any] = {}
        for number, term in enumerate(query.split()[:6]):
            built = _term_query(term, number)
            if built is None:
                return SearchResult(query, (), False, receiving)
            subqueries.append(built[0])
            params.update(built[1])
        sql = " INTERSECT ".join(subqueries) + " LIMIT :limit"
        params["limit"] = limit + 1
        ids = [row[0] for row in session.execute(text(sql), params)]
    truncated = len(ids) > limit
    ids = ids[:limit]
    return SearchResult(query, tuple(_load_hits(session, ids)), truncated, receiving)


def _load_hits(session: Session, ids: list[int]) -> list[SearchHit]:
    if not ids:
        return []
    bibs = {b.id: b for b in session.scalars(select(BibRecord).where(BibRecord.id.in_(ids)))}
    copies: dict[int, list[Item]] = {}
    for item in session.scalars(
        select(Item).where(Item.bib_id.in_(ids)).order_by(Item.call_sort_key, Item.barcode)
    ):
        copies.setdefault(item.bib_id, []).append(item)
    hits: list[tuple[str, str, SearchHit]] = []
    for bib_id in ids:
        bib = bibs.get(bib_id)
        if bib is None:
            continue
        items = copies.get(bib_id, [])
        first = items[0] if items else None
        hit = SearchHit(
            bib_uuid=bib.uuid,
            title=bib.title,
            author=bib.author,
            publisher=bib.publisher,
            pub_year=bib.pub_year,
            isbn=bib.isbn,
            clc_class=bib.clc_class,
            call_number=first.call_number if first else None,
            copies=tuple(
                CopyHit(
                    i.barcode,
                    i.call_number,
                    i.shelf_location,
                    i.status,
                    i.home_branch_code,
                    i.current_branch_code,
                )
                for i in items
            ),
        )
        # Shelf order (中图法 key), records without copies last.
        sort_key = (first.call_sort_key or "~") if first else "~~"
        hits.append((sort_key, bib.title, hit))
    hits.sort(key=lambda t: (t[0], t[1]))
    return [h for _k, _t, h in hits]
