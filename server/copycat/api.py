"""HTTP endpoints of copy cataloguing (device auth as every other endpoint).

``GET /v1/copycat/isbn/{isbn}``: union catalogue → county cache → targets in priority order.
``GET /v1/copycat/search?q=&field=title|author|any|isbn&limit=``: every target at once.
Both answer with the targets that failed, so a client can say which source was down.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from sqlalchemy.orm import Session, sessionmaker
from starlette.concurrency import run_in_threadpool

from server import devices
from server.copycat import lookup
from server.copycat.targets import list_targets
from server.timeutil import iso, utcnow
from shuwu_shared.domain.isbn import try_normalise_isbn
from shuwu_shared.i18n import _
from shuwu_shared.protocol import ErrorEnvelope

router = APIRouter()
MAX_QUERY = 200
MAX_LIMIT = 20


def _error(status: int, error: str, message: str, **extra: Any) -> JSONResponse:
    body = {"error": error, "message": message, "server_time": iso(utcnow()), **extra}
    return JSONResponse(body, status)


def _sessions(request: Request) -> sessionmaker[Session]:
    sessions: sessionmaker[Session] = request.app.state.sessions
    return sessions


def _authorised(request: Request) -> JSONResponse | None:
    """None when the bearer token is a live device's; the error answer otherwise."""
    header = request.headers.get("authorization", "")
    token = header[7:].strip() if header.lower().startswith("bearer ") else ""
    if not token:
        return _error(401, "unauthorized", _("This device is not enrolled with the county server"))
    with _sessions(request)() as s, s.begin():
        found = devices.authenticate(s, token)
    if found == "revoked":
        return _error(401, "revoked", _("This device was revoked by the county library"))
    if isinstance(found, str):
        return _error(401, "unauthorized", _("This device is not enrolled with the county server"))
    return None


# The refusals these endpoints give, in the server's error envelope (documented in OpenAPI).
_ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorEnvelope, "description": text}
    for code, text in (
        (400, "Not an ISBN or not a query (the envelope says what)"),
        (401, "Unknown or revoked device token"),
        (422, "A value does not fit the protocol"),
    )
}


@router.get("/v1/copycat/isbn/{isbn}", responses=_ERRORS)
async def copycat_isbn(request: Request, isbn: str) -> Any:
    refused = await run_in_threadpool(_authorised, request)
    if refused is not None:
        return refused
    isbn13 = try_normalise_isbn(isbn[:40])
    if isbn13 is None:
        return _error(400, "bad_request", _("{isbn} is not a valid ISBN").format(isbn=isbn[:40]))
    answer = await run_in_threadpool(lookup.lookup_isbn, _sessions(request), isbn13)
    failed = [f.to_json() for f in answer.failed]
    if answer.origin == "union":
        return _error(
            409, "in_union", _("ISBN {isbn} is in the union catalogue").format(isbn=isbn13)
        )
    if answer.hit is None:
        return _error(
            404,
            "not_found",
            _("No target has ISBN {isbn}").format(isbn=isbn13),
            isbn=isbn13,
            failed=failed,
        )
    return {
        "isbn": isbn13,
        "origin": {
            "kind": answer.origin,
            "target": answer.hit.target,
            "protocol": answer.hit.protocol,
            "syntax": answer.hit.syntax,
            "fetched_at": answer.fetched_at,
        },
        **answer.hit.to_json(),
        "failed": failed,
        "server_time": iso(utcnow()),
    }


@router.get("/v1/copycat/search", responses=_ERRORS)
async def copycat_search(request: Request, q: str = "", field: str = "any", limit: int = 10) -> Any:
    refused = await run_in_threadpool(_authorised, request)
    if refused is not None:
        return refused
    query = q.strip()
    if not query or len(query) > MAX_QUERY or any(ord(c) < 32 for c in query):
        return _error(400, "bad_request", _("Enter a title, author or ISBN to search for"))
    if field not in lookup.KINDS:
        return _error(400, "bad_request", _("field must be title, author, any or isbn"))
    limit = max(1, min(MAX_LIMIT, limit))

    def work() -> dict[str, Any]:
        with _sessions(request)() as s, s.begin():
            targets = list_targets(s, enabled_only=True)
        hits, failed = lookup.search_targets(targets, field, query, limit)
        return {
            "query": query,
            "field": field,
            "targets": [t.name for t in targets],
            "results": [hit.to_json() for hit in hits],
            "failed": [f.to_json() for f in failed],
            "server_time": iso(utcnow()),
        }

    return await run_in_threadpool(work)
