"""The county server's HTTP API (FastAPI). See docs/sync-protocol.md for the contract."""

from __future__ import annotations

import json
import re
import zlib
from collections.abc import Awaitable, Callable
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import JSONResponse, Response
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from app import __version__
from app.i18n import _
from server import console, devices, feed, snapshot
from server import models as m
from server.copycat.api import router as copycat_router
from server.db import make_engine, session_factory, writer
from server.exceptions import list_exceptions
from server.ops import BatchError, apply_batch, parse_ops
from server.settings import is_training
from server.timeutil import iso, utcnow

MAX_BODY = 2 * 1024 * 1024


class ApiError(Exception):
    def __init__(self, status: int, error: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.error = error
        self.message = message


def _now() -> str:
    return iso(utcnow()) or ""


def _json(body: dict[str, Any]) -> Response:
    """A large JSON answer serialised directly (FastAPI's encoder walks every value in Python)."""
    data = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return Response(content=data, media_type="application/json")


def _error(status: int, error: str, message: str) -> JSONResponse:
    return JSONResponse({"error": error, "message": message, "server_time": _now()}, status)


async def _read_json(request: Request, gzip_allowed: bool = True) -> dict[str, Any]:
    """The request body as a JSON object, decompressed with a hard size cap."""
    length = request.headers.get("content-length")
    if length and length.isdigit() and int(length) > MAX_BODY:
        raise ApiError(413, "too_large", _("The request is larger than 2 MiB"))
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY:
            raise ApiError(413, "too_large", _("The request is larger than 2 MiB"))
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
    if not isinstance(data, dict):
        raise ApiError(400, "bad_request", _("The body must be a JSON object"))
    return data


def _bearer(request: Request) -> str:
    header = request.headers.get("authorization", "")
    if not header.lower().startswith("bearer ") or not header[7:].strip():
        raise ApiError(401, "unauthorized", _("This device is not enrolled with the county server"))
    return header[7:].strip()


def _device(session: Session, token: str) -> m.Device:
    found = devices.authenticate(session, token)
    if found == "revoked":
        raise ApiError(401, "revoked", _("This device was revoked by the county library"))
    if isinstance(found, str):
        raise ApiError(401, "unauthorized", _("This device is not enrolled with the county server"))
    return found


def _int_field(data: dict[str, Any], key: str, default: int | None = None) -> int:
    value = data.get(key, default)
    if not isinstance(value, int) or isinstance(value, bool):
        raise ApiError(400, "bad_request", _("{field} must be an integer").format(field=key))
    return value


def create_app(db_url: str) -> FastAPI:
    engine = make_engine(db_url)
    sessions: sessionmaker[Session] = session_factory(engine)
    app = FastAPI(title="Shuwu county server", version=__version__)
    app.state.sessions = sessions
    # Level 6, not Starlette's 9: nearly the same size at a third of the CPU on big feed pages.
    app.add_middleware(GZipMiddleware, minimum_size=500, compresslevel=6)

    @app.middleware("http")
    async def mark_ours(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        response = await call_next(request)
        response.headers["X-Shuwu-Server"] = "1"
        return response

    @app.exception_handler(ApiError)
    async def on_api_error(_request: Request, exc: ApiError) -> JSONResponse:
        return _error(exc.status, exc.error, exc.message)

    @app.exception_handler(BatchError)
    async def on_batch_error(_request: Request, exc: BatchError) -> JSONResponse:
        return _error(exc.status, exc.error, exc.message)

    @app.exception_handler(RequestValidationError)
    async def on_validation(_request: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(x) for x in first.get("loc", ()))
        return _error(422, "bad_request", f"{where}: {first.get('msg', '')}")

    @app.exception_handler(StarletteHTTPException)
    async def on_http(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = "not_found" if exc.status_code == 404 else "bad_request"
        return _error(exc.status_code, code, str(exc.detail))

    @app.get("/v1/hello")
    def hello() -> dict[str, Any]:
        with sessions() as s:
            training = is_training(s)
        return {
            "server": "shuwu",
            "version": __version__,
            "server_time": _now(),
            "training": training,
        }

    @app.post("/v1/enrol")
    async def enrol(request: Request) -> dict[str, Any]:
        data = await _read_json(request)
        code = data.get("code")
        if not isinstance(code, str) or not code.strip():
            raise ApiError(400, "bad_code", _("Enter the enrolment code from the county library"))
        name = data.get("device_name")

        def work() -> dict[str, Any]:
            with writer(sessions) as s:
                try:
                    device, token = devices.enrol(s, code, name if isinstance(name, str) else None)
                except devices.EnrolError as exc:
                    raise ApiError(400, "bad_code", str(exc)) from exc
                branch = s.scalar(select(m.Branch).where(m.Branch.code == device.branch_code))
                assert branch is not None
                return {
                    "device_id": device.id,
                    "token": token,
                    "epoch": device.epoch,
                    "branch": {
                        "code": branch.code,
                        "name": branch.name,
                        "kind": branch.kind,
                        "parent_code": branch.parent_code,
                        "barcode_range_start": branch.barcode_range_start,
                        "barcode_range_end": branch.barcode_range_end,
                    },
                    "server_time": _now(),
                    "training": is_training(s) or device.training,
                }

        return await run_in_threadpool(work)

    @app.post("/v1/devices/epoch")
    async def new_epoch(request: Request) -> dict[str, Any]:
        token = _bearer(request)

        def work() -> dict[str, Any]:
            with writer(sessions) as s:
                device = _device(s, token)
                device.epoch += 1
                return {"epoch": device.epoch, "server_time": _now()}

        return await run_in_threadpool(work)

    @app.post("/v1/ops/push")
    async def push(request: Request) -> dict[str, Any]:
        token = _bearer(request)
        data = await _read_json(request)
        device_id = _int_field(data, "device_id")
        epoch = _int_field(data, "epoch")
        offset = _int_field(data, "clock_offset_ms", 0)
        ops = parse_ops(data.get("ops"))

        def work() -> dict[str, Any]:
            with writer(sessions) as s:
                device = _device(s, token)
                if device.id != device_id:
                    raise ApiError(
                        409, "wrong_device", _("device_id does not match this device's token")
                    )
                if not 1 <= epoch <= device.epoch:
                    raise ApiError(
                        422, "bad_request", _("Unknown epoch {epoch}").format(epoch=epoch)
                    )
                results = apply_batch(s, device, epoch, ops, clock_offset_ms=offset)
            return {"results": results, "acked_through_seq": ops[-1].seq, "server_time": _now()}

        return await run_in_threadpool(work)

    @app.get("/v1/changes")
    async def changes(
        request: Request, cursor: int = 0, limit: int = 1000, until: int | None = None
    ) -> Response:
        token = _bearer(request)

        def work() -> Response:
            with sessions() as s, s.begin():
                device = _device(s, token)
                out = feed.page(s, device.branch_code, max(0, cursor), limit, until)
            return _json({**out, "server_time": _now()})

        return await run_in_threadpool(work)

    @app.get("/v1/snapshot")
    async def snapshot_summary(request: Request) -> dict[str, Any]:
        token = _bearer(request)

        def work() -> dict[str, Any]:
            with sessions() as s, s.begin():
                _device(s, token)
                out = snapshot.summary(s)
            return {**out, "server_time": _now()}

        return await run_in_threadpool(work)

    @app.get("/v1/snapshot/{entity}")
    async def snapshot_page(
        request: Request, entity: str, after: int = 0, limit: int = snapshot.DEFAULT_LIMIT
    ) -> Response:
        token = _bearer(request)
        if entity not in snapshot.ENTITIES:
            raise ApiError(404, "not_found", _("No such snapshot: {name}").format(name=entity))

        def work() -> Response:
            with sessions() as s, s.begin():
                _device(s, token)
                out = snapshot.page(s, entity, max(0, after), limit)
            return _json({**out, "server_time": _now()})

        return await run_in_threadpool(work)

    @app.get("/v1/exceptions")
    async def exceptions(request: Request, status: str = "open") -> dict[str, Any]:
        token = _bearer(request)
        if status not in ("open", "resolved", "all"):
            raise ApiError(400, "bad_request", _("status must be open, resolved or all"))

        def work() -> dict[str, Any]:
            with sessions() as s, s.begin():
                device = _device(s, token)
                rows = list_exceptions(s, device.branch_code, status)
            return {"exceptions": rows, "server_time": _now()}

        return await run_in_threadpool(work)

    @app.get("/v1/catalog/isbn/{isbn}")
    async def by_isbn(request: Request, isbn: str) -> dict[str, Any]:
        token = _bearer(request)
        wanted = re.sub(r"[^0-9Xx]", "", isbn).upper()

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

    @app.post("/v1/catalog/call-seq")
    async def call_seq(request: Request) -> dict[str, Any]:
        token = _bearer(request)
        data = await _read_json(request)
        class_no = data.get("class_no")
        if not isinstance(class_no, str) or not class_no.strip() or len(class_no) > 64:
            raise ApiError(400, "bad_request", _("class_no must be a 中图法 class number"))
        class_no = class_no.strip()

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
    return app


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
