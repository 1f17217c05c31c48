"""Asking external targets: ISBN lookup in priority order (cached for the whole county) and a
title/author search across all targets.

A target that is down, slow or sends garbage never breaks the answer: it is recorded as a
``Failure`` and the next target is asked. Every call is bounded twice: YAZ/requests time out
each network wait, and a watchdog thread bounds the whole call, so a target that trickles bytes
cannot hold a librarian's lookup.
"""

from __future__ import annotations

import base64
import logging
import re
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from server import models as m
from server.copycat import records, sru, zoom
from server.copycat.models import CopycatRecord
from server.copycat.targets import Target, list_targets
from server.db import writer
from server.timeutil import iso, utcnow
from shuwu_shared.domain.isbn import isbn13_to_isbn10, try_normalise_isbn

log = logging.getLogger(__name__)

KINDS = ("isbn", "title", "author", "any")
LOOKUP_BUDGET = 20.0  # seconds for one ISBN lookup across all targets
FETCH_PER_TARGET = 5  # records read per ISBN search (sets and editions share ISBNs)
_ZOOM_SYNTAX = {"unimarc": "unimarc", "marc21": "usmarc"}
_PQF_USE = {"title": 4, "author": 1003, "any": 1016}
_CQL_INDEX = {
    "isbn": "bath.isbn",
    "title": "dc.title",
    "author": "dc.creator",
    "any": "cql.serverChoice",
}
# iconv names YAZ converts query terms to (rpnCharset): GB targets expect GB-encoded terms.
_RPN_CHARSET = {"gb18030": "GB18030", "marc-8": None, "utf-8": None}

T = TypeVar("T")


@dataclass(frozen=True)
class Failure:
    target: str
    reason: str  # down / timeout / garbage / refused / error
    message: str

    def to_json(self) -> dict[str, str]:
        return {"target": self.target, "reason": self.reason, "message": self.message}


class TargetFailed(Exception):
    def __init__(self, failure: Failure) -> None:
        super().__init__(failure.message)
        self.failure = failure


# The source record goes to the client as base64 so the branch can keep it for a lossless
# export; a record beyond this size (ISO 2709 stops at 99 999 bytes) is sent without it.
MAX_SOURCE_BYTES = 400_000


@dataclass(frozen=True)
class Hit:
    target: str
    protocol: str
    syntax: str  # cnmarc / marc21, as read
    raw_format: str  # iso2709 / marcxml
    charset: str
    raw: bytes
    fields: dict[str, Any]
    isbns: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "target": self.target,
            "protocol": self.protocol,
            "syntax": self.syntax,
            "record": self.fields,
            "marc": {
                "format": self.raw_format,
                "charset": self.charset,
                "data": (
                    base64.b64encode(self.raw).decode("ascii")
                    if len(self.raw) <= MAX_SOURCE_BYTES
                    else ""
                ),
            },
        }


@dataclass(frozen=True)
class LookupAnswer:
    isbn: str
    origin: str  # union / cache / target / none
    hit: Hit | None
    fetched_at: str | None
    failed: tuple[Failure, ...]


# --- queries -------------------------------------------------------------------------------


def _clean_term(term: str) -> str:
    # Quotes and backslashes would end or escape the quoted term; control characters have no
    # place in a search. What remains is sent as one quoted term.
    return re.sub(r'[\x00-\x1f\x7f"\\]+', " ", term).strip()[:200]


def _isbn_forms(term: str) -> list[str]:
    isbn13 = try_normalise_isbn(term)
    if isbn13 is None:
        return [_clean_term(term)]
    isbn10 = isbn13_to_isbn10(isbn13)
    return [isbn13, isbn10] if isbn10 else [isbn13]


def pqf_query(kind: str, term: str) -> str:
    if kind == "isbn":
        parts = [f'@attr 1=7 "{t}"' for t in _isbn_forms(term)]
        return " ".join(["@or"] * (len(parts) - 1) + parts)
    return f'@attr 1={_PQF_USE[kind]} "{_clean_term(term)}"'


def cql_query(kind: str, term: str, indexes: dict[str, str]) -> str:
    index = indexes.get(kind, _CQL_INDEX[kind])
    terms = _isbn_forms(term) if kind == "isbn" else [_clean_term(term)]
    return " or ".join(f'{index}="{t}"' for t in terms)


