"""A decoded MARC record (``pymarc.Record``) → Shuwu's record, keeping the whole source record.

``convert_record`` is the one entry point for every MARC source: file import, Z39.50/SRU copy
cataloguing. It

* cleans control characters out of every text field, and says which fields it cleaned;
* keeps an invalid ISBN as an *erroneous ISBN* and a non-中图法 class in its own field (both are
  flags for the librarian, not reasons to lose the record);
* prefers the vernacular 880 fields of MARC 21 records from East Asian collections;
* returns the cleaned source record as UTF-8 ISO 2709, which is stored with the bib and is the
  base of every export (so fields Shuwu never edits leave byte for byte as they came).

UNIMARC non-sorting markers (NSB/NSE, U+0088/U+0089) stay in the source record and are removed
only from the columns used for display, search and sorting.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from pymarc import Field, Indicators, Leader, Record, Subfield

from shuwu_shared.bib import BibData
from shuwu_shared.domain.clc import valid_class_number
from shuwu_shared.domain.isbn import try_normalise_isbn as normalise_isbn
from shuwu_shared.errors import UserInputError
from shuwu_shared.i18n import _

SHUWU_035_PREFIX = "(Shuwu)"
NSB, NSE = "\x88", "\x89"
# C0 controls, DEL and C1 controls except the two non-sorting markers.
_CONTROL = re.compile("[\x00-\x1f\x7f\x80-\x87\x8a-\x9f]")
_CONTROL_ALL = re.compile("[\x00-\x1f\x7f-\x9f]")
_SURROGATE = re.compile("[\ud800-\udfff]")
# Column sizes of bib_record (the county server uses the same sizes in PostgreSQL).
COLUMN_LIMITS = {
    "title": 500,
    "author": 300,
    "publisher": 200,
    "pub_place": 100,
    "pub_year": 16,
    "edition": 100,
    "pages": 100,
    "price": 32,
    "clc_class": 64,
    "subjects": 4000,
    "summary": 8000,
}
BAD_ISBN_LIMIT = 32
OTHER_CLASS_LIMIT = 64


@dataclass(frozen=True)
class Extracted:
    value: str
    field_index: int  # position in record.fields, for local edits on export
    code: str


@dataclass(frozen=True)
class ConvertedRecord:
    data: BibData  # the columns, already valid for validate_bib
    marc_format: str  # cnmarc / marc21
    source: bytes  # cleaned record, UTF-8 ISO 2709 (what bib_record.marc stores)
    bad_isbn: str | None = None  # the ISBN as printed, when its check digit fails
    other_class: str | None = None  # a class number that is not 中图法, e.g. "21.2 [690]"
    volume: str | None = None  # 分辑号/分辑名 (200$h$i, 245$n$p), part of the match key
    shuwu_uuid: str | None = None  # our own 035, when the record was exported by Shuwu
    cleaned: tuple[str, ...] = ()  # fields whose control characters were removed
    flags: tuple[str, ...] = ()  # what the librarian should look at

    @property
    def needs_clc(self) -> bool:
        return self.data.clc_class is None


def display_text(value: str) -> str:
    """Text for display, search and sorting: no NSB/NSE or other controls."""
    return _CONTROL_ALL.sub("", value).strip()


# --- cleaning ------------------------------------------------------------------------------------


def clean_record(source: Record) -> tuple[Record, list[str]]:
    """A new record with control characters removed from every field (NSB/NSE kept), and the
    fields that changed. (Built field by field: copy.deepcopy is far slower on big records.)"""
    record = Record(to_unicode=True, force_utf8=True)
    record.leader = Leader(str(source.leader))
    cleaned: list[str] = []
    for fld in source.fields:
        if fld.is_control_field():
            data = fld.data or ""
            new = _SURROGATE.sub("", _CONTROL_ALL.sub("", data))
            if new != data:
                cleaned.append(fld.tag)
            record.fields.append(Field(tag=fld.tag, data=new))
            continue
        given = (fld.indicator1, fld.indicator2)
        ind = [
            i if isinstance(i, str) and len(i) == 1 and " " <= i < "\x7f" else " " for i in given
        ]
        if tuple(ind) != given:
            cleaned.append(_("{tag} indicators").format(tag=fld.tag))
        subfields = []
        for sub in fld.subfields:
            value = _SURROGATE.sub("", _CONTROL.sub("", sub.value or ""))
            if value != (sub.value or ""):
                cleaned.append(f"{fld.tag}${sub.code}")
            subfields.append(Subfield(sub.code, value))
        record.fields.append(
            Field(tag=fld.tag, indicators=Indicators(ind[0], ind[1]), subfields=subfields)
        )
    return record, cleaned


# --- reading columns -----------------------------------------------------------------------------


def _linked_880(record: Record, tag: str) -> int | None:
    """Index of the 880 carrying the vernacular form of ``tag`` (linked by $6 'tag-nn')."""
    for index, fld in enumerate(record.fields):
        if fld.tag == "880" and not fld.is_control_field():
            link = fld.get("6") or ""
            if link[:3] == tag and fld.get("a"):
                return index
    return None


def _find(
    record: Record, tags: tuple[str, ...], code: str, vernacular: bool = False
) -> Extracted | None:
    for tag in tags:
        if vernacular:
            index = _linked_880(record, tag)
            if index is not None:
                found = _first_in(record, index, code)
                if found is not None:
                    return found
        for index, fld in enumerate(record.fields):
            if fld.tag == tag and not fld.is_control_field():
                found = _first_in(record, index, code)
                if found is not None:
                    return found
    return None


def _first_in(record: Record, index: int, code: str) -> Extracted | None:
    for value in record.fields[index].get_subfields(code):
        text = display_text(value)
        if text:
            return Extracted(text, index, code)
    return None


def _all(record: Record, tag: str, code: str) -> list[str]:
    return [
        display_text(v)
        for f in record.get_fields(tag)
        for v in f.get_subfields(code)
        if display_text(v)
    ]


_ISBD_END = " /:;,.="


def _trim(value: str) -> str:
    return value.strip(_ISBD_END).strip()


def _isbn_text(value: str) -> str:
    match = re.match(r"^\s*([0-9Xx\-]{10,17})", value)
    return match.group(1) if match else value.strip()


def extract(record: Record, marc_format: str) -> dict[str, Extracted | None]:
    """Where each column comes from, for import and for applying local edits on export."""
    if marc_format == "cnmarc":
        return {
            "title": _find(record, ("200",), "a"),
            "isbn": _find(record, ("010",), "a"),
            "author": _author_cnmarc(record),
            "publisher": _find(record, ("210", "214"), "c"),
            "pub_place": _find(record, ("210", "214"), "a"),
            "pub_year": _find(record, ("210", "214"), "d"),
            "edition": _find(record, ("205",), "a"),
            "pages": _find(record, ("215",), "a"),
            "price": _find(record, ("010",), "d"),
            "clc_class": _find(record, ("690",), "a"),
            "summary": _find(record, ("330",), "a"),
        }
    pub: tuple[str, ...] = ("264", "260") if record.get_fields("264") else ("260", "264")
    return {
        "title": _find(record, ("245",), "a", vernacular=True),
        "isbn": _find(record, ("020",), "a"),
        "author": _find(record, ("100", "110", "111"), "a", vernacular=True)
        or _find(record, ("245",), "c", vernacular=True),
        "publisher": _find(record, pub, "b", vernacular=True),
        "pub_place": _find(record, pub, "a", vernacular=True),
        "pub_year": _find(record, pub, "c", vernacular=True),
        "edition": _find(record, ("250",), "a", vernacular=True),
        "pages": _find(record, ("300",), "a"),
        "price": _find(record, ("020",), "c"),
        "clc_class": _clc_084(record),
        "summary": _find(record, ("520",), "a", vernacular=True),
    }


def _author_cnmarc(record: Record) -> Extracted | None:
    return _find(record, ("701", "711"), "a") or _find(record, ("200",), "f")


def _clc_084(record: Record) -> Extracted | None:
    for index, fld in enumerate(record.fields):
        if fld.tag != "084" or fld.is_control_field():
            continue
        scheme = (fld.get("2") or "").strip().lower()
        found = _first_in(record, index, "a")
        if found and (
            scheme in ("clc", "cclc", "中图法")
            or (not scheme and valid_class_number(found.value.upper()))
        ):
            return found
    return None


def _other_class(record: Record, marc_format: str, clc: Extracted | None) -> str | None:
    """The first class number of another scheme (or a 690 that is not 中图法)."""
    if marc_format == "cnmarc":
        if clc is not None:
            return f"{clc.value} [690]"
        candidates: tuple[tuple[str, str], ...] = (
            ("686", "a"),
            ("675", "a"),
            ("676", "a"),
            ("680", "a"),
        )
    else:
        for fld in record.get_fields("084"):
            value = display_text(fld.get("a") or "")
            if value:
                return f"{value} [{display_text(fld.get('2') or '084')}]"
        candidates = (("082", "a"), ("050", "a"), ("080", "a"))
    for tag, code in candidates:
        values = _all(record, tag, code)
        if values:
            scheme = display_text(record.get_fields(tag)[0].get("2") or tag)
            return f"{values[0]} [{scheme}]"
    return None


def _volume(record: Record, marc_format: str, title: Extracted | None) -> str | None:
    if title is None:
        return None
    fld = record.fields[title.field_index]
    codes = ("h", "i") if marc_format == "cnmarc" else ("n", "p")
    parts = [_trim(display_text(v)) for c in codes for v in fld.get_subfields(c)]
    return " ".join(p for p in parts if p) or None


def columns(record: Record, marc_format: str) -> dict[str, Any]:
    """The plain column values a record gives (before validation)."""
    found = extract(record, marc_format)
    trim = _trim if marc_format == "marc21" else (lambda v: v.strip())
    values: dict[str, Any] = {k: (trim(v.value) or None) if v else None for k, v in found.items()}
    volume = _volume(record, marc_format, found["title"])
    if values["title"] and volume:
        values["title"] = f"{values['title']} {volume}"
    if values["isbn"]:
        values["isbn"] = _isbn_text(values["isbn"])
    price = values.get("price")
    if price and price.upper().startswith("CNY"):
        values["price"] = price[3:].strip() or None
    subjects_tag = "606" if marc_format == "cnmarc" else "650"
    values["subjects"] = "; ".join(_trim(s) for s in _all(record, subjects_tag, "a")) or None
    return values


# --- the whole conversion -----------------------------------------------------------------------


def marc_format_of(record: Record) -> str:
    tags = {f.tag for f in record.fields}
    if "245" in tags:
        return "marc21"
    if "200" in tags:
        return "cnmarc"
    return "cnmarc" if str(record.leader)[20:23] == "450" else "marc21"


def convert_record(record: Record, marc_format: str | None = None) -> ConvertedRecord:
    """A decoded record → columns + flags + the source to store. UserInputError: cannot keep it
    (no title), with the reason in the user's language."""
    fmt = marc_format or marc_format_of(record)
    record, cleaned = clean_record(record)
    shuwu_uuid = _take_shuwu_035(record)
    _declare_utf8(record, fmt)
    values, bad_isbn, other, flags = stored_columns(record, fmt)
    if not values.get("title"):
        raise UserInputError(
            _("The record has no title ({field}$a).").format(
                field="200" if fmt == "cnmarc" else "245"
            )
        )
    data = BibData.from_mapping(values)
    data = replace(data, title=data.title or "")
    if cleaned:
        flags.append(
            _("control characters removed from {fields}").format(fields=", ".join(cleaned))
        )
    return ConvertedRecord(
        data=data,
        marc_format=fmt,
        source=to_iso2709(record, fmt),
        bad_isbn=bad_isbn,
        other_class=other,
        volume=_volume(record, fmt, extract(record, fmt)["title"]),
        shuwu_uuid=shuwu_uuid,
        cleaned=tuple(cleaned),
        flags=tuple(flags),
    )


