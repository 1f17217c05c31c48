"""The county console: a staff web interface at /console/ (server-rendered Jinja2, no build step).

``mount(app)`` adds it to the county server (server/app.py). Security: argon2 passwords,
server-side sessions (HttpOnly, SameSite=Strict, Secure under https), a CSRF token on every POST,
login rate limiting, an audit entry for every change and every unmasking of a reader's phone.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from fastapi import APIRouter, Depends, FastAPI, Request
from fastapi.responses import RedirectResponse, Response
from fastapi.staticfiles import StaticFiles

from server.console.i18n import translator
from server.services.errors import _

PAGES = (
    "pages_auth",
    "pages_network",
    "pages_conflicts",
    "pages_catalogue",
    "pages_targets",
    "pages_marc",
    "pages_policies",
    "pages_reports",
    "pages_staff",
)


def routers() -> list[APIRouter]:
    # Imported here: this package's models are also used by server.services (no import cycle).
    return [importlib.import_module(f"server.console.{name}").router for name in PAGES]


def mount(app: FastAPI) -> None:
    from server.console import web

    for router in routers():
        app.include_router(
            router,
            prefix=web.PREFIX,
            dependencies=[Depends(web.read_form)],
            include_in_schema=False,
        )
    app.mount(
        web.PREFIX + "/static",
        StaticFiles(directory=str(Path(__file__).with_name("static"))),
        name="console-static",
    )

    @app.get(web.PREFIX, include_in_schema=False)
    def console_root() -> Response:
        return RedirectResponse(web.PREFIX + "/", status_code=307)

    @app.api_route(web.PREFIX + "/{rest:path}", methods=["GET", "POST"], include_in_schema=False)
    def console_not_found(request: Request, rest: str) -> Response:
        # Staff see a page, not the devices' JSON envelope, for a mistyped console address.
        t = translator(web.language_of(request))
        return web.render(request, None, "error.html", 404, message=t(_("Not found.")))

    @app.exception_handler(web.Redirect)
    async def on_redirect(_request: Request, exc: web.Redirect) -> Response:
        return RedirectResponse(exc.location, status_code=303)

    @app.exception_handler(web.Refused)
    async def on_refused(request: Request, exc: web.Refused) -> Response:
        return web.render(request, None, "error.html", exc.status, message=exc.message)

    @app.middleware("http")
    async def console_headers(request: Request, call_next):  # type: ignore[no-untyped-def]
        response: Response = await call_next(request)
        if request.url.path.startswith(web.PREFIX):
            response.headers.setdefault("X-Frame-Options", "DENY")
            response.headers.setdefault("X-Content-Type-Options", "nosniff")
            response.headers.setdefault("Referrer-Policy", "same-origin")
            response.headers.setdefault(
                "Content-Security-Policy",
                "default-src 'self'; img-src 'self' data:; style-src 'self'; "
                "script-src 'self'; frame-ancestors 'none'; form-action 'self'",
            )
        return response
