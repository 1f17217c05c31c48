"""MARC import and export: CNMARC/UNIMARC and MARC 21, ISO 2709 and MARCXML.

Import is staged: ``preview_import`` reads and checks the whole file (nothing is written) and
classifies each record as new, matched (same ISBN, title and volume as a record already here, or
earlier in the file) or rejected with its number and reason; ``commit_import`` then writes the
accepted records in the caller's ONE transaction. A damaged record does not stop its neighbours,
unless the user asks for all or nothing.

Reading and decoding: ``shuwu_shared.marc.read``; one record → Shuwu's record:
``shuwu_shared.marc.convert``
(``convert_record``, also used by copy cataloguing). The cleaned source record is stored with the
bib (``bib_record.marc``, UTF-8 ISO 2709) and export starts from it, so fields Shuwu did not edit
leave exactly as they came; only the fields behind edited columns are rewritten.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pymarc
from pymarc import Field, Indicators, Leader, Record, Subfield
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import BibRecord
from app.services.catalog import apply_bib, set_source, validate_bib
from shuwu_shared.bib import BIB_FIELDS, BibData
from shuwu_shared.clock import Clock
from shuwu_shared.errors import UserInputError
from shuwu_shared.i18n import _
from shuwu_shared.marc.convert import (
    SHUWU_035_PREFIX,
    ConvertedRecord,
    Extracted,
    convert_record,
    display_text,
    extract,
    marc_format_of,
    stored_columns,
    to_iso2709,
)
from shuwu_shared.marc.read import (
    ENCODINGS,
    DecodedRecord,
    decode_iso2709,
    read_marc_bytes,
)
from shuwu_shared.progress import NoProgress, Progress, check_cancel

__all__ = [
    "ENCODINGS",
    "FORMATS",
    "SYNTAXES",
    "ImportOutcome",
    "ImportPreview",
    "ImportRow",
    "commit_import",
    "convert_record",
    "export_marc",
    "preview_import",
    "record_for_export",
    "store_converted",
]

MAX_FILE_BYTES = 200 * 1024 * 1024
FORMATS = ("cnmarc", "marc21")
SYNTAXES = ("iso2709", "marcxml")
SAMPLE_TITLES = 5


@dataclass(frozen=True)
class ImportRow:
    number: int  # 1-based position in the file
    status: str  # new / matched / rejected
    title: str
    isbn: str | None
    reason: str = ""
    converted: ConvertedRecord | None = field(default=None, repr=False)
    matched_uuid: str | None = None  # a record already in the catalogue
    matched_row: int | None = None  # an earlier record of this file
    matched_title: str = ""
    encoding: str = ""
    notes: tuple[str, ...] = ()  # repairs and flags, shown in the preview and summary

    @property
    def data(self) -> BibData | None:
        return self.converted.data if self.converted else None


@dataclass(frozen=True)
class ImportPreview:
    path: str
    syntax: str  # iso2709 / marcxml
    encoding: str  # the one encoding, or "mixed"
    marc_format: str  # cnmarc / marc21 / cnmarc+marc21
    rows: tuple[ImportRow, ...]

    def count(self, status: str) -> int:
        return sum(1 for r in self.rows if r.status == status)

    @property
    def encodings(self) -> dict[str, int]:
        return dict(Counter(r.encoding for r in self.rows if r.encoding))

    @property
    def sample_titles(self) -> list[str]:
        return [r.title for r in self.rows if r.converted][:SAMPLE_TITLES]

    @property
    def noted_rows(self) -> list[ImportRow]:
        return [r for r in self.rows if r.notes and r.status != "rejected"]

    def to_json(self) -> dict[str, Any]:
        return {
            "file": self.path,
            "syntax": self.syntax,
            "encoding": self.encoding,
            "encodings": self.encodings,
            "format": self.marc_format,
            "sample_titles": self.sample_titles,
            "new": self.count("new"),
            "matched": self.count("matched"),
            "rejected": self.count("rejected"),
            "cleaned": sum(1 for r in self.rows if r.converted and r.converted.cleaned),
            "records": [
                {
                    "number": r.number,
                    "status": r.status,
                    "title": r.title,
                    "isbn": r.isbn,
                    "bad_isbn": r.converted.bad_isbn if r.converted else None,
                    "clc_class": r.data.clc_class if r.data else None,
                    "other_class": r.converted.other_class if r.converted else None,
                    "encoding": r.encoding,
                    "reason": r.reason,
                    "matched_uuid": r.matched_uuid,
                    "matched_row": r.matched_row,
                    "matched_title": r.matched_title,
                    "cleaned_fields": list(r.converted.cleaned) if r.converted else [],
                    "notes": list(r.notes),
                }
                for r in self.rows
            ],
        }


@dataclass(frozen=True)
class ImportOutcome:
    created: int
    merged: int
    skipped: int
    rejected: int
    cleaned: int = 0
    flagged: int = 0

    def to_json(self) -> dict[str, int]:
        return {
            "created": self.created,
            "merged": self.merged,
            "skipped": self.skipped,
            "rejected": self.rejected,
            "cleaned_records": self.cleaned,
            "flagged_records": self.flagged,
        }


# --- preview -------------------------------------------------------------------------------------


def match_title(title: str) -> str:
    """Title + volume as compared for merging: no NSB/NSE, spaces, punctuation or case."""
    return re.sub(r"[\s\W_]+", "", display_text(title)).casefold()


def preview_import(
    session: Session, path: Path, encoding: str = "auto", progress: Progress | None = None
) -> ImportPreview:
    """Read and check the whole file; writes nothing."""
    progress = progress or NoProgress()
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise UserInputError(_("The file is too large to import at once."))
        data = path.read_bytes()
    except OSError as exc:
        raise UserInputError(
            _("Cannot read {path}: {reason}").format(path=path, reason=exc.strerror)
        ) from exc
    result = read_marc_bytes(data, encoding)
    rows: list[ImportRow] = []
    seen: dict[tuple[str, str], ImportRow] = {}
    total = len(result.entries)
    for done, entry in enumerate(result.entries, start=1):
        check_cancel(progress)
        progress.report(done, total, _("Reading records"))
        if not isinstance(entry, DecodedRecord):
            rows.append(ImportRow(entry.number, "rejected", "", None, entry.reason))
            continue
        rows.append(_classify(session, entry, seen))
    formats = {r.converted.marc_format for r in rows if r.converted}
    encodings = {r.encoding for r in rows if r.encoding}
    chosen = encodings.pop() if len(encodings) == 1 else ("mixed" if encodings else "")
    return ImportPreview(str(path), result.syntax, chosen, "+".join(sorted(formats)), tuple(rows))


def _classify(
    session: Session, entry: DecodedRecord, seen: dict[tuple[str, str], ImportRow]
) -> ImportRow:
    number, encoding = entry.number, entry.encoding
    try:
        converted = convert_record(entry.record, entry.marc_format)
        data = validate_bib(converted.data)
    except UserInputError as exc:
        return ImportRow(number, "rejected", "", None, exc.message, encoding=encoding)
    except (ValueError, TypeError, IndexError, KeyError, pymarc.exceptions.PymarcException):
        reason = _("the record cannot be stored (too long or damaged)")
        return ImportRow(number, "rejected", "", None, reason, encoding=encoding)
    notes = entry.notes + converted.flags
    row = ImportRow(number, "new", data.title, data.isbn, "", converted, encoding=encoding)
    if converted.shuwu_uuid:
        bib = session.scalar(select(BibRecord).where(BibRecord.uuid == converted.shuwu_uuid))
        if bib is not None:
            return _matched(row, notes, uuid=bib.uuid, title=bib.title)
    if not data.isbn:
        return _with_notes(row, notes)
    key = (data.isbn, match_title(data.title))
    earlier = seen.get(key)
    if earlier is not None:
        return _matched(row, notes, earlier_row=earlier.number, title=earlier.title)
    seen[key] = row
    same_isbn = session.scalars(select(BibRecord).where(BibRecord.isbn == data.isbn)).all()
    for bib in same_isbn:
        if match_title(bib.title) == key[1]:
            return _matched(row, notes, uuid=bib.uuid, title=bib.title)
    if same_isbn:
        notes += (
            _(
                "shares its ISBN with {count} record(s) of another title or volume; kept separate"
            ).format(count=len(same_isbn)),
        )
    return _with_notes(row, notes)


def _with_notes(row: ImportRow, notes: tuple[str, ...]) -> ImportRow:
    return ImportRow(**{**vars(row), "notes": notes})


def _matched(
    row: ImportRow,
    notes: tuple[str, ...],
    uuid: str | None = None,
    earlier_row: int | None = None,
    title: str = "",
) -> ImportRow:
    return ImportRow(
        **{
            **vars(row),
            "status": "matched",
            "matched_uuid": uuid,
            "matched_row": earlier_row,
            "matched_title": title,
            "notes": notes,
        }
    )


# --- commit --------------------------------------------------------------------------------------


def store_converted(bib: BibRecord, converted: ConvertedRecord) -> None:
    """Keep the source record and the flags beside the columns (``apply_bib(marc=...)`` does
    this before it queues the bib_upsert, so the county receives the source record too)."""
    set_source(bib, converted)


def commit_import(
    session: Session,
    clock: Clock,
    preview: ImportPreview,
    on_match: str = "skip",
    progress: Progress | None = None,
    all_or_nothing: bool = False,
) -> ImportOutcome:
    """Write the previewed records in the caller's transaction."""
    if on_match not in ("skip", "merge"):
        raise UserInputError(_("Choose merge or skip for records already in the catalogue."))
    rejected = [r for r in preview.rows if r.status == "rejected"]
    if all_or_nothing and rejected:
        listed = "; ".join(
            _("record {number}: {reason}").format(number=r.number, reason=r.reason)
            for r in rejected[:5]
        )
        raise UserInputError(
            _("{count} record(s) cannot be imported ({listed}). Nothing was imported.").format(
                count=len(rejected), listed=listed
            )
        )
    if rejected and not any(r.converted for r in preview.rows):
        raise UserInputError(
            _(
                "No record of the file can be imported (record {number}: {reason}). "
                "Nothing was imported."
            ).format(number=rejected[0].number, reason=rejected[0].reason)
        )
    progress = progress or NoProgress()
    created = merged = skipped = 0
    by_row: dict[int, BibRecord] = {}
    for done, row in enumerate(preview.rows, start=1):
        check_cancel(progress)
        progress.report(done, len(preview.rows), _("Saving records"))
        converted = row.converted
        if converted is None:
            continue
        data = validate_bib(converted.data)
        if row.status == "matched":
            if on_match == "skip":
                skipped += 1
                continue
            bib = _match_target(session, row, by_row)
            current = {k: getattr(bib, k) for k in BIB_FIELDS}
            incoming = {k: getattr(data, k) for k in BIB_FIELDS if getattr(data, k)}
            merged_data = BibData.from_mapping({**current, **incoming})
            apply_bib(session, clock, merged_data, bib, bib.source, converted)
            merged += 1
        else:
            bib = apply_bib(session, clock, data, None, "marc", converted)
            created += 1
        by_row[row.number] = bib
    return ImportOutcome(
        created,
        merged,
        skipped,
        len(rejected),
        cleaned=sum(1 for r in preview.rows if r.converted and r.converted.cleaned),
        flagged=sum(1 for r in preview.rows if r.converted and r.converted.flags),
    )


