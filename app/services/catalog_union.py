"""The county union catalogue as seen by cataloguing: ISBN lookup and county-wide 种次号.

Cataloguing must work fully offline, so the service only talks to this small interface and
falls back to the local cache / local counters whenever it raises ``ServerUnreachable``.
Wire format: ``GET /v1/catalog/isbn/{isbn13}`` (404 = unknown) and
``POST /v1/catalog/call-seq {class_no}`` → ``{seq}`` (see docs/sync-protocol.md).

Copy cataloguing: when the union catalogue lacks an ISBN, the county server asks its external
Z39.50/SRU targets (``GET /v1/copycat/isbn/{isbn13}``); the answer names the target it came
from (``origin``) and the targets that failed. ``external_search`` lets a librarian search the
targets by title or author (``GET /v1/copycat/search``).
"""

from __future__ import annotations

import base64
import binascii
import importlib
from dataclasses import dataclass
from typing import Any, Protocol
from urllib.parse import urlencode

from sqlalchemy.orm import Session

from app.device import credentials, state
from app.device.errors import ServerRefused
from shuwu_shared.bib import BIB_FIELDS
from shuwu_shared.errors import ServerUnreachable, UserInputError
from shuwu_shared.i18n import _

# The county server asks several targets in turn, each with its own short timeout.
COPYCAT_TIMEOUT = 45.0
SEARCH_FIELDS = ("any", "title", "author", "isbn")
# A source record larger than this is not kept (ISO 2709 caps a record at 99 999 bytes;
# MARCXML is wordier). The bib is still saved from its fields.
MAX_SOURCE_BYTES = 400_000


@dataclass(frozen=True)
class TargetFailure:
    target: str
    reason: str  # down / timeout / garbage / refused / error
    message: str


@dataclass(frozen=True)
class ExternalRecord:
    """One record from an external target, converted to Shuwu's fields."""

    number: int  # 1-based position in the answer (what the librarian picks)
    target: str
    protocol: str  # z3950 / sru
    syntax: str  # cnmarc / marc21
    fields: dict[str, Any]
    marc: bytes  # the record as the target sent it
    marc_format: str  # iso2709 / marcxml
    marc_charset: str

    def to_json(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "target": self.target,
            "protocol": self.protocol,
            "syntax": self.syntax,
            **{k: self.fields.get(k) for k in BIB_FIELDS},
            "marc_format": self.marc_format,
            "marc_charset": self.marc_charset,
        }


@dataclass(frozen=True)
class ExternalSearch:
    query: str
    field: str
    targets: tuple[str, ...]
    records: tuple[ExternalRecord, ...]
    failed: tuple[TargetFailure, ...]


def _failures(body: Any) -> tuple[TargetFailure, ...]:
    rows = body.get("failed") if isinstance(body, dict) else None
    if not isinstance(rows, list):
        return ()
    return tuple(
        TargetFailure(str(r.get("target", "")), str(r.get("reason", "")), str(r.get("message", "")))
        for r in rows
        if isinstance(r, dict)
    )


def _external_record(number: int, row: Any) -> ExternalRecord | None:
    if not isinstance(row, dict) or not isinstance(row.get("record"), dict):
        return None
    marc: dict[str, Any] = row["marc"] if isinstance(row.get("marc"), dict) else {}
    data = str(marc.get("data") or "")
    try:
        raw = (
            base64.b64decode(data, validate=True)
            if len(data) <= MAX_SOURCE_BYTES * 4 // 3 + 4
            else b""
        )
    except (binascii.Error, ValueError):
        raw = b""
    fields = {k: row["record"][k] for k in BIB_FIELDS if row["record"].get(k) is not None}
    return ExternalRecord(
        number,
        str(row.get("target", "")),
        str(row.get("protocol", "")),
        str(row.get("syntax", "")),
        fields,
        raw,
        str(marc.get("format", "")),
        str(marc.get("charset", "")),
    )


def origin_text(origin: str | None) -> str:
    """How a record's source is shown to a librarian (catalogue screen and CLI)."""
    if not origin:
        return ""
    return _(
        "Record copied from the external target {target}. Check it, then scan barcodes."
    ).format(target=origin)


class UnionCatalog(Protocol):
    def lookup_isbn(self, isbn13: str) -> dict[str, Any] | None:
        """The union record's fields (BIB_FIELDS), None if the county has none.
        Raises ServerUnreachable when offline."""

    def next_call_seq(self, class_no: str) -> int:
        """Reserve the next county-wide 种次号 for ``class_no``. Raises ServerUnreachable."""


