"""Reading MARC files as libraries actually write them: ISO 2709 or MARCXML, MARC 21 or UNIMARC
(CNMARC), in UTF-8, GB18030/GBK or MARC-8.

Every record is checked and decoded on its own: a damaged or undecodable record becomes a
``Damaged`` entry with its number and reason, and its neighbours still decode. The character set
is decided by the record's bytes (the leader/09 and 100$a declarations are only hints, because
real files lie about them), and the caller shows a sample of decoded titles so that a wrong
guess is visible before anything is saved.

The structure is parsed here (not by ``pymarc.Record(data=...)``) so that nothing is dropped
silently: pymarc skips fields with damaged subfield codes and the MARC-8 converter drops control
bytes without a word. The text itself is decoded with pymarc's MARC-8 converter or Python codecs,
and the result is a normal ``pymarc.Record``.
"""

from __future__ import annotations

import contextlib
import io
import re
import shutil
import subprocess
import unicodedata
import xml.sax
from dataclasses import dataclass, field

import pymarc
import pymarc.exceptions
import pymarc.marcxml
from pymarc import Field, Indicators, Leader, Record, Subfield
from pymarc.marc8 import MARC8ToUnicode
from pymarc.marc8_mapping import CODESETS

from shuwu_shared.errors import UserInputError
from shuwu_shared.i18n import _

RT, FT, SF = b"\x1d", b"\x1e", b"\x1f"
ESC = 0x1B
ENCODINGS = ("auto", "utf-8", "gb18030", "marc8")
ENCODING_ALIASES = {"utf8": "utf-8", "gbk": "gb18030", "gb2312": "gb18030", "marc-8": "marc8"}
_ANSEL = frozenset(CODESETS[0x45])  # MARC-8 G1 default set: the only high bytes plain MARC-8 has
_NSB, _NSE = "\x88", "\x89"  # non-sorting begin / end (UNIMARC and MARC-8 alike)


@dataclass(frozen=True)
class DecodedRecord:
    number: int  # 1-based position in the file
    record: Record
    encoding: str  # utf-8 / gb18030 / marc8 / xml
    marc_format: str  # cnmarc / marc21
    notes: tuple[str, ...] = ()  # repairs made while reading (reported, never silent)


@dataclass(frozen=True)
class Damaged:
    number: int
    reason: str


@dataclass(frozen=True)
class ReadResult:
    syntax: str  # iso2709 / marcxml
    entries: tuple[DecodedRecord | Damaged, ...] = field(default=())


def normalise_encoding(requested: str) -> str:
    value = ENCODING_ALIASES.get(requested.lower(), requested.lower())
    if value not in ENCODINGS:
        raise UserInputError(
            _("Unknown encoding {encoding}; use auto, utf-8, gb18030 or marc8.").format(
                encoding=requested
            )
        )
    return value


# --- the file ----------------------------------------------------------------------------------


def read_marc_bytes(data: bytes, encoding: str = "auto") -> ReadResult:
    """Every record of an ISO 2709 or MARCXML file, decoded or marked damaged."""
    encoding = normalise_encoding(encoding)
    if not data.strip(b"\r\n\t \x00\x1a"):
        raise UserInputError(_("The file is empty. Nothing was imported."))
    head = data.lstrip(b"\xef\xbb\xbf\r\n\t ")[:1]
    if head == b"<":
        return ReadResult("marcxml", tuple(_read_marcxml(data)))
    entries = [_decode_chunk(number, raw, encoding) for number, raw in _chunks(data)]
    if not any(isinstance(e, DecodedRecord) for e in entries) and not re.match(
        rb"^\s*\d{5}", data[:64]
    ):
        raise UserInputError(
            _("This file is not a MARC file (ISO 2709 or MARCXML). Nothing was imported.")
        )
    return ReadResult("iso2709", tuple(entries))


def _chunks(data: bytes) -> list[tuple[int, bytes]]:
    """Split on the record terminator, tolerant of CR/LF/NUL/^Z between records."""
    parts = data.split(RT)
    tail = parts.pop().strip(b"\r\n\t \x00\x1a")
    chunks = [p.lstrip(b"\r\n\t \x00\x1a") for p in parts]
    if chunks:
        chunks[0] = chunks[0].removeprefix(b"\xef\xbb\xbf")  # a BOM some Windows tools add
    numbered = [(n, c + RT) for n, c in enumerate((c for c in chunks if c), start=1)]
    if tail:  # no terminator: reported as truncated by the structure check
        numbered.append((len(numbered) + 1, tail))
    return numbered