def stored_columns(
    record: Record, fmt: str
) -> tuple[dict[str, Any], str | None, str | None, list[str]]:
    """Columns exactly as import stores them (valid ISBN, 中图法 class, sizes), the erroneous
    ISBN, the other class, and the flags. Export compares against this to find local edits."""
    values = columns(record, fmt)
    flags: list[str] = []
    # An ISBN that fails its check digit is data (misprints exist): keep it aside, flagged.
    bad_isbn = None
    raw_isbn = values.get("isbn")
    isbn = normalise_isbn(raw_isbn) if raw_isbn else None
    if raw_isbn and isbn is None:
        bad_isbn = raw_isbn[:BAD_ISBN_LIMIT]
        flags.append(_("ISBN {isbn} is not valid; kept as an erroneous ISBN").format(isbn=raw_isbn))
    if isbn is None and bad_isbn is None:
        cancelled = _all(record, "010" if fmt == "cnmarc" else "020", "z")
        if cancelled:
            bad_isbn = _isbn_text(cancelled[0])[:BAD_ISBN_LIMIT]
    clc_found = extract(record, fmt)["clc_class"]
    clc = (values.get("clc_class") or "").upper() or None
    other = None
    if clc and not valid_class_number(clc):
        other = _other_class(record, fmt, clc_found)
        clc = None
    elif clc is None:
        other = _other_class(record, fmt, None)
    if clc is None:
        flags.append(
            _("needs a 中图法 class (has {other})").format(other=other)
            if other
            else _("needs a 中图法 class")
        )
    for key, limit in COLUMN_LIMITS.items():
        value = values.get(key)
        if value and len(value) > limit:
            values[key] = value[:limit]
            flags.append(
                _("{column} shortened to {limit} characters").format(column=key, limit=limit)
            )
    values["isbn"], values["clc_class"] = isbn, clc
    return values, bad_isbn, other[:OTHER_CLASS_LIMIT] if other else None, flags


