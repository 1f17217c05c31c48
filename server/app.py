"""The county server's HTTP API (FastAPI). See docs/sync-protocol.md for the contract.

Every request and response is defined once in shuwu_shared.protocol. Every error, expected or
not, is the JSON envelope ``{"error", "message", "server_time"}`` with the ``X-Shuwu-Server``
header (how the client tells "our server said no" from "not our server"), never a traceback.
The device token is checked before a request body is read.
"""

from __future__ import annotations

import json
import logging
import re
import zlib
from collections.abc import Awaitable, Callable
from typing import Annotated, Any

from fastapi import FastAPI, Path, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import Response
from pydantic import ValidationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from server import console, devices, feed, ratelimit, snapshot
from server import models as m
from server.apidoc import install_openapi
from server.copycat.api import router as copycat_router
from server.db import (
    Contention,
    make_engine,
    parallel_writer,
    session_factory,
    supports_parallel,
    writer,
)
from server.exceptions import list_exceptions
from server.ops import BatchError, apply_batch, parse_ops, rowlocks
from server.settings import is_training
from server.timeutil import iso, utcnow
from shuwu_shared.branch import branch_fields
from shuwu_shared.i18n import _
from shuwu_shared.protocol import (
    ERROR_HEADER,
    MAX_BODY,
    CallSeqRequest,
    ChangesQuery,
    CopiesQuery,
    EnrolRequest,
    ErrorEnvelope,
    ExceptionsQuery,
    IndexQuery,
    PushEnvelope,
    SnapshotQuery,
    describe,
)
from shuwu_shared.protocol import messages as msg
from shuwu_shared.protocol.index import COMPRESSION_HEADER, INDEX_MEDIA_TYPE
from shuwu_shared.protocol.index import compress as compress_index
from shuwu_shared.version import __version__

log = logging.getLogger(__name__)


