"""Central cataloguing in the console: upload a MARC file → preview → confirm (admins only).

The uploaded file waits server-side between preview and confirm, in a temporary file named by
a random token and the staff member's account (the form carries only the token), and is
deleted on confirm or cancel, or after an hour.
"""

from __future__ import annotations

import hashlib
import secrets
import tempfile
import time
from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from starlette.datastructures import UploadFile

from server.console import marc_import, web
from server.services.audit import audit
from server.services.errors import _
from shuwu_shared.errors import UserInputError

router = APIRouter()
ENCODINGS = ("auto", "utf-8", "gb18030", "marc8")
KEEP_SECONDS = 3600
SHOWN_ROWS = 200


def upload_dir() -> Path:
    folder = Path(tempfile.gettempdir()) / "shuwu-console-marc"
    folder.mkdir(mode=0o700, exist_ok=True)
    return folder


def _staged(ctx: web.Ctx, token: str) -> Path | None:
    """The upload of this staff member under this token (None for a forged or old token)."""
    if not token or not token.replace("-", "").replace("_", "").isalnum() or len(token) > 64:
        return None
    owner = hashlib.sha256(ctx.staff.name.encode("utf-8")).hexdigest()[:16]
    return upload_dir() / f"{owner}-{token}"


def _forget_old() -> None:
    limit = time.time() - KEEP_SECONDS
    for old in upload_dir().iterdir():
        try:
            if old.stat().st_mtime < limit:
                old.unlink()
        except OSError:
            pass


def _page(
    request: Request,
    ctx: web.Ctx,
    status: int = 200,
    error: str = "",
    result: marc_import.Preview | None = None,
    token: str = "",
    encoding: str = "auto",
    outcome: marc_import.Outcome | None = None,
) -> Response:
    return web.render(
        request,
        ctx,
        "marc_import.html",
        status,
        active="catalogue",
        error=error,
        result=result,
        token=token,
        encoding=encoding,
        encodings=ENCODINGS,
        outcome=outcome,
        on_match_choices=marc_import.ON_MATCH,
        shown=SHOWN_ROWS,
        max_mb=marc_import.MAX_FILE_BYTES // (1024 * 1024),
    )


@router.get("/catalogue-import", response_class=HTMLResponse)
def import_form(request: Request, ctx: web.CtxDep) -> Response:
    ctx.require("manage")
    return _page(request, ctx)


def _encoding(request: Request) -> str:
    value = web.form(request).get("encoding", "auto")
    return value if value in ENCODINGS else "auto"


@router.post("/catalogue-import/preview", response_class=HTMLResponse)
async def import_preview(request: Request, ctx: web.CtxDep) -> Response:
    ctx.require("manage")
    encoding = _encoding(request)
    upload = getattr(request.state, "form", {}).get("file")
    if not isinstance(upload, UploadFile):
        return _page(request, ctx, 400, ctx.t(_("Choose a MARC file to import.")))
    data = await upload.read(marc_import.MAX_FILE_BYTES + 1)
    if len(data) > marc_import.MAX_FILE_BYTES:
        message = ctx.t(_("The file is larger than {mb} MB; split it and import the parts."))
        return _page(request, ctx, 400, message.format(mb=marc_import.MAX_FILE_BYTES >> 20))
    try:
        with ctx.read() as s:
            result = marc_import.preview(s, data, encoding)
    except UserInputError as exc:
        return _page(request, ctx, 400, exc.message, encoding=encoding)
    _forget_old()
    token = secrets.token_urlsafe(24)
    path = _staged(ctx, token)
    assert path is not None
    path.write_bytes(data)
    path.chmod(0o600)
    return _page(request, ctx, result=result, token=token, encoding=encoding)


@router.post("/catalogue-import/confirm", response_class=HTMLResponse)
def import_confirm(request: Request, ctx: web.CtxDep) -> Response:
    ctx.require("manage")
    encoding = _encoding(request)
    path = _staged(ctx, web.form(request).get("token", ""))
    if path is None or not path.is_file():
        message = ctx.t(_("This preview has expired. Upload the file again."))
        return _page(request, ctx, 400, message)
    on_match = web.form(request).get("on_match", "skip")
    if on_match not in marc_import.ON_MATCH:
        on_match = "skip"
    data = path.read_bytes()
    try:
        with ctx.write() as s:
            result = marc_import.preview(s, data, encoding)
            outcome = marc_import.commit(s, result, on_match)
            audit(
                s,
                ctx.actor,
                "catalogue.import",
                None,
                created=len(outcome.created),
                merged=len(outcome.merged),
                matched=result.count("matched"),
                on_match=on_match,
                skipped=result.count("skipped"),
                bytes=len(data),
            )
    except UserInputError as exc:
        return _page(request, ctx, 400, exc.message, encoding=encoding)
    finally:
        path.unlink(missing_ok=True)
    return _page(request, ctx, result=result, outcome=outcome)


@router.post("/catalogue-import/cancel")
def import_cancel(request: Request, ctx: web.CtxDep) -> Response:
    ctx.require("manage")
    path = _staged(ctx, web.form(request).get("token", ""))
    if path is not None:
        path.unlink(missing_ok=True)
    return web.redirect("/catalogue-import")
