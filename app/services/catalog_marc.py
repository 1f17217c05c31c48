"""MARC (ISO 2709) import and export: CNMARC and MARC 21, UTF-8 and GBK/GB18030.

Import is staged: ``preview_import`` reads and checks the whole file (nothing is written) and
classifies each record as new, matched (same ISBN already here) or rejected with a reason;
``commit_import`` then writes every accepted record in the caller's ONE transaction, so a
cancel or crash half-way leaves the database as it was.

Pitfalls handled (docs: /work/shared/reference/domain-cn.md §1): CNMARC keeps its character
set in 100$a/26-29, not in leader/09; some exporters put CR/LF between records (pymarc's
reader crashes on those, so we split on the record terminator ourselves); a wrong encoding
often decodes without error into mojibake, so decoded text is checked, not trusted.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pymarc
from pymarc import Field, Indicators, Leader, Record, Subfield
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.clock import Clock
from app.errors import UserInputError
from app.i18n import _
from app.models import BibRecord
from app.services.catalog import BibData, apply_bib, validate_bib
from app.services.catalog_union import BIB_FIELDS
from app.services.progress import NoProgress, Progress, check_cancel

RT, FT, SF = b"\x1d", b"\x1e", b"\x1f"
ENCODINGS = ("auto", "utf-8", "gb18030")
MAX_FILE_BYTES = 200 * 1024 * 1024


@dataclass(frozen=True)
class ImportRow:
    number: int  # 1-based position in the file
    status: str  # new / matched / rejected
    title: str
    isbn: str | None
    reason: str = ""
    data: BibData | None = None
    matched_uuid: str | None = None
    raw: bytes = field(default=b"", repr=False)


@dataclass(frozen=True)
class ImportPreview:
    path: str
    encoding: str
    marc_format: str  # cnmarc / marc21
    rows: tuple[ImportRow, ...]

    def count(self, status: str) -> int:
        return sum(1 for r in self.rows if r.status == status)

    def to_json(self) -> dict[str, Any]:
        return {
            "file": self.path,
            "encoding": self.encoding,
            "format": self.marc_format,
            "new": self.count("new"),
            "matched": self.count("matched"),
            "rejected": self.count("rejected"),
            "records": [
                {
                    "number": r.number,
                    "status": r.status,
                    "title": r.title,
                    "isbn": r.isbn,
                    "reason": r.reason,
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

    def to_json(self) -> dict[str, int]:
        return {
            "created": self.created,
            "merged": self.merged,
            "skipped": self.skipped,
            "rejected": self.rejected,
        }


# --- reading bytes ---------------------------------------------------------------------------


def split_records(data: bytes) -> list[bytes]:
    """ISO 2709 records, tolerant of CR/LF/whitespace between them; strict about damage."""
    if not data.strip():
        raise UserInputError(_("The file is empty. Nothing was imported."))
    chunks = data.split(RT)
    tail = chunks.pop().strip(b"\r\n\t \x00\x1a")  # after the last terminator (^Z: DOS EOF)
    records: list[bytes] = []
    for number, chunk in enumerate(chunks, start=1):
        body = chunk.lstrip(b"\r\n\t \x00")
        if not body:
            continue
        _check_structure(body + RT, number)
        records.append(body + RT)
    if tail:
        if not records and not re.match(rb"^\d{5}", tail):
            raise UserInputError(
                _("This file is not a MARC (ISO 2709) file. Nothing was imported.")
            )
        raise UserInputError(
            _(
                "The file ends in the middle of record {number} (it is truncated). "
                "Nothing was imported."
            ).format(number=len(records) + 1)
        )
    if not records:
        raise UserInputError(_("This file is not a MARC (ISO 2709) file. Nothing was imported."))
    return records


def _check_structure(record: bytes, number: int) -> None:
    def broken() -> UserInputError:
        if number == 1:
            return UserInputError(
                _("This file is not a MARC (ISO 2709) file. Nothing was imported.")
            )
        return UserInputError(
            _("Record {number} of the file is damaged. Nothing was imported.").format(number=number)
        )

    leader = record[:24]
    if len(leader) < 24 or not leader[:5].isdigit() or not leader[12:17].isdigit():
        raise broken()
    length, base = int(leader[:5]), int(leader[12:17])
    if length != len(record) or not 24 < base < length or record[base - 1 : base] != FT:
        raise broken()
    directory = record[24 : base - 1]
    if len(directory) % 12 or not directory.isascii():
        raise broken()
    for start in range(0, len(directory), 12):
        entry = directory[start : start + 12]
        if not entry[3:].isdigit():
            raise broken()
        flen, offset = int(entry[3:7]), int(entry[7:12])
        if base + offset + flen > length - 1 or record[base + offset + flen - 1] != FT[0]:
            raise broken()


def _field_bytes(record: bytes, tag: bytes) -> bytes | None:
    base = int(record[12:17])
    directory = record[24 : base - 1]
    for start in range(0, len(directory), 12):
        entry = directory[start : start + 12]
        if entry[:3] == tag:
            flen, offset = int(entry[3:7]), int(entry[7:12])
            return record[base + offset : base + offset + flen - 1]
    return None


def _declared_encoding(record: bytes) -> str | None:
    """CNMARC 100$a/26-27: '50' = UTF-8, '01'/'02' = GB2312/GBK family; MARC 21 leader/09."""
    f100 = _field_bytes(record, b"100")
    if f100 is not None:
        for sub in f100.split(SF)[1:]:
            if sub[:1] == b"a" and len(sub) >= 29:
                code = sub[27:29]
                if code == b"50":
                    return "utf-8"
                if code in (b"01", b"02"):
                    return "gb18030"
    if _field_bytes(record, b"245") is not None and record[9:10] == b"a":
        return "utf-8"
    return None


def _decodes(records: Iterable[bytes], encoding: str) -> bool:
    try:
        for record in records:
            record.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def _non_ascii(records: Iterable[bytes]) -> bool:
    return any(not r.isascii() for r in records)


_SUSPICIOUS = re.compile("[\ufffd\u0080-\u009f\ue000-\uf8ff]")


def choose_encoding(records: list[bytes], requested: str) -> str:
    if requested not in ENCODINGS:
        raise UserInputError(
            _("Unknown encoding {encoding}; use auto, utf-8 or gb18030.").format(encoding=requested)
        )
    declared = {d for d in map(_declared_encoding, records) if d}
    if requested == "auto":
        if len(declared) == 1:
            encoding = declared.pop()
        else:
            encoding = "utf-8" if _decodes(records, "utf-8") else "gb18030"
    else:
        encoding = requested
    if not _decodes(records, encoding):
        raise UserInputError(
            _(
                "The file is not in {encoding}. Choose another encoding (or auto). "
                "Nothing was imported."
            ).format(encoding=encoding)
        )
    # GBK text is almost never valid UTF-8: if the bytes are clean UTF-8 with Chinese in them,
    # reading them as GB18030 would silently produce mojibake.
    if encoding == "gb18030" and _non_ascii(records) and _decodes(records, "utf-8"):
        raise UserInputError(
            _(
                "The file looks like UTF-8 but was read as GB18030; the text would be garbled. "
                "Use --encoding utf-8 or auto. Nothing was imported."
            )
        )
    if encoding != "utf-8" and "utf-8" in declared and requested != "auto":
        raise UserInputError(
            _(
                "The records say they are UTF-8 (100$a) but {encoding} was chosen. "
                "Nothing was imported."
            ).format(encoding=encoding)
        )
    return encoding


# --- records → fields ------------------------------------------------------------------------


def _first(record: Record, tag: str, code: str) -> str | None:
    for fld in record.get_fields(tag):
        for value in fld.get_subfields(code):
            if value and value.strip():
                return str(value.strip())
    return None


def _all(record: Record, tag: str, code: str) -> list[str]:
    return [str(v).strip() for f in record.get_fields(tag) for v in f.get_subfields(code) if v]


def _clean_isbn(value: str | None) -> str | None:
    if not value:
        return None
    match = re.match(r"^\s*([0-9Xx\-]{10,17})", value)
    return match.group(1) if match else value.strip()


def _trim(value: str | None) -> str | None:
    return value.strip(" /:;,.=").strip() or None if value else None


def cnmarc_fields(record: Record) -> dict[str, Any]:
    title = _first(record, "200", "a")
    part = " ".join(_all(record, "200", "h") + _all(record, "200", "i"))
    price = _first(record, "010", "d")
    return {
        "isbn": _clean_isbn(_first(record, "010", "a")),
        "title": f"{title} {part}".strip() if title and part else title,
        "author": _first(record, "701", "a") or _first(record, "200", "f"),
        "publisher": _first(record, "210", "c"),
        "pub_place": _first(record, "210", "a"),
        "pub_year": _first(record, "210", "d"),
        "edition": _first(record, "205", "a"),
        "pages": _first(record, "215", "a"),
        "price": price[3:] if price and price.upper().startswith("CNY") else price,
        "clc_class": _first(record, "690", "a"),
        "subjects": "; ".join(_all(record, "606", "a")) or None,
        "summary": _first(record, "330", "a"),
    }


def marc21_fields(record: Record) -> dict[str, Any]:
    title = " ".join(v for v in (_first(record, "245", "a"), _first(record, "245", "b")) if v)
    clc = None
    for fld in record.get_fields("084"):
        if (fld.get("2") or "clc").lower() in ("clc", "cclc") and fld.get("a"):
            clc = fld.get("a")
            break
    pub = "264" if record.get_fields("264") and not record.get_fields("260") else "260"
    return {
        "isbn": _clean_isbn(_first(record, "020", "a")),
        "title": _trim(title),
        "author": _trim(_first(record, "100", "a") or _first(record, "245", "c")),
        "publisher": _trim(_first(record, pub, "b")),
        "pub_place": _trim(_first(record, pub, "a")),
        "pub_year": _trim(_first(record, pub, "c")),
        "edition": _trim(_first(record, "250", "a")),
        "pages": _trim(_first(record, "300", "a")),
        "price": _first(record, "020", "c"),
        "clc_class": clc,
        "subjects": "; ".join(_trim(v) or "" for v in _all(record, "650", "a")) or None,
        "summary": _first(record, "520", "a"),
    }


def marc_format(record: Record) -> str:
    if record.get_fields("200") or record.leader[20:24] == "450 ":
        return "cnmarc"
    return "marc21"


def _parse(raw: bytes, encoding: str) -> Record:
    if encoding != "utf-8" and raw[9:10] == b"a":
        raw = raw[:9] + b" " + raw[10:]  # leader/09 'a' would make pymarc force UTF-8
    return Record(data=raw, to_unicode=True, force_utf8=encoding == "utf-8", file_encoding=encoding)


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
    raws = split_records(data)
    chosen = choose_encoding(raws, encoding)
    rows: list[ImportRow] = []
    seen_isbns: dict[str, int] = {}
    formats: set[str] = set()
    for number, raw in enumerate(raws, start=1):
        check_cancel(progress)
        progress.report(number, len(raws), _("Reading records"))
        try:
            record = _parse(raw, chosen)
        except (pymarc.exceptions.PymarcException, ValueError, UnicodeDecodeError) as exc:
            raise UserInputError(
                _("Record {number} of the file is damaged. Nothing was imported.").format(
                    number=number
                )
            ) from exc
        fmt = marc_format(record)
        formats.add(fmt)
        fields = cnmarc_fields(record) if fmt == "cnmarc" else marc21_fields(record)
        text = " ".join(str(v) for v in fields.values() if v)
        if _SUSPICIOUS.search(text):
            raise UserInputError(
                _(
                    "Record {number} decodes to garbled text in {encoding}. Check the file's "
                    "encoding. Nothing was imported."
                ).format(number=number, encoding=chosen)
            )
        rows.append(_classify(session, number, fields, raw, seen_isbns))
    return ImportPreview(str(path), chosen, "+".join(sorted(formats)), tuple(rows))


def _classify(
    session: Session, number: int, fields: dict[str, Any], raw: bytes, seen: dict[str, int]
) -> ImportRow:
    title = fields.get("title") or ""
    try:
        data = validate_bib(BibData.from_mapping(fields))
    except UserInputError as exc:
        return ImportRow(number, "rejected", title, fields.get("isbn"), exc.message)
    if data.isbn and data.isbn in seen:
        reason = _("Same ISBN as record {other} in this file.").format(other=seen[data.isbn])
        return ImportRow(number, "rejected", title, data.isbn, reason)
    if data.isbn:
        seen[data.isbn] = number
        existing = session.scalar(select(BibRecord).where(BibRecord.isbn == data.isbn).limit(1))
        if existing is not None:
            return ImportRow(number, "matched", data.title, data.isbn, "", data, existing.uuid, raw)
    return ImportRow(number, "new", data.title, data.isbn, "", data, None, raw)


def commit_import(
    session: Session,
    clock: Clock,
    preview: ImportPreview,
    on_match: str = "skip",
    progress: Progress | None = None,
) -> ImportOutcome:
    """Write the previewed records in the caller's transaction (all or nothing)."""
    if on_match not in ("skip", "merge"):
        raise UserInputError(_("Choose merge or skip for records already in the catalogue."))
    progress = progress or NoProgress()
    created = merged = skipped = 0
    for done, row in enumerate(preview.rows, start=1):
        check_cancel(progress)
        progress.report(done, len(preview.rows), _("Saving records"))
        if row.data is None:
            continue
        if row.status == "matched":
            if on_match == "skip":
                skipped += 1
                continue
            bib = session.scalar(select(BibRecord).where(BibRecord.uuid == row.matched_uuid))
            if bib is None:
                raise UserInputError(_("This record no longer exists."))
            current = {k: getattr(bib, k) for k in BIB_FIELDS}
            incoming = {k: getattr(row.data, k) for k in BIB_FIELDS if getattr(row.data, k)}
            merged_data = BibData.from_mapping({**current, **incoming})
            apply_bib(session, clock, merged_data, bib, bib.source)
            bib.marc = row.raw
            merged += 1
        else:
            bib = apply_bib(session, clock, row.data, None, "marc")
            bib.marc = row.raw
            created += 1
    return ImportOutcome(created, merged, skipped, preview.count("rejected"))


