"""The real county server as a child process, for tests (server and client sync tests).

    proc = serverproc.ServerProcess(db_url)      # runs `shuwu-server init` once
    base_url = proc.start()                      # serve on a free loopback port, wait for hello
    proc.kill()                                  # SIGKILL (crash), proc.stop() terminates
    proc.restart()                               # same db, same port
    serverproc.cli(db_url, "device", "add", "--branch", "CW01", "--json")  # → parsed JSON

PostgreSQL: ``pg_url()`` gives a URL for a fresh schema (or None when PostgreSQL does not
answer); set SHUWU_REQUIRE_POSTGRES=1 to make that a failure instead of a skip.
"""

from __future__ import annotations

import atexit
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

import requests

ROOT = Path(__file__).resolve().parents[1]
PG_BASE = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env.setdefault("SHUWU_LANG", "zh_CN")
    return env


def cli(db_url: str, *args: str, check: bool = True) -> Any:
    """Run ``shuwu-server ARGS --db URL``; return parsed JSON when --json is given, else the
    CompletedProcess."""
    proc = subprocess.run(
        [sys.executable, "-m", "server.cli", *args, "--db", db_url],
        capture_output=True,
        text=True,
        env=_env(),
        cwd=ROOT,
        timeout=600,
    )
    if check and proc.returncode != 0:
        raise AssertionError(f"shuwu-server {args} failed ({proc.returncode}): {proc.stderr}")
    if "--json" in args and proc.returncode == 0:
        return json.loads(proc.stdout)
    return proc


_SQLITE_TEMPLATES: dict[tuple[str, ...], Path] = {}


def _copy_initialised_sqlite(target: Path, init_args: tuple[str, ...]) -> None:
    """``shuwu-server init INIT_ARGS`` into a new SQLite file: run once per test process for
    each INIT_ARGS, into a template file; every later server gets its own copy of it."""
    template = _SQLITE_TEMPLATES.get(init_args)
    if template is None:
        folder = Path(tempfile.mkdtemp(prefix="shuwu-county-template-"))
        atexit.register(shutil.rmtree, folder, True)
        template = folder / "county.db"
        cli(f"sqlite:///{template}", "init", *init_args)
        _SQLITE_TEMPLATES[init_args] = template
    for suffix in ("", "-wal", "-shm"):
        source = Path(f"{template}{suffix}")
        if source.exists():
            shutil.copyfile(source, f"{target}{suffix}")


class ServerProcess:
    def __init__(self, db_url: str, *, init: bool = True, init_args: tuple[str, ...] = ()) -> None:
        self.db_url = db_url
        self.port = free_port()
        self.proc: subprocess.Popen[bytes] | None = None
        self.log_path = Path(os.environ.get("TMPDIR", "/tmp")) / f"shuwu-server-{self.port}.log"
        if init:
            target = Path(db_url.removeprefix("sqlite:///"))
            if db_url.startswith("sqlite:///") and not target.exists():
                _copy_initialised_sqlite(target, init_args)
            else:
                cli(db_url, "init", *init_args)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 60.0) -> str:
        assert self.proc is None or self.proc.poll() is not None, "already running"
        # The child keeps its own descriptor; the parent closes its copy at once.
        with self.log_path.open("ab") as log:
            self.proc = self._spawn(log)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited: {self.log_path.read_text(errors='replace')}")
            try:
                if requests.get(self.base_url + "/v1/hello", timeout=2).ok:
                    return self.base_url
            except requests.RequestException:
                pass
            time.sleep(0.1)
        self.kill()
        raise RuntimeError(f"server did not answer: {self.log_path.read_text(errors='replace')}")

    def _spawn(self, log: Any) -> subprocess.Popen[bytes]:
        return subprocess.Popen(
            [
                sys.executable,
                "-m",
                "server.cli",
                "serve",
                "--host",
                "127.0.0.1",
                "--port",
                str(self.port),
                "--db",
                self.db_url,
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
            env=_env(),
            cwd=ROOT,
        )

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()

    def kill(self) -> None:
        """SIGKILL: no shutdown, no flush — a power cut as far as the server knows."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()

    def restart(self) -> str:
        self.stop()
        return self.start()

    def cli(self, *args: str, check: bool = True) -> Any:
        return cli(self.db_url, *args, check=check)

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""


def start(db_url: str, init_args: tuple[str, ...] = ()) -> ServerProcess:
    proc = ServerProcess(db_url, init_args=init_args)
    proc.start()
    return proc


def postgres_answers() -> bool:
    try:
        import psycopg

        with psycopg.connect(
            "host=127.0.0.1 port=5432 user=postgres dbname=test", connect_timeout=3
        ):
            return True
    except Exception:
        return False


def pg_url(prefix: str = "t") -> str | None:
    """A URL on a fresh, empty schema of the test database; None when PostgreSQL is down."""
    if not postgres_answers():
        return None
    import psycopg

    schema = f"{prefix}_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(
        "host=127.0.0.1 port=5432 user=postgres dbname=test", autocommit=True
    ) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    return f"{PG_BASE}?options=-csearch_path%3D{schema}"


def drop_pg_schema(url: str) -> None:
    import psycopg

    schema = url.rsplit("%3D", 1)[1]
    with psycopg.connect(
        "host=127.0.0.1 port=5432 user=postgres dbname=test", autocommit=True
    ) as conn:
        conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