def decode_iso2709(raw: bytes, encoding: str = "auto", number: int = 1) -> DecodedRecord:
    """One ISO 2709 record (e.g. from Z39.50) → a decoded record; UserInputError if damaged."""
    entry = _decode_chunk(number, raw, normalise_encoding(encoding))
    if isinstance(entry, Damaged):
        raise UserInputError(entry.reason)
    return entry


# --- ISO 2709 structure --------------------------------------------------------------------------


@dataclass
class _RawField:
    tag: str
    data: bytes  # control field value, or the whole data field without its terminator


def _structure(raw: bytes) -> tuple[str, list[_RawField]]:
    """Leader and fields; ValueError with a user message when the record is damaged."""
    leader = raw[:24]
    if len(leader) < 24 or not leader.isascii() or not leader[:5].isdigit():
        raise ValueError(_("the leader is damaged (not a MARC record)"))
    if not raw.endswith(RT) or raw.count(RT) != 1:
        raise ValueError(_("the record is truncated"))
    if not leader[12:17].isdigit():
        raise ValueError(_("the leader's base address is damaged"))
    length, base = int(leader[:5]), int(leader[12:17])
    if length != len(raw):
        raise ValueError(
            _(
                "the record length in the leader ({declared}) is not its real length ({real})"
            ).format(declared=length, real=len(raw))
        )
    if not 24 < base < length or raw[base - 1 : base] != FT:
        raise ValueError(_("the directory is damaged"))
    directory = raw[24 : base - 1]
    if len(directory) % 12 or not directory.isascii():
        raise ValueError(_("the directory is damaged"))
    fields: list[_RawField] = []
    for start in range(0, len(directory), 12):
        entry = directory[start : start + 12]
        if not entry[3:].isdigit():
            raise ValueError(_("the directory is damaged"))
        flen, offset = int(entry[3:7]), int(entry[7:12])
        end = base + offset + flen
        if flen < 1 or end > length - 1 or raw[end - 1] != FT[0]:
            raise ValueError(
                _("field {tag} points outside the record").format(tag=entry[:3].decode())
            )
        fields.append(_RawField(entry[:3].decode(), raw[base + offset : end - 1]))
    if not fields:
        raise ValueError(_("the record has no fields"))
    return leader.decode("ascii"), fields


def strict_structure_problem(raw: bytes) -> str | None:
    """Why ``raw`` is not one well-formed UTF-8 ISO 2709 record (no repair by terminators), or
    None. For a source record received from another computer (``shuwu_shared.protocol``)."""
    try:
        _structure(raw)
        decode_iso2709(raw, "utf-8")
    except (UserInputError, ValueError) as exc:
        return str(exc)
    except Exception:  # a hostile record must be refused, never crash the caller
        return "the record cannot be read"
    return None


def _is_control(tag: str) -> bool:
    return tag.isdigit() and tag < "010"


def _format_of(leader: str, fields: list[_RawField]) -> str:
    tags = {f.tag for f in fields}
    if "245" in tags:
        return "marc21"
    if "200" in tags:
        return "cnmarc"
    for f in fields:
        if f.tag == "100" and re.match(rb"^..\x1fa\d{8}[a-z]", f.data):
            return "cnmarc"
    return "cnmarc" if leader[20:23] == "450" or leader[22:23] == "0" else "marc21"


# --- character set -------------------------------------------------------------------------------


def _text_bytes(fields: list[_RawField]) -> bytes:
    return b"\x1e".join(f.data for f in fields)


def _decodes(data: bytes, codec: str) -> bool:
    try:
        data.decode(codec)
    except UnicodeDecodeError:
        return False
    return True


def _marc8_plausible(data: bytes) -> bool:
    """Plain MARC-8 uses only the ANSEL high bytes; escapes switch to other sets."""
    if ESC in data:
        return bool(re.search(rb"\x1b[\(\),\$\-bgps]", data))
    return all(b < 0x80 or b in _ANSEL for b in data)