def _bounded(fn: Callable[[], T], seconds: float) -> T:
    """Run ``fn`` in a watchdog thread; give up after ``seconds`` (the thread is abandoned and
    ends by itself when its own network timeout fires)."""
    box: dict[str, Any] = {}

    def run() -> None:
        try:
            box["value"] = fn()
        except BaseException as exc:
            box["error"] = exc

    thread = threading.Thread(target=run, name="copycat-target", daemon=True)
    thread.start()
    thread.join(max(0.1, seconds))
    if thread.is_alive():
        raise TimeoutError
    if "error" in box:
        raise box["error"]
    return box["value"]  # type: ignore[no-any-return]


def _failure(target: Target, reason: str, message: str) -> TargetFailed:
    log.warning("copycat target %s failed: %s (%s)", target.name, reason, message)
    return TargetFailed(Failure(target.name, reason, message))


def query_target(
    target: Target, kind: str, term: str, count: int, budget: float | None = None
) -> list[Hit]:
    """Search one target; every record that cannot be read is skipped. Raises TargetFailed."""
    seconds = min(target.timeout * 1.5 + 0.5, budget if budget is not None else 1e9)
    if seconds <= 0.1:
        raise _failure(target, "timeout", "no time left")
    started = time.monotonic()

    def fetch() -> tuple[str, str, list[bytes]]:
        if target.protocol == "z3950":
            options: dict[str, str] = {}
            rpn_charset = _RPN_CHARSET.get(target.charset)
            if rpn_charset:
                options["rpnCharset"] = rpn_charset
            result = zoom.search(
                target.host,
                target.port,
                target.database,
                pqf_query(kind, term),
                syntax=_ZOOM_SYNTAX[target.syntax],
                count=count,
                timeout=min(target.timeout, seconds),
                user=target.username,
                password=target.password,
                options=options,
            )
            return "iso2709", target.charset, list(result.records)
        indexes = sru.index_overrides(target.url)
        sru_result = sru.search(
            target.url,
            cql_query(kind, term, indexes),
            schema="marcxml",
            count=count,
            timeout=min(target.timeout, seconds),
            user=target.username,
            password=target.password,
        )
        return "marcxml", "utf-8", list(sru_result.records)

    try:
        raw_format, charset, raws = _bounded(fetch, seconds)
    except TimeoutError as exc:
        raise _failure(target, "timeout", f"no answer within {seconds:.0f} s") from exc
    except zoom.ZoomUnavailable as exc:
        raise _failure(target, "error", "YAZ (libyaz5) is not installed") from exc
    except zoom.ZoomError as exc:
        raise _failure(target, _zoom_reason(exc), str(exc)) from exc
    except sru.SruError as exc:
        raise _failure(target, exc.kind, str(exc)) from exc
    hits: list[Hit] = []
    for raw in raws:
        try:
            # Some Z39.50 targets answer MARCXML even when asked for ISO 2709.
            record = (
                records.decode_marcxml(raw)
                if raw_format == "marcxml" or raw.lstrip()[:1] == b"<"
                else records.decode_iso2709(raw, charset)
            )
            converted = records.convert(record)
        except records.BadRecord as exc:
            log.info("copycat target %s: record skipped: %s", target.name, exc)
            continue
        hits.append(
            Hit(
                target.name,
                target.protocol,
                converted.syntax,
                raw_format,
                charset,
                raw,
                converted.fields,
                converted.isbns,
            )
        )
    if raws and not hits:
        raise _failure(target, "garbage", "the target sent records that cannot be read")
    log.info(
        "copycat target %s: %d of %d records in %.1f s",
        target.name,
        len(hits),
        len(raws),
        time.monotonic() - started,
    )
    return hits


def _zoom_reason(exc: zoom.ZoomError) -> str:
    if exc.code == 10007:  # ZOOM_ERROR_TIMEOUT
        return "timeout"
    if exc.code == 10000:  # connect failed
        return "down"
    if exc.code == 10005:  # init rejected (login)
        return "refused"
    if exc.code in (10002, 10003, 10004):  # the peer does not speak Z39.50 (or hung up)
        return "garbage"
    return "error"


def best_for_isbn(hits: Sequence[Hit], isbn13: str) -> Hit | None:
    """The first record carrying the ISBN; a record without any ISBN is accepted only when no
    record carries one (the target found it through its ISBN index)."""
    for hit in hits:
        if isbn13 in hit.isbns:
            return hit
    if all(not hit.isbns for hit in hits):
        return hits[0] if hits else None
    return None