@dataclass(frozen=True)
class ImportResult:
    preview: ImportPreview  # what the committed import read and decided, row by row
    outcome: ImportOutcome


def import_file(
    session: Session,
    clock: Clock,
    path: Path,
    encoding: str = "auto",
    on_match: str = "skip",
    progress: Progress | None = None,
    *,
    all_or_nothing: bool = False,
) -> ImportResult:
    """Import a MARC file in the caller's transaction: the GUI's 导入 and ``shuwu catalog
    import`` both call this.

    The file is read and every record matched again here, in the transaction that writes:
    a preview shown earlier may be stale (the file replaced, or the same title catalogued on
    this computer or pulled by sync meanwhile), and committing it would add a second record
    where the catalogue now has a match. The earlier preview is only what the person looked at.
    """
    preview = preview_import(session, path, encoding, progress)
    outcome = commit_import(
        session, clock, preview, on_match, progress, all_or_nothing=all_or_nothing
    )
    return ImportResult(preview, outcome)


def _match_target(session: Session, row: ImportRow, by_row: dict[int, BibRecord]) -> BibRecord:
    if row.matched_row is not None:
        return by_row[row.matched_row]
    bib = session.scalar(select(BibRecord).where(BibRecord.uuid == row.matched_uuid))
    if bib is None:
        raise UserInputError(_("This record no longer exists."))
    return bib


