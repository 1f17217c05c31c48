"""The county console against the real server process (SQLite and PostgreSQL).

``console_server``: one server per backend per module, seeded with the tiny demo county, which
also creates the demo logins (admin, readonly, supervisor of the first township) — password
``shuwu-demo``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

import httpx
import pytest

from tests import serverproc

DEMO_PASSWORD = "shuwu-demo"


def backend_url(kind: str, tmp_dir: Path) -> str:
    if kind == "sqlite":
        return f"sqlite:///{tmp_dir / 'county.db'}"
    url = serverproc.pg_url("console")
    if url is None:
        if os.environ.get("SHUWU_REQUIRE_POSTGRES") == "1":
            pytest.fail("PostgreSQL on 127.0.0.1:5432 does not answer (SHUWU_REQUIRE_POSTGRES=1)")
        pytest.skip("PostgreSQL on 127.0.0.1:5432 does not answer")
    return url


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
)
def console_server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[serverproc.ServerProcess]:
    url = backend_url(request.param, tmp_path_factory.mktemp(f"console-{request.param}"))
    proc = serverproc.ServerProcess(url, init_args=("--demo", "--demo-size", "tiny"))
    proc.start()
    yield proc
    proc.stop()
    if url.startswith("postgresql"):
        serverproc.drop_pg_schema(url)


CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


class Staff:
    """A signed-in browser-less staff member: cookies kept, the CSRF token read from pages."""

    opened: ClassVar[list[Staff]] = []  # closed after each test (close_staff_clients)

    def __init__(self, base_url: str) -> None:
        self.http = httpx.Client(base_url=base_url, follow_redirects=False, timeout=120)
        self.csrf = ""
        Staff.opened.append(self)

    def login(self, name: str, password: str = DEMO_PASSWORD) -> httpx.Response:
        page = self.http.get("/console/login")
        token = CSRF.search(page.text)
        assert token, page.text[:500]
        answer = self.http.post(
            "/console/login",
            data={"name": name, "password": password, "csrf_token": token.group(1)},
        )
        if answer.status_code == 303:
            self.refresh_token()
        return answer

    def refresh_token(self) -> None:
        page = self.http.get("/console/staff")
        found = CSRF.search(page.text)
        assert found, page.text[:500]
        self.csrf = found.group(1)

    def get(self, path: str, **kw: Any) -> httpx.Response:
        return self.http.get(path, **kw)

    def post(
        self, path: str, data: dict[str, str] | None = None, csrf: bool = True
    ) -> httpx.Response:
        body = dict(data or {})
        if csrf:
            body["csrf_token"] = self.csrf
        return self.http.post(path, data=body)


@pytest.fixture(autouse=True)
def close_staff_clients() -> Iterator[None]:
    """Every Staff a test made, its own or staff_as's, closes its connections (strict pytest
    turns a socket left to the garbage collector into an error)."""
    yield
    while Staff.opened:
        Staff.opened.pop().http.close()


@pytest.fixture
def staff_as(console_server: serverproc.ServerProcess):  # type: ignore[no-untyped-def]
    opened: list[Staff] = []

    def login(name: str) -> Staff:
        member = Staff(console_server.base_url)
        answer = member.login(name)
        assert answer.status_code == 303, answer.text[:500]
        opened.append(member)
        return member

    yield login
    for member in opened:
        member.http.close()