# --- county-wide lookup --------------------------------------------------------------------


def _cached(session: Session, isbn13: str) -> LookupAnswer | None:
    row = session.scalar(select(CopycatRecord).where(CopycatRecord.isbn == isbn13))
    if row is None:
        return None
    hit = Hit(
        row.target_name,
        row.protocol,
        row.syntax,
        row.raw_format,
        row.charset,
        row.raw,
        dict(row.fields),
        (isbn13,),
    )
    return LookupAnswer(isbn13, "cache", hit, iso(row.fetched_at), ())


def _in_union(session: Session, isbn13: str) -> bool:
    return session.scalar(select(m.Bib.id).where(m.Bib.isbn == isbn13).limit(1)) is not None


def lookup_isbn(sessions: sessionmaker[Session], isbn13: str) -> LookupAnswer:
    """The cache, then the targets in priority order. The network is never asked inside a
    database transaction."""
    with sessions() as s, s.begin():
        if _in_union(s, isbn13):
            return LookupAnswer(isbn13, "union", None, None, ())
        cached = _cached(s, isbn13)
        if cached is not None:
            return cached
        targets = list_targets(s, enabled_only=True)
    failed: list[Failure] = []
    deadline = time.monotonic() + LOOKUP_BUDGET
    for target in targets:
        try:
            hits = query_target(
                target, "isbn", isbn13, FETCH_PER_TARGET, deadline - time.monotonic()
            )
        except TargetFailed as exc:
            failed.append(exc.failure)
            continue
        hit = best_for_isbn(hits, isbn13)
        if hit is None:
            continue
        fields = {**hit.fields, "isbn": isbn13}
        hit = replace(hit, fields=fields)
        now = utcnow()
        with writer(sessions) as s:
            if _cached(s, isbn13) is None:
                s.add(
                    CopycatRecord(
                        isbn=isbn13,
                        target_name=hit.target,
                        protocol=hit.protocol,
                        syntax=hit.syntax,
                        raw_format=hit.raw_format,
                        charset=hit.charset,
                        raw=hit.raw,
                        fields=fields,
                        fetched_at=now,
                    )
                )
        return LookupAnswer(isbn13, "target", hit, iso(now), tuple(failed))
    return LookupAnswer(isbn13, "none", None, None, tuple(failed))


def search_targets(
    targets: Sequence[Target], kind: str, term: str, limit: int
) -> tuple[list[Hit], list[Failure]]:
    """Ask every target at once (each bounded by its own timeout); results in priority order."""
    answers: dict[str, list[Hit]] = {}
    failures: dict[str, Failure] = {}
    lock = threading.Lock()

    def ask(target: Target) -> None:
        try:
            found = query_target(target, kind, term, limit)
        except TargetFailed as exc:
            with lock:
                failures[target.name] = exc.failure
            return
        except Exception as exc:  # a bug must not lose the other targets' answers
            log.exception("copycat target %s: unexpected error", target.name)
            with lock:
                failures[target.name] = Failure(target.name, "error", type(exc).__name__)
            return
        with lock:
            answers[target.name] = found

    threads = [threading.Thread(target=ask, args=(t,), daemon=True) for t in targets]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    hits = [hit for t in targets for hit in answers.get(t.name, [])]
    return hits, [failures[t.name] for t in targets if t.name in failures]


# --- trying a target (``shuwu-server targets test`` and the console's "Test") ----------------

PROBE_ISBN = "9787020002207"  # 红楼梦 (人民文学出版社): held by nearly every Chinese library


@dataclass(frozen=True)
class ProbeOutcome:
    target: str
    isbn: str
    seconds: float
    titles: tuple[str, ...]
    failure: Failure | None

    @property
    def ok(self) -> bool:
        return self.failure is None


def probe_target(target: Target, isbn: str = PROBE_ISBN) -> ProbeOutcome:
    """Connect and search one ISBN; blocking (call it off the event loop, outside any DB
    transaction)."""
    started = time.monotonic()
    try:
        hits = query_target(target, "isbn", isbn, 3)
    except TargetFailed as exc:
        return ProbeOutcome(
            target.name, isbn, round(time.monotonic() - started, 2), (), exc.failure
        )
    titles = tuple(str(h.fields.get("title")) for h in hits)
    return ProbeOutcome(target.name, isbn, round(time.monotonic() - started, 2), titles, None)