# --- export --------------------------------------------------------------------------------------


def _add(record: Record, fld: Field) -> None:
    """New fields go in tag order; existing fields keep their place (and order) untouched."""
    record.add_ordered_field(fld)


def _sub(code: str, value: str | None) -> list[Subfield]:
    return [Subfield(code, value)] if value else []


# Where a column goes when the source record has no field for it: (tag, indicators, code).
_HOME = {
    "cnmarc": {
        "title": ("200", "1 ", "a"),
        "isbn": ("010", "  ", "a"),
        "author": ("701", " 0", "a"),
        "publisher": ("210", "  ", "c"),
        "pub_place": ("210", "  ", "a"),
        "pub_year": ("210", "  ", "d"),
        "edition": ("205", "  ", "a"),
        "pages": ("215", "  ", "a"),
        "price": ("010", "  ", "d"),
        "clc_class": ("690", "  ", "a"),
        "summary": ("330", "  ", "a"),
    },
    "marc21": {
        "title": ("245", "00", "a"),
        "isbn": ("020", "  ", "a"),
        "author": ("100", "1 ", "a"),
        "publisher": ("260", "  ", "b"),
        "pub_place": ("260", "  ", "a"),
        "pub_year": ("260", "  ", "c"),
        "edition": ("250", "  ", "a"),
        "pages": ("300", "  ", "a"),
        "price": ("020", "  ", "c"),
        "clc_class": ("084", "  ", "a"),
        "summary": ("520", "  ", "a"),
    },
}
_VOLUME_CODES = {"cnmarc": ("h", "i"), "marc21": ("n", "p")}