def _take_shuwu_035(record: Record) -> str | None:
    """Our own identifier is added on export and removed again on import (round trips)."""
    found = None
    for fld in list(record.get_fields("035")):
        value = fld.get("a") or ""
        if value.startswith(SHUWU_035_PREFIX) and len(fld.subfields) == 1:
            found = value[len(SHUWU_035_PREFIX) :].strip() or None
            record.remove_field(fld)
    return found


def _declare_utf8(record: Record, fmt: str) -> None:
    """The stored record is UTF-8, so its character-set declarations must say so."""
    leader = str(record.leader)
    if fmt == "marc21":
        record.leader = Leader(leader[:9] + "a" + leader[10:])
        return
    for fld in record.get_fields("100"):
        for sub_index, sub in enumerate(fld.subfields):
            if sub.code == "a" and len(sub.value) >= 30 and sub.value[26:30] != "50  ":
                value = sub.value[:26] + "50  " + sub.value[30:]
                fld.subfields[sub_index] = Subfield("a", value)
        return


def to_iso2709(record: Record, fmt: str) -> bytes:
    """UTF-8 ISO 2709; UNIMARC keeps its own leader/09 (pymarc would force ``a``)."""
    leader = str(record.leader)
    raw = record.as_marc()
    if fmt == "cnmarc":
        raw = raw[:9] + leader[9:10].encode("ascii", "replace") + raw[10:]
        record.leader = Leader(leader)
    return bytes(raw)