class ApiError(Exception):
    def __init__(
        self,
        status: int,
        error: str,
        message: str,
        op_index: int | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.error = error
        self.message = message
        self.op_index = op_index
        self.headers = headers or {}


def _now() -> str:
    return iso(utcnow()) or ""


def _packed(page: dict[str, Any], compression: str) -> Response:
    """A compressed index or copies page (zstd when asked for and available, else gzip)."""
    body = json.dumps(page, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    packed, method = compress_index(body, compression)
    headers = {COMPRESSION_HEADER: method}
    return Response(content=packed, media_type=INDEX_MEDIA_TYPE, headers=headers)


def _json(body: dict[str, Any]) -> Response:
    """A large JSON answer serialised directly (FastAPI's encoder walks every value in Python)."""
    data = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return Response(content=data, media_type="application/json")


def _error(
    status: int,
    error: str,
    message: str,
    op_index: int | None = None,
    headers: dict[str, str] | None = None,
) -> Response:
    body: dict[str, Any] = {"error": error, "message": message, "server_time": _now()}
    if op_index is not None:
        body["op_index"] = op_index
    # "replace": a message can never make the error answer itself fail (a lone surrogate).
    data = json.dumps(body, ensure_ascii=False).encode("utf-8", "replace")
    return Response(
        content=data,
        status_code=status,
        media_type="application/json",
        headers={ERROR_HEADER: "1", **(headers or {})},
    )


def _validation_message(exc: ValidationError | RequestValidationError) -> str:
    errors = exc.errors()
    if not errors:
        return _("The request is not valid")
    first = dict(errors[0])
    loc = first.get("loc", ())
    # FastAPI prefixes "query"/"path"/"body": keep it, it tells where to look.
    return describe({**first, "loc": loc})


async def _read_json(request: Request, gzip_allowed: bool = True) -> dict[str, Any]:
    """The request body as a JSON object, decompressed with a hard size cap."""
    too_large = ApiError(413, "too_large", _("The request is larger than 2 MiB"))
    length = request.headers.get("content-length")
    if length and length.isdigit() and int(length) > MAX_BODY:
        raise too_large
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY:
            raise too_large
        chunks.append(chunk)
    body = b"".join(chunks)
    if request.headers.get("content-encoding", "").lower() == "gzip" and gzip_allowed:
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            body = inflater.decompress(body, MAX_BODY + 1)
        except zlib.error as exc:
            raise ApiError(400, "bad_request", _("The body is not valid gzip")) from exc
        if len(body) > MAX_BODY or inflater.unconsumed_tail:
            raise ApiError(413, "too_large", _("The request is larger than 2 MiB uncompressed"))
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ApiError(400, "bad_request", _("The body is not valid JSON")) from exc
    except RecursionError as exc:
        raise ApiError(400, "bad_request", _("The body is nested too deeply")) from exc
    if not isinstance(data, dict):
        raise ApiError(400, "bad_request", _("The body must be a JSON object"))
    return data


def _bearer(request: Request) -> str:
    header = request.headers.get("authorization", "")
    token = header[7:].strip()
    if not header.lower().startswith("bearer ") or not token or len(token) > 200:
        raise ApiError(401, "unauthorized", _("This device is not enrolled with the county server"))
    return token


def _device(session: Session, token: str) -> m.Device:
    found = devices.authenticate(session, token)
    if found == "revoked":
        raise ApiError(401, "revoked", _("This device was revoked by the county library"))
    if isinstance(found, str):
        raise ApiError(401, "unauthorized", _("This device is not enrolled with the county server"))
    return found


def _client_address(request: Request) -> str:
    return request.client.host if request.client else "?"


def _too_many(seconds: int) -> ApiError:
    minutes = max(1, (seconds + 59) // 60)
    return ApiError(
        429,
        "too_many_attempts",
        _(
            "Too many failed enrolment attempts. Wait {minutes} minutes, then check the code"
            " with the county library."
        ).format(minutes=minutes),
        headers={"Retry-After": str(seconds)},
    )


ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorEnvelope, "description": text}
    for code, text in (
        (400, "Bad request (the envelope says what)"),
        (401, "Unknown or revoked device token"),
        (413, "Body over 2 MiB or over 500 ops"),
        (422, "A value does not fit the protocol"),
        (429, "Too many failed enrolment attempts"),
    )
}


def create_app(db_url: str) -> FastAPI:
    engine = make_engine(db_url)
    sessions: sessionmaker[Session] = session_factory(engine)
    app = FastAPI(title="Shuwu county server", version=__version__)
    app.state.sessions = sessions
    by_address = ratelimit.FailureLimiter(ratelimit.PER_ADDRESS)
    by_code = ratelimit.FailureLimiter(ratelimit.PER_CODE)
    # Level 6, not Starlette's 9: nearly the same size at a third of the CPU on big feed pages.
    app.add_middleware(
        GZipMiddleware,
        minimum_size=500,
        compresslevel=6,
        # Desk index pages are compressed already (zstd or gzip, shuwu_shared.protocol.index).
        exclude_content_types=("text/event-stream", INDEX_MEDIA_TYPE),
    )

    @app.middleware("http")
    async def mark_ours(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        response = await call_next(request)
        response.headers[ERROR_HEADER] = "1"
        return response

    @app.exception_handler(ApiError)
    async def on_api_error(_request: Request, exc: ApiError) -> Response:
        return _error(exc.status, exc.error, exc.message, exc.op_index, exc.headers)

    @app.exception_handler(BatchError)
    async def on_batch_error(_request: Request, exc: BatchError) -> Response:
        return _error(exc.status, exc.error, exc.message, exc.op_index)

    @app.exception_handler(RequestValidationError)
    async def on_validation(_request: Request, exc: RequestValidationError) -> Response:
        return _error(422, "bad_request", _validation_message(exc))

    @app.exception_handler(StarletteHTTPException)
    async def on_http(_request: Request, exc: StarletteHTTPException) -> Response:
        code = "not_found" if exc.status_code == 404 else "bad_request"
        if exc.status_code == 405:
            code = "method_not_allowed"
        return _error(exc.status_code, code, str(exc.detail))

    @app.exception_handler(Exception)
    async def on_unexpected(request: Request, exc: Exception) -> Response:
        # Logged here with its type only: no payload, no personal data, no traceback out.
        log.error("unexpected %s on %s", type(exc).__name__, request.url.path)
        return _error(500, "internal_error", _("The county server met an unexpected error"))

    @app.get("/v1/hello", responses={200: {"model": msg.HelloResponse}})
    def hello() -> dict[str, Any]:
        with sessions() as s:
            training = is_training(s)
        return {
            "server": "shuwu",
            "version": __version__,
            "server_time": _now(),
            "training": training,
        }

    @app.post(
        "/v1/enrol",
        responses={200: {"model": msg.EnrolResponse}, **ERRORS},
        openapi_extra={"x-shuwu-body": "EnrolRequest"},
    )
    async def enrol(request: Request) -> dict[str, Any]:
        address = _client_address(request)
        wait = by_address.retry_after(address)
        if wait:
            raise _too_many(wait)
        try:
            data = await _read_json(request)
            try:
                body = EnrolRequest.model_validate(data)
            except ValidationError as exc:
                if any(e.get("loc", ())[:1] == ("code",) for e in exc.errors()):
                    raise ApiError(
                        400, "bad_code", _("Enter the enrolment code from the county library")
                    ) from None
                raise ApiError(422, "bad_request", _validation_message(exc)) from None
            code = devices.normalise_code(body.code)
            if not code:
                raise ApiError(
                    400, "bad_code", _("Enter the enrolment code from the county library")
                )
        except ApiError:
            by_address.failed(address)
            raise
        wait = by_code.retry_after(code)
        if wait:
            by_address.failed(address)
            raise _too_many(wait)

        def work() -> dict[str, Any]:
            with writer(sessions) as s:
                try:
                    device, token = devices.enrol(s, code, body.device_name)
                except devices.EnrolError as exc:
                    raise ApiError(400, "bad_code", str(exc)) from exc
                branch = s.scalar(select(m.Branch).where(m.Branch.code == device.branch_code))
                assert branch is not None
                return {
                    "device_id": device.id,
                    "token": token,
                    "epoch": device.epoch,
                    "branch": branch_fields(branch),
                    "server_time": _now(),
                    "training": is_training(s) or device.training,
                }

        try:
            return await run_in_threadpool(work)
        except ApiError:
            by_address.failed(address)
            by_code.failed(code)
            raise

    async def authenticated(request: Request) -> str:
        """The bearer token, checked against the database before any body is read."""
        token = _bearer(request)

        def check() -> None:
            with sessions() as s, s.begin():
                _device(s, token)

        await run_in_threadpool(check)
        return token

    @app.post(
        "/v1/devices/epoch",
        responses={200: {"model": msg.EpochResponse}, **ERRORS},
        openapi_extra={"x-shuwu-body": "EpochRequest", "x-shuwu-body-optional": True},
    )
    async def new_epoch(request: Request) -> dict[str, Any]:
        token = _bearer(request)

        def work() -> dict[str, Any]:
            with writer(sessions) as s:
                device = _device(s, token)
                device.epoch += 1
                return {"epoch": device.epoch, "server_time": _now()}

        return await run_in_threadpool(work)

    @app.post(
        "/v1/ops/push",
        responses={200: {"model": msg.PushResponse}, 409: {"model": ErrorEnvelope}, **ERRORS},
        openapi_extra={"x-shuwu-body": "PushRequest"},
    )
    async def push(request: Request) -> dict[str, Any]:
        token = await authenticated(request)
        data = await _read_json(request)
        try:
            envelope = PushEnvelope.model_validate(data)
        except ValidationError as exc:
            status = 413 if _too_many_ops(exc) else 400
            error = "too_large" if status == 413 else "bad_request"
            raise ApiError(status, error, _validation_message(exc)) from None
        ops = parse_ops(envelope.ops)

        def attempt(s: Session, parallel: bool) -> list[dict[str, Any]]:
            device = _device(s, token)
            if device.id != envelope.device_id:
                raise ApiError(
                    409, "wrong_device", _("device_id does not match this device's token")
                )
            if not 1 <= envelope.epoch <= device.epoch:
                raise ApiError(
                    422,
                    "bad_epoch",
                    _("Unknown epoch {epoch}").format(epoch=envelope.epoch),
                )
            return apply_batch(
                s,
                device,
                envelope.epoch,
                ops,
                clock_offset_ms=envelope.clock_offset_ms,
                lock_rows=parallel,
            )

        def work() -> dict[str, Any]:
            results: list[dict[str, Any]] | None = None
            # PostgreSQL: circulation and registrations run beside other pushes; anything
            # else, or a push that met another writer, runs serialised (server/db.py).
            if supports_parallel(sessions) and rowlocks.parallel_ok(ops):
                try:
                    with parallel_writer(sessions, envelope.device_id) as s:
                        results = attempt(s, True)
                except Contention:
                    results = None
            if results is None:
                with writer(sessions) as s:
                    results = attempt(s, False)
            return {"results": results, "acked_through_seq": ops[-1].seq, "server_time": _now()}

        return await run_in_threadpool(work)

    @app.get("/v1/changes", responses={200: {"model": msg.ChangesResponse}, **ERRORS})
    async def changes(request: Request, query: Annotated[ChangesQuery, Query()]) -> Response:
        token = _bearer(request)

        def work() -> Response:
            with sessions() as s, s.begin():
                device = _device(s, token)
                out = feed.page(s, device.branch_code, query.cursor, query.limit, query.until)
            return _json({**out, "server_time": _now()})

        return await run_in_threadpool(work)

    @app.get("/v1/snapshot", responses={200: {"model": msg.SnapshotSummary}, **ERRORS})
    async def snapshot_summary(request: Request) -> dict[str, Any]:
        token = _bearer(request)

        def work() -> dict[str, Any]:
            with sessions() as s, s.begin():
                _device(s, token)
                out = snapshot.summary(s)
            return {**out, "server_time": _now()}

        return await run_in_threadpool(work)

    @app.get(
        "/v1/snapshot/index",
        responses={
            200: {
                "content": {INDEX_MEDIA_TYPE: {}},
                "description": "A compressed shuwu-index/1 page (msg.ItemIndexPage)",
            },
            **ERRORS,
        },
    )
    async def snapshot_index(request: Request, query: Annotated[IndexQuery, Query()]) -> Response:
        token = _bearer(request)

        def work() -> Response:
            with sessions() as s, s.begin():
                branch = _device(s, token).branch_code
                out = snapshot.index_page(s, query.after, query.limit, _now(), query.scope, branch)
            return _packed(out, query.compression)

        return await run_in_threadpool(work)

    @app.get(
        "/v1/snapshot/copies",
        responses={
            200: {
                "content": {INDEX_MEDIA_TYPE: {}},
                "description": "A compressed shuwu-copies/1 page (msg.CopiesPage)",
            },
            **ERRORS,
        },
    )
    async def snapshot_copies(request: Request, query: Annotated[CopiesQuery, Query()]) -> Response:
        token = _bearer(request)

        def work() -> Response:
            with sessions() as s, s.begin():
                _device(s, token)
                out = snapshot.copies_page(s, query.after, query.limit)
            return _packed(out, query.compression)

        return await run_in_threadpool(work)

    @app.get(
        "/v1/snapshot/{entity}",
        responses={200: {"model": msg.SnapshotPage}, 404: {"model": ErrorEnvelope}, **ERRORS},
    )
    async def snapshot_page(
        request: Request,
        entity: Annotated[str, Path(max_length=16)],
        query: Annotated[SnapshotQuery, Query()],
    ) -> Response:
        token = _bearer(request)
        if entity not in snapshot.ENTITIES:
            raise ApiError(404, "not_found", _("No such snapshot: {name}").format(name=entity))

        def work() -> Response:
            with sessions() as s, s.begin():
                _device(s, token)
                out = snapshot.page(s, entity, query.after, query.limit, query.keys)
            return _json({**out, "server_time": _now()})

        return await run_in_threadpool(work)

    @app.get("/v1/exceptions", responses={200: {"model": msg.ExceptionsResponse}, **ERRORS})
    async def exceptions(request: Request, query: Annotated[ExceptionsQuery, Query()]) -> Any:
        token = _bearer(request)

        def work() -> dict[str, Any]:
            with sessions() as s, s.begin():
                device = _device(s, token)
                rows = list_exceptions(s, device.branch_code, query.status)
            return {"exceptions": rows, "server_time": _now()}

        return await run_in_threadpool(work)

    @app.get(
        "/v1/catalog/isbn/{isbn}",
        responses={200: {"model": msg.IsbnResponse}, 404: {"model": ErrorEnvelope}, **ERRORS},
    )
    async def by_isbn(request: Request, isbn: Annotated[str, Path(max_length=64)]) -> Any:
        token = _bearer(request)
        wanted = re.sub(r"[^0-9Xx]", "", isbn).upper()[:17]

        def work() -> dict[str, Any]:
            with sessions() as s, s.begin():
                _device(s, token)
                bib = s.scalar(select(m.Bib).where(m.Bib.isbn == wanted).order_by(m.Bib.id))
                if bib is None:
                    raise ApiError(
                        404,
                        "not_found",
                        _("ISBN {isbn} is not in the union catalogue").format(isbn=wanted),
                    )
                count = s.scalar(select(func.count()).where(m.Item.bib_id == bib.id)) or 0
                return {
                    **feed.bib_data(bib),
                    "version": bib.version,
                    "items_count": count,
                    "server_time": _now(),
                }

        return await run_in_threadpool(work)

    @app.post(
        "/v1/catalog/call-seq",
        responses={200: {"model": msg.CallSeqResponse}, **ERRORS},
        openapi_extra={"x-shuwu-body": "CallSeqRequest"},
    )
    async def call_seq(request: Request) -> dict[str, Any]:
        token = await authenticated(request)
        data = await _read_json(request)
        try:
            class_no = CallSeqRequest.model_validate(data).class_no.strip()
        except ValidationError:
            raise ApiError(
                400, "bad_request", _("class_no must be a 中图法 class number")
            ) from None
        if not class_no:
            raise ApiError(400, "bad_request", _("class_no must be a 中图法 class number"))

        def work() -> dict[str, Any]:
            with writer(sessions) as s:
                _device(s, token)
                return {
                    "class_no": class_no,
                    "seq": reserve_call_seq(s, class_no),
                    "server_time": _now(),
                }

        return await run_in_threadpool(work)

    # Copy cataloguing from external Z39.50/SRU targets (server/copycat, h15b).
    app.include_router(copycat_router)

    # --- County console (server/console/, issue 18): the staff web interface at /console/ ---
    console.mount(app)
    install_openapi(app)
    return app


def _too_many_ops(exc: ValidationError) -> bool:
    return any(
        e.get("loc", ())[:1] == ("ops",) and e.get("type") == "too_long" for e in exc.errors()
    )


def reserve_call_seq(session: Session, class_no: str) -> int:
    """The next free 种次号 of ``class_no`` county-wide, reserved."""
    counter = session.get(m.CallSeq, class_no)
    if counter is None:
        counter = m.CallSeq(class_no=class_no, last_seq=0)
        session.add(counter)
    highest = counter.last_seq
    prefix = class_no + "/"
    numbers = session.scalars(
        select(m.Item.call_number).where(
            m.Item.call_number.like(
                prefix.replace("%", r"\%").replace("_", r"\_") + "%", escape="\\"
            )
        )
    )
    for call_number in numbers:
        if call_number is None:
            continue
        match = re.match(r"(\d+)", call_number[len(prefix) :])
        if match:
            highest = max(highest, int(match.group(1)))
    counter.last_seq = highest + 1
    return counter.last_seq