def apply_local_edits(record: Record, fmt: str, bib: BibRecord) -> Record:
    """Rewrite only the fields behind columns that differ from what the source record gives."""
    imported, _bad, _other, _flags = stored_columns(record, fmt)
    found = extract(record, fmt)
    places: dict[str, tuple[Field, str] | None] = {
        k: (record.fields[v.field_index], v.code) if isinstance(v, Extracted) else None
        for k, v in found.items()
    }
    for key, home in _HOME[fmt].items():
        wanted = getattr(bib, key) or None
        if (imported.get(key) or None) == wanted:
            continue
        value = f"CNY{wanted}" if key == "price" and fmt == "cnmarc" and wanted else wanted
        place = places.get(key)
        if place is not None:
            fld, code = place
            _set_subfield(fld, code, value)
            if key == "title":
                fld.subfields = [s for s in fld.subfields if s.code not in _VOLUME_CODES[fmt]]
        elif value:
            _put(record, home, value, fmt, key)
    subjects_tag = "606" if fmt == "cnmarc" else "650"
    if (imported.get("subjects") or None) != (bib.subjects or None):
        for fld in record.get_fields(subjects_tag):
            record.remove_field(fld)
        ind = Indicators("0", " ") if fmt == "cnmarc" else Indicators(" ", "4")
        for subject in [s.strip() for s in (bib.subjects or "").split(";") if s.strip()]:
            _add(record, Field(subjects_tag, ind, [Subfield("a", subject)]))
    for fld in list(record.fields):
        if not fld.is_control_field() and not fld.subfields:
            record.remove_field(fld)
    return record