# --- export ----------------------------------------------------------------------------------


def _add(record: Record, fld: Field) -> None:
    record.add_field(fld)  # type: ignore[no-untyped-call]


def _sub(code: str, value: str | None) -> list[Subfield]:
    return [Subfield(code, value)] if value else []


def bib_to_record(bib: BibRecord, fmt: str, stamp: str) -> Record:
    data = replace(BibData.from_mapping({k: getattr(bib, k) for k in BIB_FIELDS}))
    record = Record(force_utf8=True)
    _add(record, Field(tag="001", data=bib.uuid))
    if fmt == "cnmarc":
        record.leader = Leader("     nam0 22        450 ")
        if data.isbn or data.price:
            _add(
                record,
                Field(
                    "010", Indicators(" ", " "), _sub("a", data.isbn) + _sub("d", _cny(data.price))
                ),
            )
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
        _add(
            record,
            Field(
                tag="008",
                data=f"{stamp[2:]}s{(data.pub_year or '    ')[:4]:<4}    ch            000 0 chi d",
            ),
        )
        if data.isbn or data.price:
            _add(
                record,
                Field("020", Indicators(" ", " "), _sub("a", data.isbn) + _sub("c", data.price)),
            )
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


def export_marc(
    session: Session,
    clock: Clock,
    path: Path,
    fmt: str = "cnmarc",
    progress: Progress | None = None,
) -> int:
    """Write every record as UTF-8 ISO 2709 (pymarc cannot write GBK; UTF-8 loses nothing)."""
    if fmt not in ("cnmarc", "marc21"):
        raise UserInputError(_("Unknown format {fmt}; use cnmarc or marc21.").format(fmt=fmt))
    progress = progress or NoProgress()
    stamp = clock.now().strftime("%Y%m%d")
    total = session.query(BibRecord).count()
    tmp = path.with_name(path.name + ".part")
    count = 0
    try:
        with tmp.open("wb") as fh:
            for bib in session.scalars(select(BibRecord).order_by(BibRecord.id)).yield_per(1000):
                check_cancel(progress)
                fh.write(bib_to_record(bib, fmt, stamp).as_marc())
                count += 1
                if count % 200 == 0:
                    progress.report(count, total, _("Writing records"))
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
