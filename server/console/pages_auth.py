"""Sign in (rate-limited, double-submit CSRF), sign out, language switch."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from server.console import web
from server.console.i18n import LANGUAGES, translator
from server.db import writer
from server.services.errors import ServiceError, _
from server.services.staff_accounts import SESSION_LIFETIME, close_session, open_session
from server.services.staff_accounts import check_login as verify_login

router = APIRouter()


def _login_page(request: Request, status: int = 200, error: str = "") -> HTMLResponse:
    token = web.new_login_token()
    response = web.render(request, None, "login.html", status, login_csrf=token, error=error)
    web.set_cookie(request, response, web.LOGIN_CSRF_COOKIE, token, 3600)
    return response


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request) -> Response:
    return _login_page(request)


@router.post("/login", response_class=HTMLResponse)
def login(request: Request) -> Response:
    t = translator(web.language_of(request))
    data = web.form(request)
    if not web.tokens_match(data.get("csrf_token"), request.cookies.get(web.LOGIN_CSRF_COOKIE)):
        raise web.Refused(
            403, t(_("The form expired or did not come from this console. Try again."))
        )
    try:
        with writer(request.app.state.sessions) as s:
            staff = verify_login(
                s, data.get("name", ""), data.get("password", ""), web.client_address(request)
            )
            token = open_session(s, staff)[0] if staff is not None else None
    except ServiceError as exc:
        return _login_page(request, exc.status, exc.translated(t))
    if token is None:
        return _login_page(request, 401, t(_("Wrong name or password.")))
    response = RedirectResponse(web.PREFIX + "/", status_code=303)
    web.set_cookie(request, response, web.COOKIE, token, int(SESSION_LIFETIME.total_seconds()))
    response.delete_cookie(web.LOGIN_CSRF_COOKIE, path=web.PREFIX)
    return response


@router.post("/logout")
def logout(request: Request, ctx: web.CtxDep) -> Response:
    with ctx.write() as s:
        close_session(s, request.cookies.get(web.COOKIE, ""))
    response = RedirectResponse(web.PREFIX + "/login", status_code=303)
    response.delete_cookie(web.COOKIE, path=web.PREFIX)
    return response


@router.get("/lang")
def switch_language(request: Request, to: str = "zh_CN", back: str = "/") -> Response:
    # Only a path inside the console: never an open redirect.
    target = back if back.startswith("/") and not back.startswith("//") else "/"
    response = RedirectResponse(web.PREFIX + target, status_code=303)
    web.set_cookie(
        request, response, web.LANG_COOKIE, to if to in LANGUAGES else "zh_CN", 3600 * 24 * 365
    )
    return response