def _set_subfield(fld: Field, code: str, value: str | None) -> None:
    for index, sub in enumerate(fld.subfields):
        if sub.code == code:
            if value:
                fld.subfields[index] = Subfield(code, value)
            else:
                del fld.subfields[index]
            return
    if value:
        fld.subfields.append(Subfield(code, value))


def _put(record: Record, home: tuple[str, str, str], value: str, fmt: str, key: str) -> None:
    tag, ind, code = home
    if key == "clc_class" and fmt == "marc21":
        _add(
            record,
            Field(tag, Indicators(ind[0], ind[1]), [Subfield(code, value), Subfield("2", "clc")]),
        )
        return
    existing = record.get_fields(tag)
    if existing:
        existing[0].subfields.append(Subfield(code, value))
    else:
        _add(record, Field(tag, Indicators(ind[0], ind[1]), [Subfield(code, value)]))


def _source_format(bib: BibRecord) -> tuple[Record, str] | None:
    if not bib.marc:
        return None
    try:
        decoded = decode_iso2709(bytes(bib.marc), "utf-8")
    except UserInputError:
        return None
    return decoded.record, marc_format_of(decoded.record)


def record_for_export(bib: BibRecord, fmt: str, stamp: str) -> Record:
    """The source record with local edits applied, or (no source in this format) one built
    from the columns; either way with Shuwu's id in 035 and the source's 001/003 kept."""
    source = _source_format(bib)
    if source is not None and source[1] == fmt:
        record = apply_local_edits(source[0], fmt, bib)
    else:
        record = bib_to_record(bib, fmt, stamp)
        if source is not None:
            kept = [f for f in source[0].fields if f.tag in ("001", "003")]
            record.fields = kept + [f for f in record.fields if f.tag not in ("001", "003")]
    _add(record, Field("035", Indicators(" ", " "), [Subfield("a", SHUWU_035_PREFIX + bib.uuid)]))
    return record