def _paired_high_ratio(data: bytes) -> float:
    """Share of high bytes that sit next to another high byte: ~1 for GBK text, low for MARC-8
    (whose diacritics precede an ASCII letter)."""
    high = [i for i, b in enumerate(data) if b >= 0x80]
    if not high:
        return 0.0
    positions = set(high)
    paired = sum(1 for i in high if i + 1 in positions or i - 1 in positions)
    return paired / len(high)


def _odd_run_ratio(data: bytes) -> float:
    """Share of runs of high bytes with an odd length: GB2312 text comes in byte pairs, MARC-8
    diacritics usually one (or three) before an ASCII letter."""
    runs = [len(run) for run in re.findall(rb"[\x80-\xff]+", data)]
    return sum(1 for n in runs if n % 2) / len(runs) if runs else 0.0


def _diacritic_like(data: bytes) -> bool:
    paired = _paired_high_ratio(data)
    return paired < 0.5 or (paired <= 0.6 and _odd_run_ratio(data) >= 0.5)


def guess_encoding(data: bytes, marc_format: str) -> str | None:
    """Decide by content; None when no supported character set reads the bytes."""
    if data.isascii() and ESC not in data:
        return "utf-8"
    marc8_ok = marc_format == "marc21" and _marc8_plausible(data)
    if marc8_ok and ESC in data:
        return "marc8"
    if _decodes(data, "utf-8"):
        return "utf-8"  # GBK and MARC-8 text is almost never valid UTF-8
    if _diacritic_like(data):
        # Latin diacritics before their letters, not Chinese byte pairs: MARC-8 for MARC 21;
        # for UNIMARC most likely ISO 5426, which would turn into garbled Chinese as GB18030.
        if marc8_ok:
            return "marc8"
        if marc_format == "cnmarc":
            return "iso5426"
    if _decodes(data, "gb18030"):
        return "gb18030"
    return "marc8" if marc8_ok else None


class _Marc8Trouble(ValueError):
    """Some MARC-8 bytes could not be converted (the converter put a blank instead)."""


def _decode_text(
    value: bytes,
    encoding: str,
    marc8: MARC8ToUnicode | None = None,
    table: dict[bytes, str] | None = None,
) -> str:
    if encoding == "iso5426":
        if table is None or value not in table:
            raise ValueError("ISO 5426 text not decoded")
        return table[value]
    if encoding == "marc8":
        # One converter per field: real records keep an escape (e.g. to EACC) across subfields.
        converter = marc8 or MARC8ToUnicode(quiet=True)
        # pymarc's converter drops the C1 non-sorting markers; keep them as U+0088/U+0089.
        parts = re.split(rb"([\x88\x89])", value)
        out = []
        for part in parts:
            if part in (b"\x88", b"\x89"):
                out.append(part.decode("latin-1"))
            elif part:
                # The converter reports unreadable bytes on stderr; catch that as a finding.
                with contextlib.redirect_stderr(io.StringIO()) as complaints:
                    out.append(converter.translate(part))  # type: ignore[no-untyped-call]
                if complaints.getvalue():
                    raise _Marc8Trouble
        return "".join(out)
    text = value.decode(encoding)
    return text.replace("\x1bH", _NSB).replace("\x1bI", _NSE)  # ISO 6630 escape form


ISO5426_TIMEOUT = 30  # seconds for one record


def _iso5426_table(fields: list[_RawField]) -> dict[bytes, str] | None:
    """Every control field and subfield value of a record, decoded from ISO 5426 (UNIMARC's
    extended Latin set) by YAZ's ``yaz-iconv`` in one call: diacritics, which ISO 5426 puts
    before their letter, become NFC characters; the non-sorting markers U+0098/U+009C that YAZ
    gives are kept as NSB/NSE (U+0088/U+0089) like other UNIMARC records. None when yaz-iconv
    is not installed (Debian/Ubuntu: package ``yaz``) or cannot read the bytes."""
    exe = shutil.which("yaz-iconv")
    if exe is None:
        return None
    values: list[bytes] = []
    for raw in fields:
        if _is_control(raw.tag):
            values.append(raw.data)
        else:
            values.extend(sub[1:] for sub in raw.data.split(SF)[1:] if sub)
    values = list(dict.fromkeys(values))
    if any(SF in v or RT in v for v in values):
        return None
    try:
        done = subprocess.run(
            [exe, "-f", "ISO5426", "-t", "UTF-8"],
            input=SF.join(values) + RT,
            capture_output=True,
            timeout=ISO5426_TIMEOUT,
            check=False,
        )
        text = done.stdout.decode("utf-8")
    except (OSError, subprocess.SubprocessError, UnicodeDecodeError):
        return None
    if done.returncode != 0 or not text.endswith("\x1d"):
        return None
    decoded = text[:-1].split("\x1f")
    if len(decoded) != len(values):
        return None
    markers = str.maketrans({"\x98": _NSB, "\x9c": _NSE})
    return {
        value: unicodedata.normalize("NFC", out).translate(markers)
        for value, out in zip(values, decoded, strict=True)
    }