@dataclass(frozen=True)
class HttpUnionCatalog:
    """The union catalogue over the device's one HTTP client (``app.device.transport``).

    Short timeouts and no retries: these calls sit in front of a librarian, and lookups and
    call numbers fall back to the local catalogue on ``ServerUnreachable``. A 401 is
    ``DeviceRevoked`` (this computer's token was refused), never "unreachable"."""

    base_url: str
    token: str | None = None
    timeout: float = 4.0

    def _call(
        self,
        method: str,
        path: str,
        timeout: float | None = None,
        *,
        params: dict[str, Any] | None = None,
        json: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        read_timeout = timeout or self.timeout
        # On first use: the HTTP client (requests) is a noticeable share of a cold start.
        from app.device.transport import Transport, TransportConfig

        config = TransportConfig(
            connect_timeout=self.timeout,
            read_timeout=read_timeout,
            deadline=read_timeout + self.timeout,
            retries=0,
        )
        if params:
            path = f"{path}?{urlencode(params)}"
        with Transport(self.base_url, self.token, config) as transport:
            body, _sent, _received = transport.request(method, path, json, gzip_body=False)
        return body

    def lookup_isbn(self, isbn13: str) -> dict[str, Any] | None:
        """The union record; failing that, a record copied from an external target, with its
        ``origin`` (the target's name) and the ``failed`` targets."""
        try:
            body = self._call("GET", f"/v1/catalog/isbn/{isbn13}")
        except ServerRefused as exc:
            if exc.status == 404:
                return self.copycat_isbn(isbn13)
            raise ServerUnreachable(_("The county server cannot be reached.")) from exc
        record = body.get("record", body)
        if not isinstance(record, dict):
            record = {}
        return {key: record.get(key) for key in BIB_FIELDS if record.get(key) is not None}

    def copycat_isbn(self, isbn13: str) -> dict[str, Any] | None:
        try:
            body = self._call("GET", f"/v1/copycat/isbn/{isbn13}", timeout=COPYCAT_TIMEOUT)
        except ServerRefused as exc:
            # Not found anywhere (404: say which targets failed), or an older server.
            failed = _failures(exc.body) if exc.status == 404 else ()
            return {"failed": failed} if failed else None
        found = _external_record(1, body)
        if found is None:
            return None
        kept = {"source_record": found} if found.marc else {}
        return {**found.fields, "origin": found.target, "failed": _failures(body), **kept}

    def external_search(self, query: str, field: str = "any", limit: int = 10) -> ExternalSearch:
        try:
            body = self._call(
                "GET",
                "/v1/copycat/search",
                params={"q": query, "field": field, "limit": limit},
                timeout=COPYCAT_TIMEOUT,
            )
        except ServerRefused as exc:
            if exc.status == 400:
                message = exc.body.get("message")
                raise UserInputError(str(message or _("The search was refused."))) from exc
            raise ServerUnreachable(_("The county server cannot be reached.")) from exc
        rows: list[Any] = body["results"] if isinstance(body.get("results"), list) else []
        found = [_external_record(n, row) for n, row in enumerate(rows, start=1)]
        targets: list[Any] = body["targets"] if isinstance(body.get("targets"), list) else []
        return ExternalSearch(
            query,
            field,
            tuple(str(t) for t in targets),
            tuple(r for r in found if r is not None),
            _failures(body),
        )

    def next_call_seq(self, class_no: str) -> int:
        try:
            body = self._call("POST", "/v1/catalog/call-seq", json={"class_no": class_no})
        except ServerRefused as exc:
            raise ServerUnreachable(_("The county server cannot be reached.")) from exc
        return int(body["seq"])


def union_catalog_for(session: Session) -> UnionCatalog | None:
    """The enrolled server, or None when this device was never enrolled (offline-only)."""
    url = state.get(session, state.SERVER_URL)
    if not url:
        return None
    # The device token lives in the keychain or an owner-only file (app.device.credentials).
    return HttpUnionCatalog(url, credentials.load_token_for_session(session))


def external_search(
    session: Session, query: str, field: str = "any", limit: int = 10
) -> ExternalSearch:
    """Search the county's external targets through the county server (needs the network)."""
    if field not in SEARCH_FIELDS:
        raise UserInputError(_("Search by title, author, isbn or any."))
    if not query.strip():
        raise UserInputError(_("Enter a title, author or ISBN to search for."))
    union = union_catalog_for(session)
    if not isinstance(union, HttpUnionCatalog):
        raise ServerUnreachable(
            _("This computer is not enrolled with the county server; external targets need it.")
        )
    return union.external_search(query.strip(), field, limit)


def _optional(module: str) -> Any:
    try:
        return importlib.import_module(module)
    except ImportError:
        return None


def source_of(record: ExternalRecord) -> Any | None:
    """The target's record converted as a MARC import converts it (``ConvertedRecord``), to be
    stored with the bib; None when this build cannot keep sources or cannot read the record."""
    if not record.marc:
        return None
    read = _optional("shuwu_shared.marc.read")
    convert = _optional("shuwu_shared.marc.convert")
    if read is None or convert is None:
        return None
    try:
        if record.marc_format == "iso2709":
            decoded = read.decode_iso2709(record.marc, record.marc_charset or "auto").record
        else:
            entries = read.read_marc_bytes(record.marc).entries
            decoded = next(e.record for e in entries if hasattr(e, "record"))
        return convert.convert_record(decoded)
    except (UserInputError, StopIteration, ValueError):
        return None