def bib_to_record(bib: BibRecord, fmt: str, stamp: str) -> Record:
    data = BibData.from_mapping({k: getattr(bib, k) for k in BIB_FIELDS})
    record = Record(force_utf8=True)
    if fmt == "cnmarc":
        record.leader = Leader("     nam0 22        450 ")
        isbn = _sub("a", data.isbn) + _sub("z", bib.bad_isbn) + _sub("d", _cny(data.price))
        if isbn:
            _add(record, Field("010", Indicators(" ", " "), isbn))
        # 100$a: 36 fixed characters; positions 26-29 '50  ' = UTF-8.
        fixed = f"{stamp}d{(data.pub_year or '    ')[:4]:<4}    em y0chiy50      ea"
        _add(record, Field("100", Indicators(" ", " "), [Subfield("a", fixed)]))
        _add(
            record,
            Field(
                "200", Indicators("1", " "), [Subfield("a", data.title), *_sub("f", data.author)]
            ),
        )
        if data.edition:
            _add(record, Field("205", Indicators(" ", " "), [Subfield("a", data.edition)]))
        pub = _sub("a", data.pub_place) + _sub("c", data.publisher) + _sub("d", data.pub_year)
        if pub:
            _add(record, Field("210", Indicators(" ", " "), pub))
        if data.pages:
            _add(record, Field("215", Indicators(" ", " "), [Subfield("a", data.pages)]))
        if data.summary:
            _add(record, Field("330", Indicators(" ", " "), [Subfield("a", data.summary)]))
        for subject in _subjects(data.subjects):
            _add(record, Field("606", Indicators("0", " "), [Subfield("a", subject)]))
        if data.clc_class:
            _add(record, Field("690", Indicators(" ", " "), [Subfield("a", data.clc_class)]))
        if data.author:
            _add(record, Field("701", Indicators(" ", "0"), [Subfield("a", data.author)]))
    else:
        record.leader = Leader("     nam a22        4500")
        year = f"{(data.pub_year or '    ')[:4]:<4}"
        _add(record, Field(tag="008", data=f"{stamp[2:]}s{year}    ch            000 0 chi d"))
        isbn = _sub("a", data.isbn) + _sub("c", data.price) + _sub("z", bib.bad_isbn)
        if isbn:
            _add(record, Field("020", Indicators(" ", " "), isbn))
        if data.clc_class:
            _add(
                record,
                Field(
                    "084",
                    Indicators(" ", " "),
                    [Subfield("a", data.clc_class), Subfield("2", "clc")],
                ),
            )
        if data.author:
            _add(record, Field("100", Indicators("1", " "), [Subfield("a", data.author)]))
        _add(record, Field("245", Indicators("0", "0"), [Subfield("a", data.title)]))
        if data.edition:
            _add(record, Field("250", Indicators(" ", " "), [Subfield("a", data.edition)]))
        pub = _sub("a", data.pub_place) + _sub("b", data.publisher) + _sub("c", data.pub_year)
        if pub:
            _add(record, Field("260", Indicators(" ", " "), pub))
        if data.pages:
            _add(record, Field("300", Indicators(" ", " "), [Subfield("a", data.pages)]))
        if data.summary:
            _add(record, Field("520", Indicators(" ", " "), [Subfield("a", data.summary)]))
        for subject in _subjects(data.subjects):
            _add(record, Field("650", Indicators(" ", "4"), [Subfield("a", subject)]))
    return record


def _cny(price: str | None) -> str | None:
    if not price:
        return None
    return price if price.upper().startswith("CNY") else f"CNY{price}"


def _subjects(subjects: str | None) -> list[str]:
    return [s.strip() for s in (subjects or "").split(";") if s.strip()]


_XML_HEAD = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n<collection xmlns="http://www.loc.gov/MARC21/slim">\n'
)


def export_marc(
    session: Session,
    clock: Clock,
    path: Path,
    fmt: str = "cnmarc",
    progress: Progress | None = None,
    syntax: str = "iso2709",
) -> int:
    """Write every record as UTF-8 ISO 2709 or MARCXML (pymarc cannot write GBK; UTF-8 loses
    nothing)."""
    if fmt not in FORMATS:
        raise UserInputError(_("Unknown format {fmt}; use cnmarc or marc21.").format(fmt=fmt))
    if syntax not in SYNTAXES:
        raise UserInputError(
            _("Unknown syntax {syntax}; use iso2709 or marcxml.").format(syntax=syntax)
        )
    progress = progress or NoProgress()
    stamp = clock.now().strftime("%Y%m%d")
    total = session.query(BibRecord).count()
    tmp = path.with_name(path.name + ".part")
    count = 0
    try:
        with tmp.open("wb") as fh:
            if syntax == "marcxml":
                fh.write(_XML_HEAD)
            for bib in session.scalars(select(BibRecord).order_by(BibRecord.id)).yield_per(1000):
                check_cancel(progress)
                record = record_for_export(bib, fmt, stamp)
                if syntax == "marcxml":
                    xml = pymarc.record_to_xml(record)  # type: ignore[no-untyped-call]
                    fh.write(xml + b"\n")
                else:
                    fh.write(to_iso2709(record, fmt))
                count += 1
                if count % 200 == 0:
                    progress.report(count, total, _("Writing records"))
            if syntax == "marcxml":
                fh.write(b"</collection>\n")
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise UserInputError(
            _("Cannot write {path}: {reason}").format(path=path, reason=exc.strerror)
        ) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return count