def _structure_by_terminators(raw: bytes) -> tuple[str, list[_RawField]]:
    """Fallback for exporters that write wrong lengths or offsets (some count characters, not
    bytes): take the tags from the directory and the fields from their terminators, if their
    numbers agree. Anything less certain stays damaged."""
    leader = raw[:24]
    if len(leader) < 24 or not leader.isascii() or not raw.endswith(RT) or raw.count(RT) != 1:
        raise ValueError
    end = raw.find(FT, 24)
    directory = raw[24:end]
    if end < 36 or len(directory) % 12 or not directory.isascii():
        raise ValueError
    entries = [directory[i : i + 12] for i in range(0, len(directory), 12)]
    if all(e[7:12].isdigit() for e in entries):
        entries.sort(key=lambda e: int(e[7:12]))
    body = raw[end + 1 : -1]
    if not body.endswith(FT):
        raise ValueError
    parts = body[:-1].split(FT)
    if len(parts) != len(entries):
        raise ValueError
    fields = [_RawField(e[:3].decode(), part) for e, part in zip(entries, parts, strict=True)]
    return leader.decode("ascii"), fields


def _decode_chunk(number: int, raw: bytes, requested: str) -> DecodedRecord | Damaged:
    notes: list[str] = []
    table: dict[bytes, str] | None = None
    try:
        leader, fields = _structure(raw)
    except ValueError as exc:
        try:
            leader, fields = _structure_by_terminators(raw)
        except ValueError:
            return Damaged(number, str(exc))
        notes.append(
            _("{reason}; the fields were read by their terminators").format(reason=str(exc))
        )
    fmt = _format_of(leader, fields)
    data = _text_bytes(fields)
    if requested == "auto":
        encoding = guess_encoding(data, fmt)
        if encoding is None:
            return Damaged(number, _("the text is not UTF-8, GB18030 or MARC-8"))
        if encoding == "iso5426":
            table = _iso5426_table(fields)
            if table is None:
                return Damaged(
                    number,
                    _(
                        "the text looks like ISO 5426 (UNIMARC Latin characters), which needs "
                        "YAZ's yaz-iconv to read; install yaz, or convert the file to UTF-8 "
                        "first, e.g. yaz-marcdump -f iso5426 -t utf8 -o marc"
                    ),
                )
    else:
        encoding = requested
        readable = _marc8_plausible(data) if encoding == "marc8" else _decodes(data, encoding)
        if not readable:
            return Damaged(number, _("the text is not valid {encoding}").format(encoding=encoding))
    if requested != "auto":
        guess = guess_encoding(data, fmt)
        if guess not in (None, encoding) and not data.isascii():
            # The user's choice wins, but a likely wrong choice is said before saving.
            notes.append(
                _("the bytes look like {guess}, not {encoding}").format(
                    guess=guess, encoding=encoding
                )
            )
    record = Record(to_unicode=True, force_utf8=True)
    record.leader = Leader(leader)  # the constructor would overwrite positions 10-11 and 20-23
    for raw_field in fields:
        built = _build_field(raw_field, encoding, notes, table)
        if built is not None:
            record.add_field(built)  # type: ignore[no-untyped-call]
    if not record.fields:
        return Damaged(number, _("no field of the record could be read"))
    return DecodedRecord(number, record, encoding, fmt, tuple(notes))


_TAG_RE = re.compile(r"^[0-9A-Za-z]{3}$")


