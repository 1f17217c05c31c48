"""The real county server as a child process on loopback, on SQLite and on PostgreSQL.

Every test gets its own server database: a fresh SQLite file, or a fresh PostgreSQL database
created on 127.0.0.1:5432 (user postgres) and dropped afterwards. PostgreSQL tests are skipped
with a reason only when the server does not answer, and fail when SHUWU_REQUIRE_POSTGRES=1.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.device.enrol import enrol
from app.profile import Profile
from app.sync.demo import free_port, server_command
from tests.profiles import new_profile

# The device token goes to an owner-only file: tests never touch a real keychain.
os.environ["SHUWU_CREDENTIALS"] = "file"

PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/test"
VILLAGE_A = "LC0101"
VILLAGE_B = "LC0201"


def server_available() -> bool:
    try:
        import server.cli  # noqa: F401
    except ImportError:
        return False
    return True


needs_server = pytest.mark.skipif(
    not server_available(), reason="the county server (server/cli.py) is not in this checkout"
)


def _pg_connect():  # type: ignore[no-untyped-def]
    import psycopg

    return psycopg.connect(PG_ADMIN, autocommit=True, connect_timeout=3)


def postgres_answers() -> bool:
    try:
        with _pg_connect():
            return True
    except Exception:
        return False


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def server_db(request, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'county.db'}"
        return
    if not postgres_answers():
        if os.environ.get("SHUWU_REQUIRE_POSTGRES") == "1":
            pytest.fail("PostgreSQL on 127.0.0.1:5432 does not answer (SHUWU_REQUIRE_POSTGRES=1)")
        pytest.skip("PostgreSQL on 127.0.0.1:5432 does not answer")
    name = f"shuwu_sync_{uuid.uuid4().hex[:12]}"
    with _pg_connect() as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
    finally:
        with _pg_connect() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def server_cli(db: str, *args: str) -> dict:
    proc = subprocess.run(
        server_command(*args, "--db", db, "--json"),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr + proc.stdout
    return json.loads(proc.stdout.strip().splitlines()[-1])


class ServerProcess:
    """``shuwu-server serve`` on a fixed loopback port (kept across restarts)."""

    def __init__(self, db: str, log: Path) -> None:
        self.db = db
        self.port = free_port()
        self.log_path = log
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        import requests

        log = self.log_path.open("ab")
        self.proc = subprocess.Popen(
            server_command(
                "serve", "--host", "127.0.0.1", "--port", str(self.port), "--db", self.db
            ),
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        log.close()
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            assert self.proc.poll() is None, self.log_path.read_text(errors="replace")[-3000:]
            try:
                if requests.get(self.url + "/v1/hello", timeout=1).status_code == 200:
                    return
            except requests.RequestException:
                time.sleep(0.2)
        raise AssertionError("server did not start")

    def kill(self) -> None:
        """SIGKILL: no clean shutdown, whatever was in flight is cut."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(timeout=10)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.kill()

    def cli(self, *args: str) -> dict:
        return server_cli(self.db, *args)


@pytest.fixture(scope="session")
def tiny_county_templates(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """``shuwu-server init --demo --demo-size tiny`` once per worker and backend, on demand:
    backend → a seeded SQLite file, or a PostgreSQL database to copy (CREATE DATABASE …
    TEMPLATE). Each county then starts from its own copy of the same seeded database."""
    made: dict[str, str] = {}
    yield made
    if "postgres" in made:
        with _pg_connect() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{made["postgres"]}" WITH (FORCE)')


def _seed_tiny_county(server_db: str, templates: dict[str, str], folder: Path) -> None:
    """Make ``server_db`` (an empty SQLite path or an empty PostgreSQL database) a freshly
    initialised tiny demo county, copied from this worker's template."""
    if server_db.startswith("sqlite:///"):
        if "sqlite" not in templates:
            template = folder / "county-template.db"
            server_cli(f"sqlite:///{template}", "init", "--demo", "--demo-size", "tiny")
            templates["sqlite"] = str(template)
        target = Path(server_db.removeprefix("sqlite:///"))
        for suffix in ("", "-wal", "-shm"):
            source = Path(templates["sqlite"] + suffix)
            if source.exists():
                shutil.copyfile(source, str(target) + suffix)
        return
    name = server_db.rsplit("/", 1)[1]
    if "postgres" not in templates:
        template = f"shuwu_tmpl_{uuid.uuid4().hex[:12]}"
        with _pg_connect() as conn:
            conn.execute(f'CREATE DATABASE "{template}"')
        server_cli(
            f"postgresql+psycopg://postgres@127.0.0.1:5432/{template}",
            "init",
            "--demo",
            "--demo-size",
            "tiny",
        )
        templates["postgres"] = template
    with _pg_connect() as conn:
        conn.execute(f'DROP DATABASE "{name}"')
        conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{templates["postgres"]}"')


@pytest.fixture
def county(
    server_db: str,
    tmp_path: Path,
    tiny_county_templates: dict[str, str],
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[ServerProcess]:
    """A small demo county (tiny) served on loopback."""
    if not server_available():
        pytest.skip("the county server (server/cli.py) is not in this checkout")
    _seed_tiny_county(server_db, tiny_county_templates, tmp_path_factory.getbasetemp())
    server = ServerProcess(server_db, tmp_path / "server.log")
    server.start()
    yield server
    server.stop()


def village_codes(server: ServerProcess) -> list[str]:
    branches = server.cli("branch", "list")["branches"]
    return [b["code"] for b in branches if b["kind"] == "village"]


@pytest.fixture
def make_device(county: ServerProcess, tmp_path: Path):  # type: ignore[no-untyped-def]
    """Open a fresh profile enrolled at ``branch`` (default: the first village)."""
    opened: list[Profile] = []

    def factory(branch: str | None = None, url: str | None = None, name: str = "dev") -> Profile:
        code = county.cli("device", "add", "--branch", branch or village_codes(county)[0])["code"]
        profile = new_profile(tmp_path / f"profile-{name}-{len(opened)}")
        opened.append(profile)
        enrol(profile, url or county.url, code)
        return profile

    yield factory
    for profile in opened:
        profile.close()
