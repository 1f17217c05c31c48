"""Console plumbing: who is asking (session cookie), CSRF, language, rendering, refusals."""

from __future__ import annotations

import hmac
import json
import secrets
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from sqlalchemy.orm import Session, sessionmaker

from server.console.i18n import pick_language, translator
from server.db import writer
from server.services.errors import _
from server.services.scope import visible_branches
from server.services.staff_accounts import Staff, session_staff
from server.timeutil import utcnow

PREFIX = "/console"
COOKIE = "shuwu_console"
LOGIN_CSRF_COOKIE = "shuwu_console_login"
LANG_COOKIE = "shuwu_console_lang"
MAX_FORM_FIELDS = 200

PERMISSIONS: dict[str, frozenset[str]] = {
    "admin": frozenset({"view", "resolve", "manage", "unmask"}),
    "supervisor": frozenset({"view", "resolve", "unmask"}),
    "readonly": frozenset({"view"}),
}

templates = Jinja2Templates(directory=str(Path(__file__).with_name("templates")))
BEIJING = timedelta(hours=8)  # China has one time zone and no daylight saving


def beijing(moment: datetime | None, seconds: bool = False) -> str:
    """A stored UTC time as staff read it: Beijing time, ``2026-11-30 16:49``."""
    if moment is None:
        return ""
    return (moment.astimezone(UTC) + BEIJING).strftime(
        "%Y-%m-%d %H:%M" + (":%S" if seconds else "")
    )


def beijing_date(moment: datetime | None) -> str:
    return (moment.astimezone(UTC) + BEIJING).strftime("%Y-%m-%d") if moment else ""


def readable_json(value: object) -> str:
    """Audit details as staff read them: Chinese kept, not \\u-escaped (autoescaped later)."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


templates.env.filters["bj"] = beijing
templates.env.filters["readable_json"] = readable_json
templates.env.filters["bjdate"] = beijing_date


class Redirect(Exception):
    def __init__(self, location: str) -> None:
        super().__init__(location)
        self.location = location


class Refused(Exception):
    """An HTML refusal page (403 forbidden, 404 not found, 400 bad input, 429 too many)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass(frozen=True)
class Ctx:
    staff: Staff
    csrf: str
    lang: str
    t: Callable[[str], str]
    scope: set[str] | None  # None: every branch
    sessions: sessionmaker[Session]
    address: str

    def can(self, permission: str) -> bool:
        return permission in PERMISSIONS.get(self.staff.role, frozenset())

    def require(self, permission: str) -> None:
        if not self.can(permission):
            raise Refused(403, self.t("Your role may not do this."))

    def sees(self, branch_code: str | None) -> bool:
        return self.scope is None or (branch_code is not None and branch_code in self.scope)

    def sees_any(self, codes: list[str] | set[str]) -> bool:
        return self.scope is None or bool(set(codes) & self.scope)

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self.sessions() as s, s.begin():
            yield s

    @contextmanager
    def write(self) -> Iterator[Session]:
        with writer(self.sessions) as s:
            yield s

    @property
    def actor(self) -> str:
        return self.staff.name


def language_of(request: Request) -> str:
    return pick_language(request.cookies.get(LANG_COOKIE), request.headers.get("accept-language"))


def client_address(request: Request) -> str:
    return request.client.host if request.client else "?"


def secure_cookies(request: Request) -> bool:
    return request.url.scheme == "https"


def _bad_text(value: str) -> bool:
    # NUL is refused by PostgreSQL text columns; lone surrogates cannot be stored as UTF-8.
    return "\x00" in value or any("\ud800" <= c <= "\udfff" for c in value)


async def read_form(request: Request) -> None:
    """Router dependency: every POST's form is parsed once (size-capped) and kept for checks;
    input no database can store is refused here, before any handler sees it."""
    texts = [*request.query_params.values(), *request.path_params.values()]
    if request.method == "POST":
        form = await request.form(max_files=1, max_fields=MAX_FORM_FIELDS)
        request.state.form = form
        texts += [v for v in form.values() if isinstance(v, str)]
    if any(_bad_text(str(v)) for v in texts):
        t = translator(language_of(request))
        raise Refused(400, t(_("The input contains characters that cannot be stored.")))


def form(request: Request) -> dict[str, str]:
    raw = getattr(request.state, "form", None)
    if raw is None:
        return {}
    return {k: v for k, v in raw.items() if isinstance(v, str)}


def tokens_match(given: str | None, expected: str | None) -> bool:
    if not given or not expected:
        return False
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


def get_ctx(request: Request) -> Ctx:
    """The signed-in staff member; every POST must carry the session's CSRF token."""
    sessions: sessionmaker[Session] = request.app.state.sessions
    lang = language_of(request)
    t = translator(lang)
    token = request.cookies.get(COOKIE, "")
    with sessions() as s, s.begin():
        found = session_staff(s, token)
        if found is None:
            if request.method == "POST":
                raise Refused(403, t(_("Your session has ended. Sign in again.")))
            raise Redirect(f"{PREFIX}/login")
        staff, csrf = found
        scope = visible_branches(s, staff.role, staff.branch_code)
    if request.method == "POST" and not tokens_match(form(request).get("csrf_token"), csrf):
        raise Refused(403, t(_("The form expired or did not come from this console. Try again.")))
    return Ctx(staff, csrf, lang, t, scope, sessions, client_address(request))


CtxDep = Annotated[Ctx, Depends(get_ctx)]

NAV = (
    ("overview", "/", "Overview"),
    ("branches", "/branches", "Branches and devices"),
    ("conflicts", "/conflicts", "Conflicts"),
    ("catalogue", "/catalogue", "Union catalogue"),
    ("policies", "/policies", "Policies"),
    ("reports", "/reports", "Reports"),
    ("staff", "/staff", "Staff accounts"),
)


def render(
    request: Request, ctx: Ctx | None, name: str, status: int = 200, **values: Any
) -> HTMLResponse:
    lang = ctx.lang if ctx else language_of(request)
    t = ctx.t if ctx else translator(lang)
    response = templates.TemplateResponse(
        request,
        name,
        {
            "_": t,
            "ctx": ctx,
            "lang": lang,
            "P": PREFIX,
            "nav": NAV,
            "csrf": ctx.csrf if ctx else "",
            "now": utcnow(),
            **values,
        },
        status_code=status,
    )
    response.headers["Cache-Control"] = "no-store"
    return response


def redirect(path: str) -> RedirectResponse:
    return RedirectResponse(PREFIX + path, status_code=303)


def new_login_token() -> str:
    return secrets.token_urlsafe(24)


def set_cookie(request: Request, response: Response, name: str, value: str, max_age: int) -> None:
    response.set_cookie(
        name,
        value,
        max_age=max_age,
        path=PREFIX,
        httponly=True,
        samesite="strict",
        secure=secure_cookies(request),
    )
