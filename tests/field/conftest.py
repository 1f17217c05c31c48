"""Helpers for the field-conditions tests: real profiles, real CLI processes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from app.models import Reader
from app.profile import Profile
from app.services.outbox import record_op
from shuwu_shared.clock import Clock

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


def add_reader(profile: Profile, card: str) -> None:
    """A reader and its outbox op in one transaction (what the readers screen does)."""
    clock = Clock()
    with profile.sessions() as session, session.begin():
        now = clock.now()
        reader = Reader(
            card=card, name="测试读者", home_branch_code="V001", registered_at=now, updated_at=now
        )
        session.add(reader)
        session.flush()
        payload = {"reader_uuid": reader.uuid, "card": card, "name": reader.name}
        record_op(session, clock, "reader_upsert", payload)


def run_cli(program: str, *args: str, stdin: str | None = None) -> tuple[int, Any, str]:
    """Run ``shuwu`` / ``shuwu-server`` as a real process; returns (code, json-or-text, stderr)."""
    env = dict(os.environ, SHUWU_LANG="zh_CN")
    proc = subprocess.run(
        [str(BIN / program), *args],
        capture_output=True,
        text=True,
        input=stdin,
        env=env,
        timeout=300,
    )
    out: Any = proc.stdout
    if "--json" in args and proc.stdout.strip().startswith("{"):
        out = json.loads(proc.stdout.strip().splitlines()[-1])
    return proc.returncode, out, proc.stderr


def require_working_transport(base_url: str) -> None:
    """The server answers a proper Shuwu hello, and the client accepts it."""
    import requests

    from app.device.enrol import hello

    raw = requests.get(base_url + "/v1/hello", timeout=10)
    assert raw.ok and raw.headers.get("X-Shuwu-Server") and raw.json().get("server") == "shuwu"
    hello(base_url)
