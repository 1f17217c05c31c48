"""``shuwu demo``: a county server on loopback, seeded with the demo county, and this profile
enrolled as one village bookroom and synced.

The server database lives in ``<profile>/demo-server/``; a second run reuses it and the
enrolment (only the port changes), so the demo keeps whatever was done in it.
"""

from __future__ import annotations

import json
import logging
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from app.device.enrol import enrol, hello, is_enrolled, set_server_url
from app.device.transport import TransportConfig
from app.paths import resolve_home
from app.profile import Profile
from shuwu_shared.errors import ShuwuError, UserInputError
from shuwu_shared.i18n import _

log = logging.getLogger(__name__)

DEMO_DIR = "demo-server"
DEMO_DB = "server.db"
START_TIMEOUT_S = 60.0
SERVER_MAIN = "import sys; from server.cli import main; sys.exit(main())"


def demo_home(explicit: str | None) -> Path:
    """--home wins; otherwise ``demo`` inside the usual profile location."""
    if explicit:
        return resolve_home(explicit)
    return resolve_home(None) / "demo"


def server_command(*args: str) -> list[str]:
    """``shuwu-server ARGS`` through this interpreter (works without the venv on PATH)."""
    return [sys.executable, "-c", SERVER_MAIN, *args]


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _die_with_parent() -> None:
    """Linux: the demo server gets SIGTERM when the app dies without cleaning up."""
    import ctypes
    import signal

    pr_set_pdeathsig = 1
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(pr_set_pdeathsig, signal.SIGTERM)


class DemoFailed(ShuwuError):
    """The embedded demo server could not be prepared."""


def _run_server_cli(*args: str, timeout: float = 600.0) -> str:
    proc = subprocess.run(
        server_command(*args), capture_output=True, text=True, timeout=timeout, check=False
    )
    if proc.returncode != 0:
        detail = (proc.stderr or proc.stdout).strip().splitlines()[-3:]
        raise DemoFailed(
            _("The demo server could not be prepared: {detail}").format(detail=" ".join(detail))
        )
    return proc.stdout


@dataclass
class DemoServer:
    """A ``shuwu-server serve`` child process on 127.0.0.1."""

    folder: Path
    port: int = 0
    process: subprocess.Popen[bytes] | None = None
    _log: IO[bytes] | None = field(default=None, repr=False)

    @property
    def db_url(self) -> str:
        return f"sqlite:///{self.folder / DEMO_DB}"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def initialise(self) -> bool:
        """Create and seed the demo database once; True when it was created now."""
        self.folder.mkdir(parents=True, exist_ok=True)
        if (self.folder / DEMO_DB).exists():
            _run_server_cli("init", "--db", self.db_url)  # migrate only
            # County console demo logins (issue 18) also for demo folders made before it.
            _run_server_cli("staff", "demo", "--demo-database", "--db", self.db_url)
            return False
        _run_server_cli("init", "--demo", "--db", self.db_url)
        return True

    @property
    def console_url(self) -> str:
        return f"{self.url}/console/"

    def start(self) -> None:
        self.port = free_port()
        self._log = (self.folder / "server.log").open("ab")
        self.process = subprocess.Popen(
            server_command(
                "serve", "--host", "127.0.0.1", "--port", str(self.port), "--db", self.db_url
            ),
            stdout=self._log,
            stderr=subprocess.STDOUT,
            preexec_fn=_die_with_parent if sys.platform.startswith("linux") else None,
        )
        deadline = time.monotonic() + START_TIMEOUT_S
        quick = TransportConfig(connect_timeout=1.0, read_timeout=5.0, deadline=10.0, retries=0)
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                self.stop()  # closes the log file
                raise DemoFailed(
                    _("The demo server stopped at start; see {path}.").format(
                        path=self.folder / "server.log"
                    )
                )
            try:
                hello(self.url, quick)
                return
            except ShuwuError:
                time.sleep(0.3)
        self.stop()
        raise DemoFailed(_("The demo server did not start in time."))

    def enrolment_code(self, branch_code: str) -> str:
        out = _run_server_cli(
            "device", "add", "--branch", branch_code, "--db", self.db_url, "--json"
        )
        data = json.loads(out.strip().splitlines()[-1])
        return str(data["code"])

    def village_branch(self) -> str:
        """A village bookroom of the demo county that holds books (the one the demo plays):
        the server's own ``branch list`` says which, never a read of its database file."""
        out = _run_server_cli("branch", "list", "--db", self.db_url, "--json")
        try:
            rows = json.loads(out.strip().splitlines()[-1])["branches"]
            villages = [
                (-int(r.get("items") or 0), str(r["code"])) for r in rows if r["kind"] == "village"
            ]
        except (ValueError, LookupError, TypeError):
            villages = []
        if not villages:
            raise DemoFailed(_("The demo county has no village bookroom."))
        return min(villages)[1]

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        self.process = None
        if self._log is not None:
            self._log.close()
            self._log = None


def prepare_demo(profile: Profile, branch_code: str | None = None) -> DemoServer:
    """Start (seeding on first use) the demo server and enrol the profile; caller stops it."""
    server = DemoServer(profile.home / DEMO_DIR)
    server.initialise()
    server.start()
    try:
        if is_enrolled(profile):
            set_server_url(profile, server.url)
        else:
            code = server.enrolment_code(branch_code or server.village_branch())
            enrol(profile, server.url, code, device_name=_("Demo computer"))
    except (ShuwuError, OSError, ValueError, KeyError) as exc:
        server.stop()
        if isinstance(exc, ShuwuError):
            raise
        raise UserInputError(
            _("The demo could not enrol this profile: {reason}").format(reason=exc)
        ) from exc
    return server