def _build_field(
    raw: _RawField, encoding: str, notes: list[str], table: dict[bytes, str] | None = None
) -> Field | None:
    if not _TAG_RE.match(raw.tag):
        notes.append(_("field with a damaged tag dropped"))
        return None
    try:
        if _is_control(raw.tag):
            return Field(tag=raw.tag, data=_decode_text(raw.data, encoding, table=table))
        marc8 = MARC8ToUnicode(quiet=True) if encoding == "marc8" else None
        head, *subs = raw.data.split(SF)
        indicators = head.decode("latin-1")
        if len(head) != 2 or not all(0x20 <= b < 0x7F for b in head):
            notes.append(_("{tag}: damaged indicators replaced by blanks").format(tag=raw.tag))
            indicators = "  "
        subfields: list[Subfield] = []
        for sub in subs:
            if not sub:
                continue
            code = chr(sub[0])
            if not (0x20 <= sub[0] < 0x7F):
                notes.append(_("{tag}: subfield with a damaged code dropped").format(tag=raw.tag))
                continue
            try:
                value = _decode_text(sub[1:], encoding, marc8, table)
            except _Marc8Trouble:
                notes.append(
                    _("{tag}${code}: some MARC-8 characters could not be read").format(
                        tag=raw.tag, code=code
                    )
                )
                with contextlib.redirect_stderr(io.StringIO()):
                    value = MARC8ToUnicode(quiet=True).translate(sub[1:])  # type: ignore[no-untyped-call]
            subfields.append(Subfield(code, value))
        if not subfields:
            notes.append(_("{tag}: field without subfields dropped").format(tag=raw.tag))
            return None
        return Field(
            tag=raw.tag, indicators=Indicators(indicators[0], indicators[1]), subfields=subfields
        )
    except (UnicodeDecodeError, IndexError, TypeError, ValueError):
        notes.append(_("{tag}: unreadable field dropped").format(tag=raw.tag))
        return None


# --- MARCXML -------------------------------------------------------------------------------------


class _LenientXmlHandler(pymarc.marcxml.XmlHandler):
    """pymarc's MARCXML reader, except that a leader of the wrong length (real files have
    them) is padded or cut to 24 characters instead of failing the whole file."""

    def __init__(self) -> None:
        super().__init__(strict=False)  # type: ignore[no-untyped-call]

    def endElementNS(self, name: tuple[str | None, str], qname: str | None) -> None:
        if name[1] == "leader" and self._record:
            text = "".join(self._text)
            text = (text if text.isascii() else "").ljust(24)[:24]
            if len(text) != len("".join(self._text)) or not text[20:24].isdigit():
                # Counts and the entry map are fixed by the standard; the writer computes the
                # rest (length, base address).
                text = text[:10] + "22" + text[12:20] + "4500"
            self._record.leader = Leader(text)
            self._text = []
            return
        super().endElementNS(name, qname)  # type: ignore[no-untyped-call]


def _read_marcxml(data: bytes) -> list[DecodedRecord | Damaged]:
    if b"<!DOCTYPE" in data[:4096] or b"<!ENTITY" in data:
        raise UserInputError(
            _("This MARCXML file declares entities; it is refused. Nothing was imported.")
        )
    handler = _LenientXmlHandler()
    try:
        pymarc.marcxml.parse_xml(io.BytesIO(data), handler)  # type: ignore[no-untyped-call]
        records = handler.records
    except (
        xml.sax.SAXException,
        ValueError,
        KeyError,
        TypeError,
        AttributeError,
        pymarc.exceptions.PymarcException,
    ) as exc:
        reason = str(exc)[:200]
        if isinstance(exc, KeyError) and exc.args and isinstance(exc.args[0], tuple):
            reason = _("an element has no “{name}” attribute").format(name=exc.args[0][-1])
        raise UserInputError(
            _("This MARCXML file is damaged ({reason}). Nothing was imported.").format(
                reason=reason
            )
        ) from exc
    out: list[DecodedRecord | Damaged] = []
    for number, record in enumerate(records, start=1):
        if record is None or not record.fields:
            out.append(Damaged(number, _("the record has no fields")))
            continue
        leader = str(record.leader)
        if len(leader) != 24 or not leader.isascii():
            leader = (leader + " " * 24)[:24] if leader.isascii() else " " * 24
            record.leader = Leader(leader)
        tags = [f.tag for f in record.fields]
        fmt = "marc21" if "245" in tags else "cnmarc" if "200" in tags else "marc21"
        out.append(DecodedRecord(number, record, "xml", fmt))
    if not out:
        raise UserInputError(
            _("This file is not a MARC file (ISO 2709 or MARCXML). Nothing was imported.")
        )
    return out
