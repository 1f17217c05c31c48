"""Central cataloguing (统一文献采编): a MARC file imported into the county's union catalogue.

The desktop client's preview rules (app/services/catalog_marc.py), applied to the server's
``bib`` table: each record is new, matched (our own 035 uuid, or the same ISBN and title with
volume as a record already here or earlier in the file), or skipped with its number and reason.
On confirm, matched records are skipped (the client's default), merged into the record they
match, or added as separate records, as the administrator chooses; every record written keeps
its source MARC record (``bib.marc``) and flags, gets its pinyin search keys and is published to
every device's change feed, so any branch exports it field for field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pymarc
from sqlalchemy import select
from sqlalchemy.orm import Session

from server import models as m
from server.feed import record_change
from server.timeutil import utcnow
from shuwu_shared.bib import BIB_FIELDS
from shuwu_shared.columns import new_uuid
from shuwu_shared.domain.pinyin import record_search_keys
from shuwu_shared.errors import UserInputError
from shuwu_shared.i18n import _
from shuwu_shared.marc.convert import ConvertedRecord, convert_record, display_text
from shuwu_shared.marc.read import DecodedRecord, read_marc_bytes
from shuwu_shared.protocol.marcwire import (
    BAD_ISBN_MAX,
    OTHER_CLASS_MAX,
    flag_text,
    marc_problem,
)

MAX_FILE_BYTES = 20 * 1024 * 1024
ON_MATCH = ("skip", "merge", "new")
SAMPLE_TITLES = 5


@dataclass(frozen=True)
class Row:
    number: int  # 1-based position in the file
    status: str  # new / matched / skipped
    title: str = ""
    isbn: str | None = None
    reason: str = ""
    converted: ConvertedRecord | None = field(default=None, repr=False)
    matched_uuid: str | None = None
    matched_row: int | None = None
    matched_title: str = ""
    notes: tuple[str, ...] = ()

    @property
    def cleaned(self) -> tuple[str, ...]:
        return self.converted.cleaned if self.converted else ()


@dataclass(frozen=True)
class Preview:
    syntax: str
    rows: tuple[Row, ...]

    def count(self, status: str) -> int:
        return sum(1 for r in self.rows if r.status == status)

    @property
    def sample_titles(self) -> list[str]:
        return [r.title for r in self.rows if r.converted][:SAMPLE_TITLES]

    @property
    def cleaned_count(self) -> int:
        return sum(1 for r in self.rows if r.cleaned)


def match_title(title: str) -> str:
    """As the client compares: no NSB/NSE, spaces, punctuation or case."""
    return re.sub(r"[\s\W_]+", "", display_text(title)).casefold()


def preview(session: Session, data: bytes, encoding: str = "auto") -> Preview:
    """Read and classify every record; writes nothing. UserInputError: not a usable file."""
    if len(data) > MAX_FILE_BYTES:
        raise UserInputError(_("The file is larger than 20 MB; split it and import the parts."))
    try:
        result = read_marc_bytes(data, encoding)
    except UserInputError:
        raise
    except Exception as exc:  # a hostile file must give a message, never a 500
        raise UserInputError(
            _("This file is not a MARC file (ISO 2709 or MARCXML). Nothing was imported.")
        ) from exc
    seen: dict[tuple[str, str], Row] = {}
    rows: list[Row] = []
    for entry in result.entries:
        if not isinstance(entry, DecodedRecord):
            rows.append(Row(entry.number, "skipped", reason=entry.reason))
            continue
        rows.append(_classify(session, entry, seen))
    if not rows:
        raise UserInputError(_("The file has no records. Nothing was imported."))
    return Preview(result.syntax, tuple(rows))


def _classify(session: Session, entry: DecodedRecord, seen: dict[tuple[str, str], Row]) -> Row:
    number = entry.number
    try:
        converted = convert_record(entry.record, entry.marc_format)
    except UserInputError as exc:
        return Row(number, "skipped", reason=exc.message)
    except (ValueError, TypeError, IndexError, KeyError, pymarc.exceptions.PymarcException):
        return Row(number, "skipped", reason=_("the record cannot be stored (too long or damaged)"))
    data = converted.data
    notes = entry.notes + converted.flags
    row = Row(number, "new", data.title, data.isbn, converted=converted, notes=notes)
    if converted.shuwu_uuid:
        bib = session.scalar(select(m.Bib).where(m.Bib.uuid == converted.shuwu_uuid))
        if bib is not None:
            return _matched(row, uuid=bib.uuid, title=bib.title)
    if not data.isbn:
        return row
    key = (data.isbn, match_title(data.title))
    earlier = seen.get(key)
    if earlier is not None:
        return _matched(row, earlier_row=earlier.number, title=earlier.title)
    seen[key] = row
    same_isbn = session.scalars(select(m.Bib).where(m.Bib.isbn == data.isbn)).all()
    for bib in same_isbn:
        if match_title(bib.title) == key[1]:
            return _matched(row, uuid=bib.uuid, title=bib.title)
    if same_isbn:
        note = _(
            "shares its ISBN with {count} record(s) of another title or volume; kept separate"
        ).format(count=len(same_isbn))
        return Row(**{**vars(row), "notes": (*notes, note)})
    return row


def _matched(
    row: Row, uuid: str | None = None, earlier_row: int | None = None, title: str = ""
) -> Row:
    changes = {"status": "matched", "matched_uuid": uuid, "matched_row": earlier_row}
    return Row(**{**vars(row), **changes, "matched_title": title})


@dataclass(frozen=True)
class Outcome:
    created: tuple[str, ...]  # uuids of the records added
    merged: tuple[str, ...]  # per merged record, the uuid of the record it was merged into
    skipped: int  # matched records left out (the default)


def commit(session: Session, result: Preview, on_match: str = "skip") -> Outcome:
    """Write the previewed records (inside a ``server.db.writer`` transaction).

    ``on_match`` says what happens to a matched record (same ISBN, title and volume, or our own
    035 uuid): ``skip`` (the default) leaves it out; ``merge`` fills the existing record's
    columns with the file's non-empty values and keeps the file's source record with it;
    ``new`` adds it as a separate record (volumes of a set, print and e-book share ISBNs).
    Every record written keeps its source MARC record and flags, and reaches every device."""
    if on_match not in ON_MATCH:
        raise UserInputError(_("Choose what to do with records already in the catalogue."))
    now = utcnow()
    created: list[str] = []
    merged: list[str] = []
    skipped = 0
    by_row: dict[int, m.Bib] = {}
    for row in result.rows:
        converted = row.converted
        if row.status not in ("new", "matched") or converted is None:
            continue
        incoming = {f: getattr(converted.data, f) for f in BIB_FIELDS}
        if row.status == "matched" and on_match == "skip":
            skipped += 1
            continue
        bib = _merge_target(session, row, by_row) if row.status == "matched" else None
        if row.status == "matched" and on_match == "merge" and bib is not None:
            for f, v in incoming.items():
                if v:
                    setattr(bib, f, v)
            bib.updated_at = now
            merged.append(bib.uuid)
        else:
            bib = m.Bib(uuid=new_uuid(), created_at=now, updated_at=now, **incoming)
            session.add(bib)
            created.append(bib.uuid)
        keep_source(bib, converted)
        bib.search_keys = record_search_keys(bib.title, bib.author)
        # Every device gets the record at its next sync, as a branch's own bib upsert would.
        session.flush()
        bib.version = record_change(session, "bib", bib.uuid)
        by_row[row.number] = bib
    return Outcome(tuple(created), tuple(merged), skipped)


def _merge_target(session: Session, row: Row, by_row: dict[int, m.Bib]) -> m.Bib | None:
    if row.matched_row is not None:
        return by_row.get(row.matched_row)
    return session.scalar(select(m.Bib).where(m.Bib.uuid == row.matched_uuid))


def keep_source(bib: m.Bib, converted: ConvertedRecord) -> None:
    """The source record and its flags, as a PC's bib_upsert brings them (checked the same
    way, so every PC's reader takes it; a record too large for ISO 2709 is not kept)."""
    if marc_problem(converted.source) is None:
        bib.marc = converted.source
    bib.bad_isbn = flag_text(converted.bad_isbn, BAD_ISBN_MAX)
    bib.other_class = flag_text(converted.other_class, OTHER_CLASS_MAX)
