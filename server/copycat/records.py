"""Records from targets → pymarc Records → Shuwu's bibliographic fields.

A target that sends garbage must not break a lookup, so every step here raises ``BadRecord``
(never a pymarc or codec exception) and the caller moves on to the next target. Shuwu's record
is made by the MARC importer's own reader and conversion (``shuwu_shared.marc.read.decode_iso2709``
and ``shuwu_shared.marc.convert.convert_record``), so imported and copy-catalogued records read the
same way.
"""

from __future__ import annotations

import io
import re
import xml.sax
from dataclasses import dataclass
from typing import Any

import pymarc
from pymarc import Record

from shuwu_shared.bib import BIB_FIELDS
from shuwu_shared.domain.isbn import try_normalise_isbn
from shuwu_shared.errors import UserInputError
from shuwu_shared.marc import convert as catalog_marc_convert
from shuwu_shared.marc import read as catalog_marc_read

# Decoded text that means the charset was wrong: U+FFFD, C1 controls other than UNIMARC's
# NSB/NSE (U+0088/U+0089), private use.
_SUSPICIOUS = re.compile("[\ufffd\u0080-\u0087\u008a-\u009f\ue000-\uf8ff]")


class BadRecord(ValueError):
    pass


@dataclass(frozen=True)
class Converted:
    fields: dict[str, Any]  # BIB_FIELDS of Shuwu's record
    syntax: str  # cnmarc / marc21, as read
    isbns: tuple[str, ...]  # every ISBN-13 the record carries (valid or cancelled)


def decode_iso2709(raw: bytes, charset: str) -> Record:
    """One ISO 2709 record in ``charset`` (utf-8, gb18030 or marc-8). Targets' settings can be
    wrong like files' declarations: when the bytes contradict ``charset``, the importer's
    content detection decides, and its validation refuses what it cannot read cleanly."""
    for encoding in (charset, "auto"):
        try:
            decoded: Record = catalog_marc_read.decode_iso2709(raw, encoding).record
            return decoded
        except UserInputError:
            continue
        except (pymarc.exceptions.PymarcException, ValueError, IndexError) as exc:
            raise BadRecord("not an ISO 2709 record") from exc
    raise BadRecord(f"not readable as {charset}")


def decode_marcxml(raw: bytes) -> Record:
    """One MARCXML record (MARC 21 slim, UNIMARC or CNMARC namespaces all read the same)."""
    if b"<!DOCTYPE" in raw.upper() or b"<!ENTITY" in raw.upper():
        raise BadRecord("MARCXML with a DTD")
    try:
        records = pymarc.parse_xml_to_array(io.BytesIO(raw), strict=False)  # type: ignore[no-untyped-call]
    except (xml.sax.SAXException, ValueError, KeyError) as exc:
        raise BadRecord("not MARCXML") from exc
    if len(records) != 1 or records[0] is None:
        raise BadRecord("not one MARCXML record")
    record: Record = records[0]
    return record


def _isbns(record: Record) -> tuple[str, ...]:
    out: list[str] = []
    for tag in ("010", "020"):
        for fld in record.get_fields(tag):
            for code in ("a", "z"):
                for value in fld.get_subfields(code):
                    match = re.search(r"[0-9Xx][0-9Xx\- ]{8,16}[0-9Xx]", value or "")
                    isbn = try_normalise_isbn(match.group(0)) if match else None
                    if isbn and isbn not in out:
                        out.append(isbn)
    return tuple(out)


def convert(record: Record) -> Converted:
    try:
        converted = catalog_marc_convert.convert_record(record)
    except UserInputError as exc:
        raise BadRecord(exc.message) from exc
    except (AttributeError, TypeError, ValueError, IndexError) as exc:
        raise BadRecord("unreadable fields") from exc
    fields: dict[str, Any] = {
        k: getattr(converted.data, k) for k in BIB_FIELDS if getattr(converted.data, k, None)
    }
    for extra in ("bad_isbn", "other_class"):  # flags for the librarian, kept with the record
        if getattr(converted, extra, None):
            fields[extra] = getattr(converted, extra)
    text = " ".join(str(v) for v in fields.values())
    if not fields.get("title") or _SUSPICIOUS.search(text):
        raise BadRecord("garbled text (wrong character set?)")
    return Converted(fields, str(converted.marc_format), _isbns(record))
